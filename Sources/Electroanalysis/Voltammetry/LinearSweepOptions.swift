import InterphaseCore

/// Options of the LSV oxidation-onset analysis. Every default is stated here once.
public struct LinearSweepOptions: Sendable {
    /// Electrode area. - Units: m². nil = the file's; the threshold rule needs one.
    public var electrodeArea: Double?
    /// Onset threshold on the current density. - Units: A m⁻². Default 0.1 A m⁻² = 0.01 mA cm⁻².
    public var thresholdDensity = 0.01 / Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre
    /// Consecutive points that must exceed the threshold. Default 5.
    public var sustainedPoints = 5
    /// Baseline tangent: the least-squares line through the sweep's points within this fraction of its
    /// potential span from its start. Default 0.2.
    public var baselineFraction = 0.2
    /// Points (odd) of the centred window whose least-squares line gives the local slope dj/dE that
    /// finds the steepest rise. Default 11. (A line's slope is a positive-weighted mean of the window's
    /// secant slopes, so it never overshoots the steepest one, as a Savitzky–Golay derivative can at a kink.)
    public var slopeWindow = 11
    /// Potential retreat that ends a sweep. - Units: V. nil = `Voltammogram`'s default.
    public var reversalTolerance: Double?

    public init() {}

    public func validate() throws {
        if let a = electrodeArea, !(a > 0 && a.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area must be positive, got \(a * Units.squareCentimetresPerSquareMetre) cm²",
                                  parameter: "--area-cm2")
        }
        if !(thresholdDensity > 0 && thresholdDensity.isFinite) {
            throw InterphaseError(.invalidParameter, "threshold must be positive, got \(thresholdDensity * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre) mA cm⁻²",
                                  parameter: "--threshold-mA-cm2")
        }
        if sustainedPoints < 1 { throw InterphaseError(.invalidParameter, "must be ≥ 1, got \(sustainedPoints)", parameter: "--sustained-points") }
        if !(baselineFraction > 0 && baselineFraction < 1) {
            throw InterphaseError(.invalidParameter, "must be in (0, 1), got \(baselineFraction)", parameter: "--baseline-fraction")
        }
        if slopeWindow < 3 || slopeWindow % 2 == 0 {
            throw InterphaseError(.invalidParameter, "window must be an odd number ≥ 3, got \(slopeWindow)", parameter: "--slope-window")
        }
    }
}
