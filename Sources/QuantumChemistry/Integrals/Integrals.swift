import InterphaseCore

/// The integrals of one basis on one molecule, through libint2: the one-electron matrices (built once)
/// and Coulomb/exchange builds for any density. Matrices are row-major n × n, atomic units.
///
/// Two-electron integrals are semi-direct: the first build keeps the Schwarz-surviving shell quartets
/// in memory when they fit `memoryLimit` (H2O/cc-pVDZ a few MB, 90 functions ≈ 70 MB, o-carborane/6-31G(d,p) with 240 ≈ 3.4 GB), so later SCF
/// cycles only contract them; larger systems recompute them every
/// cycle (direct), so memory stays bounded by the limit.
public final class Integrals: @unchecked Sendable {
    public let basis: BasisSet
    public let molecule: Molecule
    let engine: Libint.Basis
    /// Overlap S, kinetic T and nuclear attraction V (hartree).
    public let overlap: [Double]
    public let kinetic: [Double]
    public let nuclear: [Double]

    public var functionCount: Int { engine.functionCount }

    /// - Parameter memoryLimit: bytes the integral cache may use. - Units: bytes (default 4 GB, PySCF's default max_memory).
    public init(_ basis: BasisSet, molecule: Molecule, memoryLimit: Double = 4e9) throws {
        self.basis = basis
        self.molecule = molecule
        engine = try Libint.Basis(basis)
        engine.setCacheLimit(memoryLimit)
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

    /// Dipole integrals ⟨μ|r − O|ν⟩ for x, y, z about `origin` (bohr). - Units: bohr.
    public func dipole(origin: SIMD3<Double> = .zero) throws -> [[Double]] { try Libint.dipole(engine, origin: origin) }

    /// Each shell's contraction coefficients as libint2 normalized them (for evaluating basis functions
    /// on a grid with the same normalization as the integrals).
    public var normalizedCoefficients: [[Double]] { Libint.normalizedCoefficients(engine, primitives: basis.shells.map(\.exponents.count)) }

    /// The molecular electrostatic potential V(P) = Σ_A Z_A/|P − R_A| − Σ_μν D_μν ⟨μ|1/|r − P||ν⟩ at each
    /// point (bohr) for density D (row-major). - Units: hartree per e (× 627.5 for kcal/mol).
    public func electrostaticPotential(density: [Double], at points: [SIMD3<Double>], threads: Int = Parallel.coreCount) throws -> [Double] {
        var v = try Libint.electronicPotential(engine, density: density, points: points, threshold: 1e-12, threads: threads)
        for (p, point) in points.enumerated() {
            for atom in molecule.atoms {
                let d = point - atom.position
                v[p] += Double(atom.element.atomicNumber) / (d * d).sum().squareRoot()
            }
        }
        return v
    }

    /// Shell quartets held in memory (0: direct).
    public var cachedQuartets: Int { engine.cachedQuartets }

    /// Every (μν|λσ) (chemists' notation), n⁴ values: for tests on small bases.
    public func allTwoElectron() throws -> [Double] { try Libint.twoBodyAll(engine) }
}
