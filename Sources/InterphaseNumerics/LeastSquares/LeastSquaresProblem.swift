import InterphaseCore

/// A bounded nonlinear least-squares problem: minimise ½‖r(p)‖² over lᵢ ≤ pᵢ ≤ uᵢ.
///
/// The residual vector r(p) ∈ ℝᵐ is whatever the caller fits — a model minus data divided by σ (curve
/// fitting), stacked real and imaginary parts (impedance), a peak sum minus a spectrum. The solver never
/// looks inside: it needs r, optionally its Jacobian Jᵢⱼ = ∂rᵢ/∂pⱼ, and the box. Without a Jacobian it
/// differentiates forward (see `FiniteDifferenceJacobian`).
///
/// Units: the parameters and residuals carry the caller's units; the bounds are in the parameters' units
/// (±∞ means unbounded). The names label errors and results ("parameter R1: …").
public struct LeastSquaresProblem: Sendable {
    /// r(p), m values for n parameters. Throwing stops the solve with that error.
    public typealias Residuals = @Sendable ([Double]) throws -> [Double]
    /// J(p), m × n with J[i, j] = ∂rᵢ/∂pⱼ (column-major `Matrix`).
    public typealias Jacobian = @Sendable ([Double]) throws -> Matrix

    /// One name per parameter, used in errors and results.
    public var parameterNames: [String]
    /// Lower bounds (−∞ allowed), one per parameter.
    public var lowerBounds: [Double]
    /// Upper bounds (+∞ allowed), one per parameter.
    public var upperBounds: [Double]
    /// The residual function.
    public var residuals: Residuals
    /// The analytic Jacobian, or nil for finite differences.
    public var jacobian: Jacobian?

    /// A problem over `parameterNames`; bounds default to unbounded.
    /// - Throws: `.invalidParameter` when the bound arrays do not match the names, a bound is NaN, or a
    ///   lower bound is not below its upper bound (naming the parameter).
    public init(
        parameterNames: [String], lowerBounds: [Double]? = nil, upperBounds: [Double]? = nil,
        residuals: @escaping Residuals, jacobian: Jacobian? = nil
    ) throws {
        let n = parameterNames.count
        let lower = lowerBounds ?? [Double](repeating: -.infinity, count: n)
        let upper = upperBounds ?? [Double](repeating: .infinity, count: n)
        guard lower.count == n, upper.count == n else {
            throw InterphaseError(
                .invalidParameter,
                "least squares: \(n) parameters but \(lower.count) lower and \(upper.count) upper bounds")
        }
        for j in 0..<n {
            guard !lower[j].isNaN, !upper[j].isNaN, lower[j] < upper[j] else {
                throw InterphaseError(
                    .invalidParameter, "bounds [\(lower[j]), \(upper[j])] are empty or NaN",
                    parameter: parameterNames[j], expected: "lower < upper")
            }
        }
        self.parameterNames = parameterNames
        self.lowerBounds = lower
        self.upperBounds = upper
        self.residuals = residuals
        self.jacobian = jacobian
    }

    /// Number of parameters n.
    public var parameterCount: Int { parameterNames.count }
}
