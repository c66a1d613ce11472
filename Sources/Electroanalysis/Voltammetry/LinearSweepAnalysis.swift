import InterphaseCore
import InterphaseData

/// Oxidation onset potential of a linear sweep (electrolyte stability window), by two rules.
///
/// The sweep analysed is the voltammogram's longest anodic sweep (the first of equal ones). Current
/// density j = i / A.
///
/// **(a) Threshold.** The first point from which j exceeds `thresholdDensity` (default 0.01 mA cm⁻²) for
/// `sustainedPoints` (5) consecutive points; the onset is the potential where j reaches the threshold,
/// interpolated linearly between that point and the one before (its own potential when it is the
/// sweep's first point). Not reached: nil (the onset lies beyond the sweep's end, reported as such).
///
/// **(b) Tangent intersection.** The baseline tangent is the least-squares line j(E) through the
/// sweep's points within `baselineFraction` (20 %) of its potential span from its start. The
/// steepest-rise tangent is the line of largest local slope beyond that region: the least-squares line
/// of each centred window of `slopeWindow` (11) points, evaluated at the window's centre. The onset is
/// the potential where the two lines cross (nil when the steepest slope does not exceed the baseline's).
public struct LinearSweepAnalysis: Sendable {
    public struct Tangent: Sendable {
        /// Baseline j = intercept + slope·E (A m⁻², V).
        public let baseline: LineFit
        /// Point and slope of the steepest rise: E (V), the window line's j there (A m⁻²), dj/dE (A m⁻² V⁻¹).
        public let steepestPotential: Double
        public let steepestDensity: Double
        public let steepestSlope: Double
        /// Where the two lines cross. - Units: V.
        public let onsetPotential: Double
    }

    public let options: LinearSweepOptions
    /// The sweep analysed.
    public let sweep: Voltammogram.Sweep
    /// E and j of the sweep's points. - Units: V, A m⁻².
    public let potential: [Double]
    public let currentDensity: [Double]
    /// - Units: m².
    public let area: Double
    /// Rule (a). - Units: V. nil = the threshold is not reached within the sweep.
    public let thresholdOnset: Double?
    /// Rule (b); nil when there is no steeper rise than the baseline.
    public let tangent: Tangent?
    public let warnings: [String]

    /// The onset of `recording`'s longest anodic sweep (see `init(voltammogram:options:)`).
    public init(recording: Recording, options: LinearSweepOptions = LinearSweepOptions()) throws {
        try options.validate()
        try self.init(voltammogram: Voltammogram(recording: recording, area: options.electrodeArea,
                                                 reversalTolerance: options.reversalTolerance), options: options)
    }

    /// - Throws: `options.validate()`'s errors; `.invalidParameter` (`--area-cm2`) without an area;
    ///   `.invalidData` without an anodic sweep of at least 5 points.
    public init(voltammogram v: Voltammogram, options: LinearSweepOptions = LinearSweepOptions()) throws {
        try options.validate()
        self.options = options
        guard let area = options.electrodeArea ?? v.area else {
            throw InterphaseError(.invalidParameter, "the onset threshold is a current density: the electrode area is not in the file",
                                  file: v.provenance.file, parameter: "--area-cm2", expected: "the electrode area in cm²")
        }
        self.area = area
        let anodic = v.sweeps.filter { $0.direction > 0 }
        guard let sweep = anodic.max(by: { $0.span < $1.span || ($0.span == $1.span && $0.range.lowerBound > $1.range.lowerBound) }),
              sweep.range.count >= 5 else {
            throw InterphaseError(.invalidData, "no anodic sweep of at least 5 points (\(v.sweeps.count) sweep(s), \(anodic.count) anodic)",
                                  file: v.provenance.file, expected: "a linear sweep towards positive potentials")
        }
        self.sweep = sweep
        let e = Array(v.potential[sweep.range]), j = v.current[sweep.range].map { $0 / area }
        potential = e
        currentDensity = j
        var warnings: [String] = []

        // (a) Threshold, sustained.
        let threshold = options.thresholdDensity, run = options.sustainedPoints
        var onset: Double?
        var k = 0
        while k + run <= j.count {
            if (k..<(k + run)).allSatisfy({ j[$0] > threshold }) {
                if k > 0 && j[k - 1] <= threshold && j[k] != j[k - 1] {
                    onset = e[k - 1] + (e[k] - e[k - 1]) * (threshold - j[k - 1]) / (j[k] - j[k - 1])
                } else {
                    onset = e[k]
                }
                break
            }
            k += 1
        }
        if onset == nil {
            warnings.append("the current density stays below \(threshold * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre) mA cm⁻² (for \(run) points) up to \(e.last!) V: the onset lies beyond the sweep")
        }
        thresholdOnset = onset

        // (b) Tangents.
        let limit = options.baselineFraction * sweep.span
        let region = e.indices.filter { abs(e[$0] - sweep.startPotential) <= limit }
        let basePoints = region.count >= 2 ? region : [0, 1]
        // Local slopes: the least-squares line of each full centred window (the largest odd window ≤ the
        // sweep's length when it is shorter than `slopeWindow`).
        let window = min(options.slopeWindow, j.count % 2 == 1 ? j.count : j.count - 1)
        let half = window / 2
        var steepest: (index: Int, line: LineFit)?
        for k in half..<(j.count - half) where abs(e[k] - sweep.startPotential) > limit {
            guard let line = LineFit(x: e[(k - half)...(k + half)], y: j[(k - half)...(k + half)]) else { continue }
            if steepest.map({ line.slope > $0.line.slope }) ?? true { steepest = (k, line) }
        }
        if let baseline = LineFit(x: basePoints.map { e[$0] }, y: basePoints.map { j[$0] }), let steepest,
           steepest.line.slope > baseline.slope {
            let ek = e[steepest.index], jk = steepest.line(ek), slope = steepest.line.slope
            let crossing = (jk - slope * ek - baseline.intercept) / (baseline.slope - slope)
            tangent = Tangent(baseline: baseline, steepestPotential: ek, steepestDensity: jk, steepestSlope: slope,
                              onsetPotential: crossing)
        } else {
            tangent = nil
            warnings.append("tangent onset: no rise steeper than the baseline beyond the first \(Int(options.baselineFraction * 100)) % of the sweep")
        }
        self.warnings = warnings
    }
}
