import InterphaseCore
import InterphaseNumerics

/// One-electron properties of a converged SCF density: atomic charges and the dipole moment.
///
/// - Mulliken charges (J. Chem. Phys. 23, 1833 (1955)): q_A = Z_A − Σ_{μ∈A} (DS)_μμ. Invariant under
///   the scaling of basis functions, so the same in every program for the same basis.
/// - Löwdin charges (J. Chem. Phys. 18, 365 (1950)): q_A = Z_A − Σ_{μ∈A} (S^{½} D S^{½})_μμ, the
///   populations of the symmetrically orthogonalised basis. Not scale-invariant: Cartesian d shells
///   normalised as libint2 does (every component like x²) give other values than a program that
///   normalises each component.
/// - Dipole moment: μ = Σ_A Z_A R_A − Σ_μν D_μν ⟨μ|r|ν⟩ about the origin (PySCF's `dip_moment`
///   convention); origin-independent for a neutral molecule.
public struct MolecularProperties: Sendable {
    /// Mulliken and Löwdin charges, in atom order. - Units: e.
    public let mullikenCharges: [Double]
    public let lowdinCharges: [Double]
    /// Dipole moment vector. - Units: e·bohr (atomic units); `dipoleDebye` in debye.
    public let dipole: SIMD3<Double>

    public var dipoleDebye: SIMD3<Double> { dipole * Units.atomicDipoleToDebye }
    /// |μ|. - Units: D.
    public var dipoleMagnitudeDebye: Double { (dipoleDebye * dipoleDebye).sum().squareRoot() }

    public init(_ result: SCFResult, integrals: Integrals) throws {
        let n = integrals.functionCount
        let molecule = integrals.molecule
        let d = result.density, s = integrals.overlap
        // Function → atom.
        var owner = [Int](repeating: 0, count: n)
        var offset = 0
        for shell in integrals.basis.shells {
            for f in 0..<shell.functionCount { owner[offset + f] = shell.atom }
            offset += shell.functionCount
        }
        var mulliken = molecule.atoms.map { Double($0.element.atomicNumber) }
        for mu in 0..<n {
            var population = 0.0
            for nu in 0..<n { population += d[mu * n + nu] * s[nu * n + mu] }
            mulliken[owner[mu]] -= population
        }
        // S^{1/2} from the eigen-decomposition of S.
        let (values, vectors) = try LAPACK.symmetricEigen(Matrix(rows: n, columns: n, columnMajor: s))
        var root = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += vectors[i, k] * max(values[k], 0).squareRoot() * vectors[j, k] }
                root[i, j] = sum
            }
        }
        let orthogonal = try LAPACK.product(try LAPACK.product(root, Matrix(rows: n, columns: n, columnMajor: d)), root)
        var lowdin = molecule.atoms.map { Double($0.element.atomicNumber) }
        for mu in 0..<n { lowdin[owner[mu]] -= orthogonal[mu, mu] }
        let integralsR = try integrals.dipole(origin: .zero)
        var mu = SIMD3<Double>.zero
        for atom in molecule.atoms { mu += Double(atom.element.atomicNumber) * atom.position }
        for axis in 0..<3 {
            var electronic = 0.0
            for t in d.indices { electronic += d[t] * integralsR[axis][t] }
            mu[axis] -= electronic
        }
        mullikenCharges = mulliken
        lowdinCharges = lowdin
        dipole = mu
    }
}
