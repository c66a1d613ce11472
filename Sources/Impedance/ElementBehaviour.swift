/// What an element looks like in a spectrum on its own, which decides where the automatic initial guess
/// (`CircuitInitialGuess`) takes its values from. A column of the element registry.
public enum ElementBehaviour: Sendable, Equatable {
    /// Frequency-independent (R): the real-axis intercept when in series.
    case resistive
    /// A blocking branch (C, CPE): −Z″ growing towards low frequency.
    case capacitive
    /// Positive Z″ growing with frequency (L, La).
    case inductive
    /// A diffusion branch (W, Wo, Ws): the low-frequency tail.
    case diffusion
    /// An arc by itself (K, Zarc, G, Gs, T): takes one of the spectrum's arcs like a p(…) block.
    case arc
}
