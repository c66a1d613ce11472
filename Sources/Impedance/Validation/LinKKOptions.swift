/// Settings of the lin-KK test, impedance.py's `linKK` arguments and defaults.
public struct LinKKOptions: Sendable, Equatable {
    /// Which parts of the normalised data the RC model is fitted to (Schönleber et al. 2014, eqs. 12–14).
    public enum FitType: String, Sendable, CaseIterable {
        /// Re Z/|Z| by least squares; R₀ included; then L (and C) from the imaginary remainder.
        case real
        /// Im Z/|Z|; then R₀ as the |Z|⁻²-weighted mean of the real remainder.
        case imaginary = "imag"
        /// Both at once (normal equations of eq. 14).
        case complex
    }

    /// μ cut-off: M grows from 1 until μ ≤ c (0.85 in Schönleber et al.); nil fits exactly `maxElements`.
    public var cutoff: Double? = 0.85
    /// Largest number M of RC elements tried.
    public var maxElements: Int = 50
    public var fitType: FitType = .real
    /// Add a series capacitance, for data without a low-frequency intercept (blocking electrodes).
    public var addCapacitance: Bool = false

    public init(cutoff: Double? = 0.85, maxElements: Int = 50, fitType: FitType = .real, addCapacitance: Bool = false) {
        self.cutoff = cutoff
        self.maxElements = maxElements
        self.fitType = fitType
        self.addCapacitance = addCapacitance
    }
}
