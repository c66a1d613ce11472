import InterphaseCore
import InterphaseData

/// Peaks, peak separation and charges of a cyclic voltammogram, per cycle.
///
/// **Sweeps of a cycle.** Cycles are the recording's (`cycleIndex`: the instrument's cycle, a Gamry
/// curve). In each cycle the anodic and the cathodic peak are looked for on the longest sweep of that
/// direction (`Voltammogram.longestSweep`).
///
/// **Baseline.** `.linear` (default): the ordinary least-squares line of i against E through the
/// sweep's points within `baselineFraction` (15 %) of its potential span from its start — the region
/// before any wave, where the current is capacitive — extrapolated over the whole sweep. Fewer than two
/// such points: the first two points of the sweep. `.zero`: i = 0.
///
/// **Peak.** On the baseline-corrected current c = ±(i − i_baseline(E)) (+ anodic, − cathodic), beyond
/// the baseline region and away from the sweep's two end points: the largest local maximum (c[k] >
/// c[k−1] and c[k] ≥ c[k+1]) with c > 0. Reported at that sample (no interpolation): E_p, i_p, the
/// baseline there and the height i_p − i_baseline. A current still rising at the vertex has no local
/// maximum: no peak (and a warning). ΔE_p = E_pa − E_pc when both exist.
///
/// **Charges.** Over each cycle's points in time order — starting from the previous cycle's last point,
/// so the cycles together cover the whole record — ∫ i dt by the trapezoidal rule, each interval split
/// at the current's zero crossing (linear interpolation): the positive part is the anodic (stripping)
/// charge, the negative part the cathodic (plating) charge, as magnitudes; their ratio Q_a/Q_c × 100 is
/// the Coulombic efficiency of plating/stripping (Li on Cu).
public struct CyclicVoltammetryAnalysis: Sendable {
    public struct Peak: Sendable, Equatable {
        /// +1 anodic, −1 cathodic.
        public let direction: Int
        /// Index of the peak point in the voltammogram.
        public let index: Int
        /// - Units: V.
        public let potential: Double
        /// Measured current at the peak. - Units: A.
        public let current: Double
        /// Baseline current at E_p. - Units: A.
        public let baselineCurrent: Double
        /// i_p − i_baseline (negative for a cathodic peak). - Units: A.
        public var height: Double { current - baselineCurrent }
    }

    public struct Cycle: Sendable {
        /// The recording's cycle number.
        public let cycle: Int
        public let anodicPeak: Peak?
        public let cathodicPeak: Peak?
        /// E_pa − E_pc. - Units: V.
        public var peakSeparation: Double? {
            guard let a = anodicPeak, let c = cathodicPeak else { return nil }
            return a.potential - c.potential
        }
        /// Baselines (i = intercept + slope·E, A and V) of the two sweeps; nil for `.zero` or a missing sweep.
        public let anodicBaseline: LineFit?
        public let cathodicBaseline: LineFit?
        /// Positive and negative charge, as magnitudes. - Units: C.
        public let anodicCharge: Double
        public let cathodicCharge: Double
        /// Q_a / Q_c × 100 (percent); nil when Q_c = 0.
        public var chargeRatio: Double? { cathodicCharge > 0 ? anodicCharge / cathodicCharge * 100 : nil }
        /// Median scan rate of the cycle's longest sweep. - Units: V s⁻¹.
        public let scanRate: Double
        /// Potential range of the cycle. - Units: V.
        public let potentialRange: ClosedRange<Double>
        /// The cycle's points (indices of the voltammogram).
        public let range: Range<Int>
    }

    public let options: CyclicVoltammetryOptions
    public let voltammogram: Voltammogram
    /// - Units: m². nil = unknown.
    public let area: Double?
    public let cycles: [Cycle]
    public let warnings: [String]

    /// - Throws: `options.validate()`'s errors, `Voltammogram`'s, and `.invalidData` when no cycle has
    ///   both an anodic and a cathodic sweep.
    public init(recording: Recording, options: CyclicVoltammetryOptions = CyclicVoltammetryOptions()) throws {
        try options.validate()
        try self.init(voltammogram: Voltammogram(recording: recording, area: options.electrodeArea,
                                                 reversalTolerance: options.reversalTolerance), options: options)
    }

