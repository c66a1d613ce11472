import InterphaseNumerics

/// A distribution of relaxation times: γ(τ) on a fine grid, the series terms, the fit it implies and
/// the peaks.
public struct DRTResult: Sendable {
    /// One peak of γ.
    public struct Peak: Sendable, Equatable {
        /// Index in `fineTau`.
        public let index: Int
        /// - Units: s.
        public let tau: Double
        /// - Units: Ω.
        public let gamma: Double
        /// Characteristic frequency 1/(2πτ). - Units: Hz.
        public var frequency: Double { 1 / (2 * .pi * tau) }
    }

    public let options: DRTOptions
    /// Shape factor ε of the Gaussian basis exp(−(ε ln(τ/τ_m))²).
    public let epsilon: Double
    /// λ used, and the GCV score at it (nil for a fixed λ).
    public let lambda: Double
    public let gcvScore: Double?
    /// Collocation time constants τ_m = 1/f_m (s) and the basis weights x_m (Ω).
    public let collocationTau: [Double]
    public let weights: [Double]
    /// High-frequency resistance (Ω) and inductance (H; 0 when not fitted).
    public let seriesResistance: Double
    public let inductance: Double
    /// γ on the fine grid (τ in s, γ in Ω).
    public let fineTau: [Double]
    public let gamma: [Double]
    /// The model's impedance at the measured frequencies. - Units: Ω.
    public let frequency: [Double]
    public let fitted: [DoubleComplex]
    public let peaks: [Peak]
    /// Polarisation resistance ∫γ d ln τ (the sum of the weights times each basis' area √π/ε). - Units: Ω.
    public var polarisationResistance: Double { weights.reduce(0, +) * Double.pi.squareRoot() / epsilon }
}
