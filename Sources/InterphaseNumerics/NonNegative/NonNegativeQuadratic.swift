import InterphaseCore

/// min ½ xᵀQx − dᵀx subject to x ≥ 0 for a symmetric positive (semi)definite Q, by the active-set method
/// of Lawson & Hanson (*Solving Least Squares Problems*, 1974, ch. 23, algorithm NNLS) written for the
/// normal-equation form: the passive set P grows by the free variable with the largest gradient
/// w = d − Qx, the unconstrained minimiser on P solves Q_PP z = d_P (Cholesky), and a step back to the
/// boundary removes variables that would turn negative. The solution satisfies the KKT conditions
/// x ≥ 0, w ≤ tol, xᵢwᵢ = 0 exactly at termination: no interior-point tolerance.
/// Used by the Tikhonov-regularised DRT (whose Q = AᵀA + λM is positive definite).
public enum NonNegativeQuadratic {
    /// - Parameters:
    ///   - q: n × n, symmetric.
    ///   - d: n.
    ///   - tolerance: stop when every free gradient is below this (relative to max |d|).
    /// - Throws: `.notConverged` after 3n outer iterations; `.invalidData` when Q_PP is not positive definite.
    public static func solve(q: Matrix, d: [Double], tolerance: Double = 1e-12) throws -> [Double] {
        let n = d.count
        precondition(q.rows == n && q.columns == n, "NonNegativeQuadratic: Q must be n × n")
        var x = [Double](repeating: 0, count: n)
        var passive = [Bool](repeating: false, count: n)
        let scale = max(d.map(abs).max() ?? 1, 1e-300)
        func gradient() -> [Double] {
            (0..<n).map { i in
                var s = d[i]
                for j in 0..<n where x[j] != 0 { s -= q[i, j] * x[j] }
                return s
            }
        }
        func solvePassive() throws -> [Double] {
            let p = (0..<n).filter { passive[$0] }
            var sub = Matrix(rows: p.count, columns: p.count), rhs = Matrix(rows: p.count, columns: 1)
            for (a, i) in p.enumerated() {
                rhs[a, 0] = d[i]
                for (b, j) in p.enumerated() { sub[a, b] = q[i, j] }
            }
            let z: Matrix
            do { z = try LAPACK.choleskySolve(factor: try LAPACK.cholesky(sub), rhs) } catch {
                throw InterphaseError(.invalidData, "the regularised normal matrix is not positive definite on \(p.count) free variables",
                                      expected: "a larger regularisation parameter")
            }
            var full = [Double](repeating: 0, count: n)
            for (a, i) in p.enumerated() { full[i] = z[a, 0] }
            return full
        }
        for _ in 0..<(3 * n + 10) {
            let w = gradient()
            guard let t = (0..<n).filter({ !passive[$0] && w[$0] > tolerance * scale }).max(by: { w[$0] < w[$1] }) else { return x }
            passive[t] = true
            var inner = 0
            while true {
                inner += 1
                let z = try solvePassive()
                if (0..<n).allSatisfy({ !passive[$0] || z[$0] > 0 }) {
                    x = z
                    break
                }
                // Step from x towards z until the first passive variable reaches 0.
                var alpha = 1.0, limiting = -1
                for i in 0..<n where passive[i] && z[i] <= 0 {
                    let denominator = x[i] - z[i]
                    if denominator > 0, x[i] / denominator < alpha { alpha = x[i] / denominator; limiting = i }
                }
                if limiting < 0 { alpha = 0 }
                for i in 0..<n { x[i] += alpha * (z[i] - x[i]) }
                for i in 0..<n where passive[i] && (x[i] <= 0 || i == limiting) {
                    passive[i] = false
                    x[i] = 0
                }
                if inner > 3 * n { break }
            }
        }
        throw InterphaseError(.notConverged, "the non-negative quadratic program did not converge in \(3 * n + 10) active-set iterations")
    }
}
