/// The forward-difference Jacobian used when a problem supplies none: column j is
/// (r(p + hⱼeⱼ) − r(p))/hⱼ with hⱼ = δ·max(1, |pⱼ|)·sign(pⱼ) (δ = √ε by default, the step that balances
/// truncation and rounding error for a first-order difference; Nocedal & Wright 2006, §8.1), rounded
/// so that p + hⱼ is representable, and taken backwards when the forward point leaves the box. This is
/// SciPy's "2-point" scheme, so a problem solved without a Jacobian follows `curve_fit`'s path.
enum FiniteDifferenceJacobian {
    static func compute(
        _ problem: LeastSquaresProblem, at p: [Double], residuals r0: [Double], relativeStep: Double
    ) throws -> Matrix {
        let m = r0.count, n = p.count
        var jacobian = Matrix(rows: m, columns: n)
        for j in 0..<n {
            let sign: Double = p[j] >= 0 ? 1 : -1
            var h = relativeStep * sign * Swift.max(1, Swift.abs(p[j]))
            if p[j] + h > problem.upperBounds[j] || p[j] + h < problem.lowerBounds[j] { h = -h }
            var shifted = p
            shifted[j] = p[j] + h
            h = shifted[j] - p[j]
            let r = try problem.residuals(shifted)
            guard r.count == m else { throw LeastSquares.countMismatch(problem, r.count, m) }
            jacobian.setColumn(j, (0..<m).map { (r[$0] - r0[$0]) / h })
        }
        return jacobian
    }
}
