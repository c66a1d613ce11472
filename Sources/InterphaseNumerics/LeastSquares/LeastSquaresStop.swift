/// Which criterion ended a least-squares solve (SciPy's `status` 1–4). Running out of evaluations is
/// not a convergence: `LeastSquares.solve` throws `.notConverged` then, unless the options ask for the
/// unconverged result (`returnsUnconverged`, for screening), which says `.maxEvaluations`.
public enum LeastSquaresStop: String, Sendable, Equatable, Codable {
    /// The scaled gradient ‖v ∘ Jᵀr‖∞ fell below gtol (status 1).
    case gradient
    /// The relative cost reduction fell below ftol (status 2).
    case function
    /// The step fell below xtol·(xtol + ‖p‖) (status 3).
    case step
    /// Both ftol and xtol held in the same step (status 4).
    case functionAndStep
    /// The evaluation budget ran out (status 0); only with `LeastSquaresOptions.returnsUnconverged`.
    case maxEvaluations

    /// True for the four convergence criteria.
    public var converged: Bool { self != .maxEvaluations }
}
