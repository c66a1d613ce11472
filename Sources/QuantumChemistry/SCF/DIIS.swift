import InterphaseNumerics

/// Pulay's direct inversion in the iterative subspace (Chem. Phys. Lett. 73, 393 (1980); J. Comput.
/// Chem. 3, 556 (1982)): the next Fock matrix is the combination Σ cᵢFᵢ of the last m that minimises
/// |Σ cᵢeᵢ| subject to Σ cᵢ = 1, with eᵢ the orthogonalised commutator of cycle i. Solved as the
/// bordered linear system [B 1; 1ᵀ 0][c; λ] = [0; 1], Bᵢⱼ = ⟨eᵢ, eⱼ⟩.
struct DIIS {
    let capacity: Int
    private(set) var focks: [[Double]] = []
    private(set) var errors: [[Double]] = []

    init(capacity: Int) { self.capacity = capacity }

    /// Adds a cycle's Fock matrix and error vector; returns the extrapolated Fock matrix (the given one
    /// while fewer than two are stored, or when the system is singular).
    mutating func extrapolate(fock: [Double], error: [Double]) -> [Double] {
        focks.append(fock)
        errors.append(error)
        if focks.count > capacity { focks.removeFirst(); errors.removeFirst() }
        let m = focks.count
        guard m >= 2 else { return fock }
        var b = Matrix(rows: m + 1, columns: m + 1)
        for i in 0..<m {
            for j in 0...i {
                var dot = 0.0
                for k in errors[i].indices { dot += errors[i][k] * errors[j][k] }
                b[i, j] = dot
                b[j, i] = dot
            }
            b[i, m] = -1
            b[m, i] = -1
        }
        var rhs = Matrix(rows: m + 1, columns: 1)
        rhs[m, 0] = -1
        guard let solution = try? LAPACK.solve(b, rhs) else { return fock }
        var result = [Double](repeating: 0, count: fock.count)
        for i in 0..<m {
            let c = solution[i, 0]
            guard c.isFinite else { return fock }
            for k in result.indices { result[k] += c * focks[i][k] }
        }
        return result
    }
}
