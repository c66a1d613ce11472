/// Settings of the distribution of relaxation times, named as pyDRTtools' `simple_run` names them.
public struct DRTOptions: Sendable, Equatable {
    /// Which parts of Z the regression fits ("Combined Re-Im Data", "Re Data", "Im Data").
    public enum DataUsed: String, Sendable, CaseIterable { case combined, real, imaginary }
    /// Derivative of γ penalised ("1st order", "2nd order").
    public enum Penalty: Int, Sendable, CaseIterable { case first = 1, second = 2 }
    /// How λ is chosen.
    public enum Regularisation: Sendable, Equatable {
        /// The given λ (pyDRTtools' "custom").
        case fixed(Double)
        /// The minimiser of the GCV score (Wahba 1985) over λ ∈ [1e-7, 1]: a 57-point grid in ln λ,
        /// then golden-section search between the grid neighbours of the best point.
        case generalizedCrossValidation
    }

    public var dataUsed: DataUsed = .combined
    /// Fit a series inductance (pyDRTtools' `induct_used` = 1).
    public var inductance: Bool = true
    public var penalty: Penalty = .first
    public var regularisation: Regularisation = .fixed(1e-3)
    /// FWHM coefficient of the Gaussian basis: its FWHM is 1/coefficient times the mean ln τ spacing
    /// (pyDRTtools' "FWHM Coefficient", default 0.5).
    public var fwhmCoefficient: Double = 0.5
    /// Points of the fine τ grid per collocation point (pyDRTtools: 10).
    public var fineGridFactor: Int = 10

    public init(dataUsed: DataUsed = .combined, inductance: Bool = true, penalty: Penalty = .first,
                regularisation: Regularisation = .fixed(1e-3), fwhmCoefficient: Double = 0.5) {
        self.dataUsed = dataUsed
        self.inductance = inductance
        self.penalty = penalty
        self.regularisation = regularisation
        self.fwhmCoefficient = fwhmCoefficient
    }
}
