/// A converged SCF calculation: energies, orbitals and the density, atomic units.
public struct SCFResult: Sendable {
    /// Method ("RHF", "B3LYP", …).
    public let method: String
    /// Total energy E = E_elec + E_nuc. - Units: hartree.
    public let energy: Double
    /// Nuclear repulsion. - Units: hartree.
    public let nuclearRepulsion: Double
    /// One-electron part Tr(D h) and two-electron part ½Tr(DJ) − (α/4)Tr(DK). - Units: hartree.
    public let oneElectronEnergy: Double
    public let twoElectronEnergy: Double
    /// E_xc on the grid (0 for Hartree–Fock). - Units: hartree.
    public let exchangeCorrelationEnergy: Double
    /// Orbital energies, ascending. - Units: hartree.
    public let orbitalEnergies: [Double]
    /// Occupations (2 or 0 for a closed shell), in orbital order.
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
    /// DFT only: grid points, ∫ρ on the grid (electrons) and the grid's description.
    public let gridPoints: Int?
    public let gridElectrons: Double?
    public let grid: String?
    /// Unrestricted only: α and β orbital energies (hartree, ascending each) and densities (n × n each).
    public var spinOrbitalEnergies: [[Double]]? = nil
    public var spinDensities: [[Double]]? = nil
    /// Unrestricted only: the spin of each orbital of `orbitalEnergies` (0 α, 1 β).
    public var orbitalSpins: [Int]? = nil

    /// Index of the highest occupied orbital (over both spins for an unrestricted result, whose
    /// orbitals are listed together by energy).
    public var homoIndex: Int? { occupations.lastIndex { $0 > 0 } }
    /// HOMO and LUMO energies: the highest occupied and the lowest empty level (of either spin).
    /// - Units: hartree.
    public var homo: Double? { zip(orbitalEnergies, occupations).filter { $0.1 > 0 }.map(\.0).max() }
    public var lumo: Double? { zip(orbitalEnergies, occupations).filter { $0.1 == 0 }.map(\.0).min() }
}
