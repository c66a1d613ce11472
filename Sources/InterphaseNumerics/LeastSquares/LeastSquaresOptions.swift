/// Settings of `LeastSquares.solve`. The defaults are those of SciPy's `least_squares` (method "trf",
/// x_scale = 1), so a fit set up as `scipy.optimize.curve_fit` stops at the same criteria.
public struct LeastSquaresOptions: Sendable, Equatable {
    /// ftol: stop when the cost fell by less than ftol·F in a step whose ratio of actual to predicted
    /// reduction exceeds ¼ (dimensionless).
    public var functionTolerance: Double
    /// xtol: stop when ‖Δp‖ < xtol·(xtol + ‖p‖) (dimensionless).
    public var stepTolerance: Double
    /// gtol: stop when ‖v ∘ g‖∞ < gtol, g = Jᵀr and v the Coleman–Li scaling (in the cost's units per
    /// parameter unit).
    public var gradientTolerance: Double
    /// Most residual evaluations (finite-difference Jacobian columns not counted, as in SciPy);
    /// nil means 100·n.
    public var maxEvaluations: Int?
    /// Relative finite-difference step when the problem has no Jacobian: h = step·max(1, |pⱼ|);
    /// nil means √ε (SciPy's "2-point").
    public var finiteDifferenceStep: Double?
    /// Return the last iterate with `stop == .maxEvaluations` instead of throwing `.notConverged` when
    /// the budget runs out: for screening many starting points cheaply (multi-start), never for a
    /// final answer.
    public var returnsUnconverged: Bool
    /// Trust-region shape; `.unit` (SciPy's default) unless a problem's parameters span decades.
    public var scaling: LeastSquaresScaling

    public init(
        functionTolerance: Double = 1e-8, stepTolerance: Double = 1e-8, gradientTolerance: Double = 1e-8,
        maxEvaluations: Int? = nil, finiteDifferenceStep: Double? = nil, returnsUnconverged: Bool = false,
        scaling: LeastSquaresScaling = .unit
    ) {
        self.functionTolerance = functionTolerance
        self.stepTolerance = stepTolerance
        self.gradientTolerance = gradientTolerance
        self.maxEvaluations = maxEvaluations
        self.finiteDifferenceStep = finiteDifferenceStep
        self.returnsUnconverged = returnsUnconverged
        self.scaling = scaling
    }
}
