import InterphaseCore

/// The integrals of one basis on one molecule, through libint2: the one-electron matrices (built once)
/// and direct Coulomb/exchange builds for any density. Matrices are row-major n × n, atomic units.
public final class Integrals: @unchecked Sendable {
    public let basis: BasisSet
    public let molecule: Molecule
    let engine: Libint.Basis
    /// Overlap S, kinetic T and nuclear attraction V (hartree).
    public let overlap: [Double]
    public let kinetic: [Double]
    public let nuclear: [Double]

    public var functionCount: Int { engine.functionCount }

    public init(_ basis: BasisSet, molecule: Molecule) throws {
        self.basis = basis
        self.molecule = molecule
        engine = try Libint.Basis(basis)
        overlap = try Libint.oneBody(engine, .overlap)
        kinetic = try Libint.oneBody(engine, .kinetic)
        nuclear = try Libint.oneBody(engine, .nuclear, charges: molecule.atoms.map { Double($0.element.atomicNumber) },
                                     positions: molecule.atoms.flatMap { [$0.position.x, $0.position.y, $0.position.z] })
    }

    /// Core Hamiltonian h = T + V.
    public var coreHamiltonian: [Double] { zip(kinetic, nuclear).map { $0 + $1 } }

    /// J[D] and K[D] for each density (direct, Schwarz-screened at `threshold`, on `threads` threads).
    public func coulombExchange(_ densities: [[Double]], exchange: Bool = true, threshold: Double = 1e-12,
                                threads: Int = Parallel.coreCount) throws -> (j: [[Double]], k: [[Double]]?) {
        try Libint.coulombExchange(engine, densities: densities, exchange: exchange, threshold: threshold, threads: threads)
    }

    /// Every (μν|λσ) (chemists' notation), n⁴ values: for tests on small bases.
    public func allTwoElectron() throws -> [Double] { try Libint.twoBodyAll(engine) }
}
