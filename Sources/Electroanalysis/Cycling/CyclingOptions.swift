import InterphaseCore

/// Options of the cycling analysis. Every default is stated here once; the CLI and docs point here.
public struct CyclingOptions: Sendable {
    /// Which analysis to run; nil = decide from the data (`CellTypeDetection`).
    public var cellType: CellType?
    /// Electrode area for areal quantities. - Units: m². nil = from the file, else areal values are null.
    public var electrodeArea: Double?
    /// Active (cathode) mass for specific capacities. - Units: kg. nil = from the file.
    public var activeMass: Double?
    /// Specific current that defines 1C. - Units: A kg⁻¹ (numerically mA g⁻¹ × 1). nil = 1C from the
    /// reference cycle's discharge capacity (nominal capacity / 1 h).
    public var oneCSpecificCurrent: Double?
    /// Cycle (1-based, as numbered in the output) that capacity retention refers to. nil = the first
    /// complete cycle (both charge and discharge).
    public var referenceCycle: Int?

    /// Fraction of each half cycle's duration excluded at its start and at its end before averaging the
    /// plateau (removes the nucleation peak and the end-of-step relaxation). Default 0.10.
    public var plateauExclusion = 0.10
    /// Split half cycles longer than this into windows (unidirectional polarisation runs). - Units: h.
    public var windowHours: Double?
    /// Divergence: plateau overpotential above `divergenceFactor` × its stable value, for
    /// `failurePersistence` consecutive half cycles, or any |V| above `divergenceVoltage`. Default 3.
    public var divergenceFactor = 3.0
    /// Absolute divergence limit. - Units: V. Default 1.0 V.
    public var divergenceVoltage = 1.0
    /// Soft short: plateau below `shortFactor` × stable. Default 0.3.
    public var shortFactor = 0.3
    /// Noise: detrended relative standard deviation of |V| on the plateau above this. Default 0.25.
    public var noiseThreshold = 0.25
    /// Consecutive half cycles a failure criterion must hold. Default 3.
    public var failurePersistence = 3
    /// Hysteresis "rises markedly" when it exceeds this × its stable value for `failurePersistence`
    /// consecutive cycles. Default 1.5.
    public var hysteresisRiseFactor = 1.5
    /// Half cycles skipped before the stable value is taken (formation), and how many are used. 2 and 10.
    public var stableSkip = 2
    public var stableCount = 10

    /// Li||Cu: cycles averaged for `average_ce_pct`. Default 10 (the study's eq. 1 uses 10).
    public var averageCECycles = 10

    /// dQ/dV: voltage grid step. - Units: V. Default 1 mV.
    public var dqdvStep = 0.001
    /// dQ/dV: Savitzky–Golay window in grid points (odd) and polynomial order. Defaults 41 and 3.
    public var dqdvWindow = 41
    public var dqdvOrder = 3
    /// Cycles whose dQ/dV curves are computed; nil = the reference cycle and the last cycle.
    public var dqdvCycles: [Int]?

    public init() {}

    /// Checks every parameter's domain.
    public func validate() throws {
        if let a = electrodeArea, !(a > 0 && a.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area must be positive, got \(a * Units.squareCentimetresPerSquareMetre) cm²", parameter: "--area-cm2")
        }
        if let m = activeMass, !(m > 0 && m.isFinite) {
            throw InterphaseError(.invalidParameter, "active mass must be positive, got \(m * Units.milligramsPerKilogram) mg", parameter: "--active-mass-mg")
        }
        if let c = oneCSpecificCurrent, !(c > 0 && c.isFinite) {
            throw InterphaseError(.invalidParameter, "1C specific current must be positive, got \(c) mA g⁻¹", parameter: "--one-c-mA-g")
        }
        if let r = referenceCycle, r < 1 {
            throw InterphaseError(.invalidParameter, "reference cycle must be ≥ 1, got \(r)", parameter: "--reference-cycle")
        }
        if !(plateauExclusion >= 0 && plateauExclusion < 0.5) {
            throw InterphaseError(.invalidParameter, "plateau exclusion must be in [0, 0.5), got \(plateauExclusion)", parameter: "--plateau-exclusion")
        }
        if let w = windowHours, !(w > 0) {
            throw InterphaseError(.invalidParameter, "window must be positive, got \(w) h", parameter: "--window-h")
        }
        if !(divergenceFactor > 1) { throw InterphaseError(.invalidParameter, "must be > 1, got \(divergenceFactor)", parameter: "--divergence-factor") }
        if !(shortFactor > 0 && shortFactor < 1) { throw InterphaseError(.invalidParameter, "must be in (0, 1), got \(shortFactor)", parameter: "--short-factor") }
        if failurePersistence < 1 { throw InterphaseError(.invalidParameter, "must be ≥ 1, got \(failurePersistence)", parameter: "--failure-persistence") }
        if averageCECycles < 1 {
            throw InterphaseError(.invalidParameter, "must be ≥ 1, got \(averageCECycles)", parameter: "--ce-cycles")
        }
        if !(dqdvStep > 0) { throw InterphaseError(.invalidParameter, "must be positive, got \(dqdvStep * Units.kilo) mV", parameter: "--dqdv-step-mV") }
        if dqdvWindow < 3 || dqdvWindow % 2 == 0 {
            throw InterphaseError(.invalidParameter, "must be an odd number ≥ 3, got \(dqdvWindow)", parameter: "--dqdv-window")
        }
    }
}
