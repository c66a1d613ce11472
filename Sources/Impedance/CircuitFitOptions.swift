import InterphaseNumerics

/// Settings of `CircuitFit.fit`. The defaults reproduce impedance.py 1.7.1's `CustomCircuit.fit`:
/// unit weighting, its default bounds, scipy `curve_fit` with ftol = 1e-13 and maxfev = 1e5 (xtol and
/// gtol 1e-8), one start.
public struct CircuitFitOptions: Sendable {
    /// Residual weighting (impedance.py: unit, or modulus with `weight_by_modulus=True`).
    public var weighting: ImpedanceWeighting
    /// Parameters held fixed, by name (`["R0": 0.01]`, or `Wo1_0` for one parameter of an element), in
    /// the parameters' units — impedance.py's `constants`.
    public var constants: [String: Double]
    /// Lower bounds replacing the defaults, by parameter name.
    public var lowerBounds: [String: Double]
    /// Upper bounds replacing the defaults, by parameter name.
    public var upperBounds: [String: Double]
    /// The least-squares solver's tolerances and budget.
    public var solver: LeastSquaresOptions
    /// Several starting points for a poor initial guess; nil fits from the one guess.
    public var multiStart: CircuitMultiStart?
    /// When several starts are tried (automatic candidates, multi-start), each first gets at most this
    /// many evaluations; the lowest-cost one is then finished with the full `solver` budget. Screening
    /// keeps hopeless starts from spending 1e5 evaluations each.
    public var screeningEvaluations: Int

    public init(
        weighting: ImpedanceWeighting = .unit, constants: [String: Double] = [:], lowerBounds: [String: Double] = [:],
        upperBounds: [String: Double] = [:],
        solver: LeastSquaresOptions = LeastSquaresOptions(functionTolerance: 1e-13, maxEvaluations: 100_000),
        multiStart: CircuitMultiStart? = nil, screeningEvaluations: Int = 400
    ) {
        self.weighting = weighting
        self.constants = constants
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.solver = solver
        self.multiStart = multiStart
        self.screeningEvaluations = screeningEvaluations
    }
}
