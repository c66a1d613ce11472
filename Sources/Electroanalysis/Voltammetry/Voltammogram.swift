import InterphaseCore
import InterphaseData

/// A potential-controlled record (CV, LSV, a Tafel/polarisation sweep) as the voltammetry analyses see
/// it: potential, current, time and cycle of every point, split into sweeps of one scan direction.
///
/// Built from any `Recording` (`voltage` is the working-electrode potential — or the cell voltage of a
/// two-electrode cell —, `current` positive = oxidation, `cycleIndex` the instrument's cycle or, for a
/// Gamry file, the curve number).
///
/// **Sweeps.** Within each cycle the points are split where the scan reverses: the direction is that of
/// the running potential extremum, and a reversal is declared once the potential has moved back from the
/// extremum by more than `reversalTolerance` (default 1 % of the cycle's potential span, at least 0.1 mV,
/// so that noise and holds at a vertex do not split a sweep). Points before the potential first moves
/// by the tolerance (an initial hold) belong to the first sweep; the vertex point ends the sweep that
/// reaches it. A sweep never crosses a cycle boundary.
public struct Voltammogram: Sendable {
    /// One run of points in one scan direction within one cycle.
    public struct Sweep: Sendable, Equatable {
        /// Indices into the voltammogram's arrays (contiguous, in time order).
        public let range: Range<Int>
        /// +1 anodic (potential increasing), −1 cathodic (decreasing).
        public let direction: Int
        /// The cycle the sweep belongs to (1-based, as in the recording).
        public let cycle: Int
        /// Potential at the first and last point. - Units: V.
        public let startPotential: Double
        public let endPotential: Double
        /// Median |dE/dt| over the sweep's steps that move. - Units: V s⁻¹.
        public let scanRate: Double

        /// |end − start|. - Units: V.
        public var span: Double { abs(endPotential - startPotential) }
    }

    /// Working-electrode potential (or cell voltage). - Units: V.
    public let potential: [Double]
    /// Current, positive = oxidation. - Units: A.
    public let current: [Double]
    /// - Units: s.
    public let time: [Double]
    /// Cycle of each point (1-based).
    public let cycle: [Int32]
    /// Electrode area, from the recording's metadata unless given. - Units: m². nil = unknown.
    public let area: Double?
    /// The sweeps in time order.
    public let sweeps: [Sweep]
    /// Where the data come from (errors and outputs name it).
    public let provenance: Provenance

    /// Splits `recording` into sweeps.
    /// - Parameters:
    ///   - area: electrode area (m²) overriding the file's; must be positive.
    ///   - reversalTolerance: potential retreat that ends a sweep (V); nil = 1 % of each cycle's span (≥ 0.1 mV).
    /// - Throws: `.invalidParameter` for a non-positive area (`--area-cm2`) or tolerance; `.invalidData`
    ///   for fewer than 3 points or non-finite potential/current (naming the record).
    public init(recording: Recording, area: Double? = nil, reversalTolerance: Double? = nil) throws {
        if let area, !(area > 0 && area.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area must be positive, got \(area * Units.squareCentimetresPerSquareMetre) cm²",
                                  parameter: "--area-cm2")
        }
        if let tolerance = reversalTolerance, !(tolerance > 0) {
            throw InterphaseError(.invalidParameter, "reversal tolerance must be positive, got \(tolerance) V", parameter: "reversalTolerance")
        }
        let file = recording.metadata.sourceFile
        guard recording.count >= 3 else {
            throw InterphaseError(.invalidData, "\(recording.count) points: a voltammogram needs at least 3", file: file,
                                  expected: "a potential sweep of several points")
        }
        for i in 0..<recording.count where !recording.voltage[i].isFinite || !recording.current[i].isFinite {
            throw InterphaseError(.invalidData, "potential or current is not a finite number", file: file, line: i + 1, lineLabel: "record")
        }
        potential = recording.voltage
        current = recording.current
        time = recording.time
        cycle = recording.cycleIndex
        provenance = recording.metadata.provenance
        self.area = area ?? recording.metadata.electrodeArea.flatMap { $0 > 0 ? $0 : nil }
        var sweeps: [Sweep] = []
        var start = 0
        while start < potential.count {
            var end = start + 1
            while end < potential.count && cycle[end] == cycle[start] { end += 1 }
            sweeps += Voltammogram.split(start..<end, potential: potential, time: time, cycle: Int(cycle[start]),
                                         tolerance: reversalTolerance)
            start = end
        }
        self.sweeps = sweeps
    }

    /// Splits one cycle's points at the scan reversals (rule in the type's description).
    static func split(_ range: Range<Int>, potential e: [Double], time t: [Double], cycle: Int, tolerance given: Double?) -> [Sweep] {
        let values = e[range]
        let span = (values.max() ?? 0) - (values.min() ?? 0)
        let tolerance = given ?? max(0.01 * span, 1e-4)
        var cuts: [Int] = [range.lowerBound]
        var direction = 0
        var extremum = e[range.lowerBound], extremumIndex = range.lowerBound
        var anchor = e[range.lowerBound]
        for i in range.dropFirst() {
            if direction == 0 {
                if abs(e[i] - anchor) > tolerance {
                    direction = e[i] > anchor ? 1 : -1
                    extremum = e[i]
                    extremumIndex = i
                }
                continue
            }
            if Double(direction) * (e[i] - extremum) >= 0 {
                extremum = e[i]
                extremumIndex = i
            } else if Double(direction) * (extremum - e[i]) > tolerance {
                // The vertex (the extremum) ends this sweep; the next starts after it.
                cuts.append(extremumIndex + 1)
                direction = -direction
                anchor = extremum
                extremum = e[i]
                extremumIndex = i
            }
        }
        cuts.append(range.upperBound)
        var sweeps: [Sweep] = []
        for k in 0..<(cuts.count - 1) {
            // The vertex point ends the sweep before it (its current belongs to that direction).
            let r = cuts[k]..<cuts[k + 1]
            guard r.count >= 2 else { continue }
            let first = e[r.lowerBound], last = e[r.upperBound - 1]
            let dir = last >= first ? 1 : -1
            var rates: [Double] = []
            for i in r.dropFirst() where t[i] > t[i - 1] && e[i] != e[i - 1] { rates.append(abs((e[i] - e[i - 1]) / (t[i] - t[i - 1]))) }
            sweeps.append(Sweep(range: r, direction: dir, cycle: cycle, startPotential: first, endPotential: last,
                                scanRate: rates.isEmpty ? .nan : Voltammogram.median(rates)))
        }
        return sweeps
    }

    static func median(_ x: [Double]) -> Double {
        let v = x.sorted()
        return v.count % 2 == 1 ? v[v.count / 2] : 0.5 * (v[v.count / 2 - 1] + v[v.count / 2])
    }

    /// Number of points.
    public var count: Int { potential.count }

    /// The cycles present, in order.
    public var cycles: [Int] {
        var seen: [Int] = []
        for s in sweeps where seen.last != s.cycle { seen.append(s.cycle) }
        return seen
    }

    /// The longest (largest potential span) sweep of `direction` in `cycle`, nil when there is none.
    public func longestSweep(cycle: Int, direction: Int) -> Sweep? {
        sweeps.filter { $0.cycle == cycle && $0.direction == direction }.max { $0.span < $1.span }
    }
}
