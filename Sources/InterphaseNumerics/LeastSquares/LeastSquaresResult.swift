/// The outcome of a converged `LeastSquares.solve`: the minimiser and the statistics of the fit.
///
/// Covariance follows `scipy.optimize.curve_fit` with `absolute_sigma=False`: C = s² (JᵀJ)⁺ with
/// s² = χ²/(m − n), the pseudo-inverse taken from the SVD of J with singular values below
/// ε·max(m, n)·σ₁ discarded (so a rank-deficient fit still has a covariance, infinite-free). The
/// residuals are whatever the problem defined: if they are (model − data)/σ, χ² is the weighted χ².
public struct LeastSquaresResult: Sendable {
    /// The parameter names of the problem, in order.
    public let parameterNames: [String]
    /// The minimiser p̂ (parameters' units).
    public let parameters: [Double]
    /// ½‖r(p̂)‖² (residual units squared).
    public let cost: Double
    /// r(p̂), m values.
    public let residuals: [Double]
    /// J(p̂), m × n (analytic or finite-difference, as the problem was solved).
    public let jacobian: Matrix
    /// s² (JᵀJ)⁺, n × n (parameter units squared); infinite when m ≤ n (no degrees of freedom).
    public let covariance: Matrix
    /// √diag(covariance): one-standard-deviation errors (parameters' units).
    public let standardErrors: [Double]
    /// Cᵢⱼ / √(Cᵢᵢ Cⱼⱼ), n × n, dimensionless (NaN where a variance is zero or infinite).
    public let correlation: Matrix
    /// χ² = ‖r(p̂)‖² = 2·cost.
    public let chiSquare: Double
    /// m − n.
    public let degreesOfFreedom: Int
    /// χ²/(m − n) (NaN when m ≤ n).
    public let reducedChiSquare: Double
    /// Numerical rank of J(p̂) used for the pseudo-inverse.
    public let rank: Int
    /// Residual evaluations (the initial one included, finite-difference columns not).
    public let evaluations: Int
    /// Jacobian evaluations (analytic calls or finite-difference sweeps).
    public let jacobianEvaluations: Int
    /// Outer iterations of the trust-region method.
    public let iterations: Int
    /// The criterion that stopped the solve.
    public let stop: LeastSquaresStop
    /// Per parameter: −1 at its lower bound, +1 at its upper bound, 0 inside (relative tolerance xtol,
    /// as SciPy's `active_mask`).
    public let activeBounds: [Int]

    /// The estimate and standard error of parameter `name`, nil if there is no such parameter.
    public func value(_ name: String) -> (value: Double, standardError: Double)? {
        guard let j = parameterNames.firstIndex(of: name) else { return nil }
        return (parameters[j], standardErrors[j])
    }
}
