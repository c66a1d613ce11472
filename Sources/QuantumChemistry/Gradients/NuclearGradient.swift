/// The gradient of an SCF energy with respect to the nuclear positions, dE/dR_A for each atom, and
/// its parts (one-electron incl. the energy-weighted overlap term, two-electron, exchange–correlation,
/// nuclear repulsion). - Units: hartree/bohr (× 51.422 for eV/Å).
public struct NuclearGradient: Sendable {
    /// dE/dR_A per atom, in molecule order. - Units: hartree/bohr.
    public let values: [SIMD3<Double>]
    public let oneElectron: [SIMD3<Double>]
    public let twoElectron: [SIMD3<Double>]
    public let exchangeCorrelation: [SIMD3<Double>]
    public let nuclearRepulsion: [SIMD3<Double>]

    /// The components as one list (x₁, y₁, z₁, x₂, …). - Units: hartree/bohr.
    public var flat: [Double] { values.flatMap { [$0.x, $0.y, $0.z] } }
    /// Largest |component| and root mean square over the 3N components (Gaussian's "Maximum Force" and
    /// "RMS Force", up to sign). - Units: hartree/bohr.
    public var maxComponent: Double { flat.map(abs).max() ?? 0 }
    public var rms: Double { flat.isEmpty ? 0 : (flat.map { $0 * $0 }.reduce(0, +) / Double(flat.count)).squareRoot() }
}
