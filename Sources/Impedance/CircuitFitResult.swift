import InterphaseNumerics

/// A fitted equivalent circuit: every parameter (constants included, in the circuit's order and units),
/// one-standard-deviation errors from the covariance s²(JᵀJ)⁺ of the weighted residuals (impedance.py's
/// `conf_`, scipy `curve_fit` with absolute_sigma = False), the correlation of the free parameters, and χ².
public struct CircuitFitResult: Sendable {
    /// The circuit fitted.
    public let circuit: Circuit
    /// The weighting used.
    public let weighting: ImpedanceWeighting
    /// All parameter names, in order (`circuit.parameterNames`).
    public var parameterNames: [String] { circuit.parameterNames }
    /// All parameter units (impedance.py's unit strings).
    public var units: [String] { circuit.parameterUnits }
    /// All parameter values (fitted, or the constant's value).
    public let parameters: [Double]
    /// True where the parameter was held constant.
    public let isConstant: [Bool]
    /// Standard errors of all parameters (0 for a constant); parameters' units.
    public let standardErrors: [Double]
    /// Names of the free parameters, the rows and columns of `correlation`.
    public let freeParameterNames: [String]
    /// Correlation matrix of the free parameters (dimensionless).
    public let correlation: Matrix
    /// Σ r² of the weighted stacked residuals (Ω² for unit weighting, dimensionless otherwise).
    public let chiSquare: Double
    /// χ²/(2N − n_free).
    public let reducedChiSquare: Double
    /// Frequencies fitted (N; 2N residuals).
    public let pointsUsed: Int
    /// The free parameters' starting values of the fit that was kept.
    public let initialGuess: [Double]
    /// How many starting points were tried (1 for a given guess without multi-start).
    public let startsTried: Int
    /// Which start (0-based, in the order `CircuitFit.fit` documents) gave this fit.
    public let startChosen: Int
    /// The solver's full result (free parameters only: covariance, Jacobian, stop criterion, counts).
    public let solver: LeastSquaresResult

    /// The value and standard error of parameter `name` (impedance.py spelling), nil if unknown.
    public func value(_ name: String) -> (value: Double, standardError: Double)? {
        guard let k = circuit.parameterIndex(name) else { return nil }
        return (parameters[k], standardErrors[k])
    }

    /// Free parameters that ended on a bound (R0 at 0 when the spectrum does not reach the
    /// high-frequency intercept): values the data do not determine.
    public var parametersAtBounds: [String] {
        solver.activeBounds.indices.filter { solver.activeBounds[$0] != 0 }.map { freeParameterNames[$0] }
    }

    /// The fitted circuit's impedance at `frequencies` (Hz), Ω.
    public func predicted(_ frequencies: [Double]) throws -> [DoubleComplex] {
        try circuit.impedance(parameters, frequencies: frequencies)
    }
}
