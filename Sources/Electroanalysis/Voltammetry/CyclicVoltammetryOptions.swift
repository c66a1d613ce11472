import InterphaseCore

/// Options of the cyclic-voltammetry analysis. Every default is stated here once.
public struct CyclicVoltammetryOptions: Sendable {
    /// The baseline under a peak.
    public enum Baseline: String, Sendable, CaseIterable {
        /// i = 0 (a Li plating/stripping CV, whose waves start from no current).
        case zero
        /// The least-squares line through the sweep's pre-peak region, extrapolated under the peak.
        case linear
    }

    /// Electrode area for current densities. - Units: m². nil = the file's.
    public var electrodeArea: Double?
    /// Default `.linear`.
    public var baseline = Baseline.linear
    /// Pre-peak region of a sweep: its points within this fraction of the sweep's potential span from
    /// the sweep's start (the vertex it leaves). Default 0.15. Peaks are searched beyond it.
    public var baselineFraction = 0.15
    /// Potential retreat that ends a sweep. - Units: V. nil = `Voltammogram`'s default.
    public var reversalTolerance: Double?

    public init() {}

    public func validate() throws {
        if let a = electrodeArea, !(a > 0 && a.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area must be positive, got \(a * Units.squareCentimetresPerSquareMetre) cm²",
                                  parameter: "--area-cm2")
        }
        if !(baselineFraction > 0 && baselineFraction < 0.5) {
            throw InterphaseError(.invalidParameter, "must be in (0, 0.5), got \(baselineFraction)", parameter: "--baseline-fraction")
        }
    }
}
