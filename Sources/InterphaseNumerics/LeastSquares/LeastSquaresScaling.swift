/// How the trust region is shaped across parameters of different magnitudes.
public enum LeastSquaresScaling: String, Sendable, Equatable, Codable {
    /// A round trust region in the parameters' own units (SciPy's x_scale = 1, `curve_fit`'s default).
    case unit
    /// Each parameter scaled by its Jacobian column norm, kept non-decreasing (Moré 1978; SciPy's
    /// x_scale = "jac"): invariant to the parameters' units, which can help when they span decades
    /// (an ohm next to a farad next to a second).
    case jacobian
}