    public init(voltammogram v: Voltammogram, options: CyclicVoltammetryOptions = CyclicVoltammetryOptions()) throws {
        try options.validate()
        self.options = options
        voltammogram = v
        area = options.electrodeArea ?? v.area
        var warnings: [String] = []
        if area == nil { warnings.append("no electrode area (--area-cm2): current densities are null") }
        var cycles: [Cycle] = []
        var start = 0
        while start < v.count {
            var end = start + 1
            while end < v.count && v.cycle[end] == v.cycle[start] { end += 1 }
            let number = Int(v.cycle[start])
            let from = max(start - 1, 0)
            let (qa, qc) = CyclicVoltammetryAnalysis.charges(current: v.current, time: v.time, range: from..<end)
            var peaks: [Int: (Peak?, LineFit?)] = [:]
            var rate = Double.nan
            for direction in [1, -1] {
                guard let sweep = v.longestSweep(cycle: number, direction: direction) else {
                    warnings.append("cycle \(number): no \(direction > 0 ? "anodic" : "cathodic") sweep")
                    continue
                }
                if direction > 0 || !rate.isFinite { rate = sweep.scanRate }
                let found = CyclicVoltammetryAnalysis.peak(in: sweep, of: v, options: options)
                if found.0 == nil {
                    warnings.append("cycle \(number): no \(direction > 0 ? "anodic" : "cathodic") peak (no local maximum of the baseline-corrected current inside the sweep)")
                }
                peaks[direction] = found
            }
            let potentials = v.potential[start..<end]
            cycles.append(Cycle(cycle: number, anodicPeak: peaks[1]?.0, cathodicPeak: peaks[-1]?.0, anodicBaseline: peaks[1]?.1,
                                cathodicBaseline: peaks[-1]?.1, anodicCharge: qa, cathodicCharge: qc, scanRate: rate,
                                potentialRange: potentials.min()!...potentials.max()!, range: start..<end))
            start = end
        }
        guard cycles.contains(where: { c in v.sweeps.contains { $0.cycle == c.cycle && $0.direction > 0 } && v.sweeps.contains { $0.cycle == c.cycle && $0.direction < 0 } }) else {
            throw InterphaseError(.invalidData, "no cycle has both an anodic and a cathodic sweep (\(v.sweeps.count) sweep(s) found)",
                                  file: v.provenance.file, expected: "a cyclic voltammogram (potential swept up and down)")
        }
        self.cycles = cycles
        self.warnings = warnings
    }

    /// Positive and negative ∫ i dt over `range` (rule in the type's description). - Units: C.
    public static func charges(current i: [Double], time t: [Double], range: Range<Int>) -> (anodic: Double, cathodic: Double) {
        var positive = 0.0, negative = 0.0
        for k in range.dropFirst() {
            let a = i[k - 1], b = i[k], dt = t[k] - t[k - 1]
            if (a >= 0 && b >= 0) || (a <= 0 && b <= 0) {
                let area = 0.5 * (a + b) * dt
                if area > 0 { positive += area } else { negative -= area }
            } else {
                // Crossing at the fraction a/(a − b) of the interval: two triangles.
                let fraction = a / (a - b)
                let first = 0.5 * a * fraction * dt, second = 0.5 * b * (1 - fraction) * dt
                if a > 0 { positive += first; negative -= second } else { negative -= first; positive += second }
            }
        }
        return (positive, negative)
    }

    /// The peak of one sweep and its baseline (rules in the type's description).
    static func peak(in sweep: Voltammogram.Sweep, of v: Voltammogram, options: CyclicVoltammetryOptions) -> (Peak?, LineFit?) {
        let r = sweep.range
        let e = v.potential, i = v.current
        let limit = options.baselineFraction * sweep.span
        let region = r.filter { abs(e[$0] - sweep.startPotential) <= limit }
        var baseline: LineFit?
        if options.baseline == .linear {
            let points = region.count >= 2 ? region : Array(r.prefix(2))
            baseline = LineFit(x: points.map { e[$0] }, y: points.map { i[$0] })
        }
        let sign = Double(sweep.direction)
        func corrected(_ k: Int) -> Double { sign * (i[k] - (baseline?(e[k]) ?? 0)) }
        var best: Int?
        for k in (r.lowerBound + 1)..<(r.upperBound - 1) where abs(e[k] - sweep.startPotential) > limit {
            let c = corrected(k)
            guard c > 0, c > corrected(k - 1), c >= corrected(k + 1) else { continue }
            if best.map({ c > corrected($0) }) ?? true { best = k }
        }
        guard let k = best else { return (nil, baseline) }
        return (Peak(direction: sweep.direction, index: k, potential: e[k], current: i[k], baselineCurrent: baseline?(e[k]) ?? 0), baseline)
    }
}
