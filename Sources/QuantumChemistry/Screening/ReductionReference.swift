import InterphaseCore

/// The electron energy an SEI species' LUMO is compared with: the electrochemical potential of Li
/// metal on the absolute (vacuum) scale. Default: E(Li⁺/Li) = −3.04 V vs SHE (Bard, Parsons & Jordan,
/// *Standard Potentials in Aqueous Solution*, 1985) with the absolute SHE potential 4.44 V (Trasatti,
/// Pure Appl. Chem. 58, 955 (1986), IUPAC), so μ_Li = −(4.44 − 3.04) eV = −1.40 eV. A species whose LUMO
/// lies below it can take an electron from Li (it is reduced); one above it is stable against Li
/// (Goodenough & Kim, Chem. Mater. 22, 587 (2010); the criterion of the reference study).
public struct ReductionReference: Sendable, Equatable {
    /// Electron energy. - Units: eV (vacuum scale).
    public var energyEV: Double
    public var source: String

    public init(energyEV: Double, source: String) {
        self.energyEV = energyEV
        self.source = source
    }

    public static let lithium = ReductionReference(
        energyEV: -(4.44 - 3.04),
        source: "Li⁺/Li at −3.04 V vs SHE, absolute SHE 4.44 V (Trasatti 1986, IUPAC): μ_Li = −1.40 eV vs vacuum")
}
