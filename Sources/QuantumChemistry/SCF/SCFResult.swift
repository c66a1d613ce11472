/// A converged SCF calculation: energies, orbitals and the density, atomic units.
public struct SCFResult: Sendable {
    /// Method ("RHF").
    public let method: String
    /// Total energy E = E_elec + E_nuc. - Units: hartree.
    public let energy: Double
    /// Nuclear repulsion. - Units: hartree.
    public let nuclearRepulsion: Double
    /// One-electron part Tr(D h) and two-electron part ½ Tr(D G). - Units: hartree.
    public let oneElectronEnergy: Double
    public let twoElectronEnergy: Double
    /// Orbital energies, ascending. - Units: hartree.
    public let orbitalEnergies: [Double]
    /// Occupations (2 or 0 for RHF), in orbital order.
    public let occupations: [Double]
    /// MO coefficients, column-major n × m (column k is orbital k over the n basis functions).
    public let coefficients: [Double]
    /// Total density D = Σ occ C Cᵀ, n × n.
    public let density: [Double]
    public let functionCount: Int
    public let iterations: Int
    /// |ΔE| and max commutator element of the last cycle. - Units: hartree.
    public let lastEnergyChange: Double
    public let lastCommutator: Double

    /// Index of the highest occupied orbital.
    public var homoIndex: Int? { occupations.lastIndex { $0 > 0 } }
    /// HOMO and LUMO energies. - Units: hartree.
    public var homo: Double? { homoIndex.map { orbitalEnergies[$0] } }
    public var lumo: Double? { homoIndex.flatMap { $0 + 1 < orbitalEnergies.count ? orbitalEnergies[$0 + 1] : nil } }
}
