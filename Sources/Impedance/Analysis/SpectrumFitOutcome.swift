import InterphaseCore
import InterphaseData

/// One spectrum's fit: the circuit's values with R_e and R_i from them, the model-free R_e and R_i
/// from the arc, or the errors that prevented each.
public struct SpectrumFitOutcome: Sendable {
    /// The spectrum as read (all points).
    public let spectrum: ImpedanceSpectrum
    /// The points fitted (after `SpectrumPreparation`), nil when preparation left none.
    public let fitted: ImpedanceSpectrum?
    /// The fit, nil when it failed (see `error`).
    public let fit: CircuitFitResult?
    public let error: InterphaseError?
    /// R_e and R_i from the fitted circuit.
    public let resistances: CircuitResistances?
    /// Model-free R_e and R_i, nil when no arc could be measured (see `arcError`).
    public let arc: ArcResistances?
    public let arcError: InterphaseError?
    /// True when the fit started from the previous spectrum's result.
    public let seeded: Bool

    public init(spectrum: ImpedanceSpectrum, fitted: ImpedanceSpectrum?, fit: CircuitFitResult?, error: InterphaseError?,
                arc: ArcResistances?, arcError: InterphaseError?, seeded: Bool) {
        self.spectrum = spectrum
        self.fitted = fitted
        self.fit = fit
        self.error = error
        self.resistances = fit.map(CircuitResistances.init)
        self.arc = arc
        self.arcError = arcError
        self.seeded = seeded
    }

    /// True when the fit converged.
    public var converged: Bool { fit != nil }
}
