/// The parameter covariance of a least-squares fit from its Jacobian, as `scipy.optimize.curve_fit`
/// computes it (absolute_sigma = False): C = s² V Σ⁻² Vᵀ from the thin SVD J = U Σ Vᵀ, singular values
/// σᵢ ≤ ε·max(m, n)·σ₁ dropped (the Moore–Penrose pseudo-inverse of JᵀJ), and s² = χ²/(m − n).
///
/// SVD rather than inverting JᵀJ: forming JᵀJ squares the condition number, and strongly correlated
/// circuit parameters (R and C of the same arc) make it nearly singular (Golub & Van Loan, §5.3).
enum LeastSquaresCovariance {
    struct Statistics {
        var covariance: Matrix
        var standardErrors: [Double]
        var correlation: Matrix
        var rank: Int
    }

    static func compute(jacobian: Matrix, chiSquare: Double) throws -> Statistics {
        let m = jacobian.rows, n = jacobian.columns
        var unscaled = Matrix(rows: n, columns: n)
        var rank = 0
        if m > 0 && n > 0 {
            let (_, s, vt) = try LAPACK.singularValueDecomposition(jacobian)
            let threshold = Double.ulpOfOne * Double(Swift.max(m, n)) * (s.first ?? 0)
            // vt is p×n with p = min(m, n); keep rows k with s[k] > threshold.
            for k in 0..<s.count where s[k] > threshold {
                rank += 1
                let w = 1 / (s[k] * s[k])
                for j in 0..<n {
                    let vj = vt[k, j] * w
                    for i in 0..<n { unscaled[i, j] += vt[k, i] * vj }
                }
            }
        }
        var covariance = unscaled
        let dof = m - n
        for j in 0..<n {
            for i in 0..<n {
                covariance[i, j] = dof > 0 ? unscaled[i, j] * chiSquare / Double(dof) : .infinity
            }
        }
        let errors = (0..<n).map { covariance[$0, $0].squareRoot() }
        var correlation = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n {
                let d = errors[i] * errors[j]
                correlation[i, j] = (d > 0 && d.isFinite) ? covariance[i, j] / d : .nan
            }
        }
        return Statistics(covariance: covariance, standardErrors: errors, correlation: correlation, rank: rank)
    }
}
