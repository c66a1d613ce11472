import InterphaseNumerics

/// The outcome of a lin-KK test: the KK-compliant model chosen (M RC elements at fixed time constants
/// plus R₀, L and optionally C), the μ that stopped the search, the model's impedance and the
/// residuals (Z − Ẑ)/|Z| that judge the data (a few 0.1 % for valid data; trends mean drift or
/// non-linearity).
public struct LinKKResult: Sendable {
    public let options: LinKKOptions
    /// Number of RC elements.
    public let elementCount: Int
    /// μ = 1 − Σ|R_k<0| / Σ|R_k≥0| of the chosen model (1 when no R_k is negative).
    public let mu: Double
    /// μ for M = 1, 2, … up to the chosen M.
    public let muTrace: [Double]
    /// Time constants τ_k. - Units: s.
    public let timeConstants: [Double]
    /// Series resistance R₀ and the RC resistances R_k. - Units: Ω.
    public let seriesResistance: Double
    public let resistances: [Double]
    /// Series inductance. - Units: H.
    public let inductance: Double
    /// 1/C of the series capacitance when `addCapacitance`. - Units: F⁻¹.
    public let inverseCapacitance: Double?
    /// Frequencies tested (Hz) and the model's impedance there (Ω).
    public let frequency: [Double]
    public let fitted: [DoubleComplex]
    /// Residuals (Z − Ẑ)/|Z|, real and imaginary parts (dimensionless; ×100 for %).
    public let realResiduals: [Double]
    public let imaginaryResiduals: [Double]

    /// Largest |residual| over both parts (dimensionless).
    public var maximumResidual: Double {
        max(realResiduals.map(abs).max() ?? 0, imaginaryResiduals.map(abs).max() ?? 0)
    }

    /// impedance.py's `elements` vector: R₀, R₁…R_M, [1/C], L.
    public var elements: [Double] { [seriesResistance] + resistances + (inverseCapacitance.map { [$0] } ?? []) + [inductance] }
}
