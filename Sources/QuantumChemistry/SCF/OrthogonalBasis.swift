import InterphaseCore
import InterphaseNumerics

/// The orthonormal basis every SCF solves in: X = U s^{-1/2} from the overlap's eigenvectors with
/// eigenvalues above a threshold (canonical orthogonalisation, Löwdin, Adv. Quantum Chem. 5, 185
/// (1970)), which drops near-linear dependencies. FC = SCε becomes (XᵀFX)C′ = C′ε with C = XC′, and
/// the SCF's convergence measure is the orthogonalised commutator Xᵀ(FDS − SDF)X.
struct OrthogonalBasis {
    let n: Int
    let s: Matrix
    let x: Matrix
    /// Independent functions (columns of X).
    var count: Int { x.columns }

    init(overlap: [Double], order n: Int, threshold: Double) throws {
        self.n = n
        s = Matrix(rows: n, columns: n, columnMajor: overlap)
        let (values, vectors) = try LAPACK.symmetricEigen(s)
        let kept = values.indices.filter { values[$0] > threshold }
        var x = Matrix(rows: n, columns: kept.count)
        for (c, k) in kept.enumerated() {
            let scale = 1 / values[k].squareRoot()
            for r in 0..<n { x[r, c] = vectors[r, k] * scale }
        }
        self.x = x
    }

    /// Orbital energies (ascending) and coefficients C (n × count) of a Fock matrix (row-major). With
    /// `levelShift` μ > 0 and the current `density` D, F + μ(S − ½SDS) is diagonalised instead: the
    /// virtual space raised by μ (Saunders & Hillier, Int. J. Quantum Chem. 7, 699 (1973)).
    func diagonalise(_ fock: [Double], levelShift: Double = 0, density: [Double]? = nil) throws -> (energies: [Double], c: Matrix) {
        var f = Matrix(rows: n, columns: n, columnMajor: fock)
        if let density, levelShift > 0 {
            let sds = try LAPACK.product(try LAPACK.product(s, Matrix(rows: n, columns: n, columnMajor: density)), s)
            for i in 0..<n { for j in 0..<n { f[i, j] += levelShift * (s[i, j] - 0.5 * sds[i, j]) } }
        }
        let fPrime = try LAPACK.product(try LAPACK.product(x, f, transposeA: true), x)
        let (values, vectors) = try LAPACK.symmetricEigen(fPrime)
        return (values, try LAPACK.product(x, vectors))
    }

    /// Xᵀ(FDS − SDF)X for a Fock matrix and the density it was built from (row-major, symmetric).
    func commutator(_ fock: [Double], _ density: [Double]) throws -> Matrix {
        let fds = try LAPACK.product(try LAPACK.product(Matrix(rows: n, columns: n, columnMajor: fock),
                                                        Matrix(rows: n, columns: n, columnMajor: density)), s)
        var e = Matrix(rows: n, columns: n)
        for a in 0..<n { for b in 0..<n { e[a, b] = fds[a, b] - fds[b, a] } }
        return try LAPACK.product(try LAPACK.product(x, e, transposeA: true), x)
    }

    /// D = Σ_k n_k C_k C_kᵀ (row-major) for orbital occupations n_k.
    func density(_ c: Matrix, occupations: [Double]) -> [Double] {
        var d = [Double](repeating: 0, count: n * n)
        let occupied = occupations.indices.filter { occupations[$0] > 0 }
        for i in 0..<n {
            for j in 0...i {
                var sum = 0.0
                for k in occupied { sum += occupations[k] * c[i, k] * c[j, k] }
                d[i * n + j] = sum
                d[j * n + i] = sum
            }
        }
        return d
    }
}
