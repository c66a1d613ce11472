import InterphaseData
import Foundation
import InterphaseCore
import InterphaseNumerics

/// A maximal run of points in which current flows in one direction: one charge or one discharge (one
/// plating or one stripping in a Li-metal cell). Consecutive steps with the same sign (CC then CV) join;
/// a rest or a sign change ends it.
public struct HalfCycle: Sendable, Equatable {
    /// +1: positive current (charge/oxidation/stripping of the working electrode); −1: negative.
    public var direction: Int
    /// Point indices `[start, end)` in the recording.
    public var range: Range<Int>
    /// The file's own cycle label of the first point (`cycleIndex − metadata.cycleLabelOffset`: a file
    /// counting from 0 keeps its 0).
    public var fileCycle: Int32
    /// Start and end time. - Units: s.
    public var startTime: Double
    public var endTime: Double
    /// Charge passed, positive. - Units: Ah.
    public var capacity: Double
    /// Energy, positive (∫|V·I| dt). - Units: Wh.
    public var energy: Double
    /// Time-averaged current magnitude, capacity / duration. - Units: A.
    public var meanCurrent: Double
    /// Voltage at the last point. - Units: V.
    public var endVoltage: Double

    public var duration: Double { endTime - startTime }
}

/// Splitting a recording into half cycles.
public enum HalfCycleSegmentation {
    /// Finds the half cycles of `recording`.
    ///
    /// Capacity of a half cycle: the sum, over its steps, of each step's final per-step counter (the
    /// instrument's own coulomb count) when the recording has counters; otherwise the trapezoidal integral
    /// of the current. Energy likewise, or ∫|V I| dt.
    public static func halfCycles(of recording: Recording) -> [HalfCycle] {
        let n = recording.count
        guard n > 1 else { return [] }
        let current = recording.current
        let restLimit = Recording.restCurrentLimit(current)
        guard restLimit > 0 else { return [] }
        let kinds = recording.stepKind
        @Sendable func sign(_ i: Int) -> Int {
            let kind = kinds[i]
            if kind == .rest || kind == .openCircuit || kind == .impedance { return 0 }
            return abs(current[i]) <= restLimit ? 0 : (current[i] > 0 ? 1 : -1)
        }
        @Sendable func segment(_ range: Range<Int>) -> [HalfCycle] {
            var result: [HalfCycle] = []
            var i = range.lowerBound
            while i < range.upperBound {
                let s = sign(i)
                if s == 0 { i += 1; continue }
                var j = i + 1
                // A step boundary inside a same-sign run does not split it (CC → CV); a rest or reversal does.
                while j < range.upperBound && sign(j) == s { j += 1 }
                if j - i >= 2 { result.append(summarize(recording, i..<j, direction: s)) }
                i = j
            }
            return result
        }
        // Large recordings: one part per core, each cut moved forward to where a run ends anyway (a rest
        // point or a reversal), so no half cycle straddles a cut.
        guard n > 200_000 else { return segment(0..<n) }
        var cuts = [0]
        for part in Parallel.ranges(n, minimumLength: 100_000).dropFirst() {
            var cut = max(part.lowerBound, cuts[cuts.count - 1])
            while cut < n && sign(cut) != 0 && sign(cut) == sign(cut - 1) { cut += 1 }
            if cut < n && cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(n)
        guard cuts.count > 2 else { return segment(0..<n) }
        let bounds = cuts
        return Parallel.map(bounds.count - 1) { k in segment(bounds[k]..<bounds[k + 1]) }.flatMap { $0 }
    }

    static func summarize(_ r: Recording, _ range: Range<Int>, direction: Int) -> HalfCycle {
        var capacity = 0.0
        var energy = 0.0
        let counters = direction > 0 ? r.chargeCapacity : r.dischargeCapacity
        let energies = direction > 0 ? r.chargeEnergy : r.dischargeEnergy
        if let counters {
            // Sum each step's final counter value over the steps in the range.
            var k = range.lowerBound
            while k < range.upperBound {
                var e = k
                while e + 1 < range.upperBound && r.stepIndex[e + 1] == r.stepIndex[k] { e += 1 }
                let startValue = k > 0 && r.stepIndex[k - 1] == r.stepIndex[k] ? counters[k - 1] : 0
                capacity += max(counters[e] - startValue, 0)
                if let energies {
                    let startEnergy = k > 0 && r.stepIndex[k - 1] == r.stepIndex[k] ? energies[k - 1] : 0
                    energy += max(energies[e] - startEnergy, 0)
                }
                k = e + 1
            }
        }
        if counters == nil || capacity == 0 {
            capacity = abs(Statistics.trapezoid(r.current, r.time, range: range)) / Units.secondsPerHour
        }
        if energies == nil || energy == 0 {
            // ∫|V·I| dt by the trapezoidal rule, without a temporary array.
            var sum = 0.0
            var previous = abs(r.voltage[range.lowerBound] * r.current[range.lowerBound])
            for k in (range.lowerBound + 1)..<range.upperBound {
                let power = abs(r.voltage[k] * r.current[k])
                sum += 0.5 * (power + previous) * (r.time[k] - r.time[k - 1])
                previous = power
            }
            energy = sum / Units.secondsPerHour
        }
        let start = r.time[range.lowerBound]
        let end = r.time[range.upperBound - 1]
        let duration = end - start
        let meanCurrent = duration > 0 ? capacity * Units.secondsPerHour / duration : abs(r.current[range.lowerBound])
        return HalfCycle(direction: direction, range: range, fileCycle: r.cycleIndex[range.lowerBound] - r.metadata.cycleLabelOffset, startTime: start,
                         endTime: end, capacity: capacity, energy: energy, meanCurrent: meanCurrent,
                         endVoltage: r.voltage[range.upperBound - 1])
    }

    /// Splits half cycles longer than `hours` into consecutive windows of that length (for long
    /// unidirectional polarisation runs whose protocol interrupts the current every `hours`).
    public static func windows(_ halves: [HalfCycle], of recording: Recording, hours: Double) -> [HalfCycle] {
        let span = hours * Units.secondsPerHour
        var out: [HalfCycle] = []
        for half in halves {
            guard half.duration > 1.5 * span else { out.append(half); continue }
            var start = half.range.lowerBound
            var boundary = half.startTime + span
            for k in half.range {
                if recording.time[k] >= boundary && k - start >= 2 {
                    out.append(summarize(recording, start..<k, direction: half.direction))
                    start = k
                    boundary += span
                }
            }
            if half.range.upperBound - start >= 2 { out.append(summarize(recording, start..<half.range.upperBound, direction: half.direction)) }
        }
        return out
    }
}
