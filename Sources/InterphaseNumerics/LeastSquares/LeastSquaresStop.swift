/// Which criterion ended a least-squares solve (SciPy's `status` 1–4). Running out of evaluations is
/// not a stop: `LeastSquares.solve` throws `.notConverged` instead.
public enum LeastSquaresStop: String, Sendable, Equatable, Codable {
    /// The scaled gradient ‖v ∘ Jᵀr‖∞ fell below gtol (status 1).
    case gradient
    /// The relative cost reduction fell below ftol (status 2).
    case function
    /// The step fell below xtol·(xtol + ‖p‖) (status 3).
    case step
    /// Both ftol and xtol held in the same step (status 4).
    case functionAndStep
}
