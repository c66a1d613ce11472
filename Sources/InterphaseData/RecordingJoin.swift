import Foundation
import InterphaseCore

/// Joins the files of one test into one recording, in time order: EC-Lab writes each technique of a
/// sequence to its own numbered file (`…_01_GCPL_…`, `…_02_GEIS_…`), and a restarted channel continues
/// in a new file.
///
/// Rules, stated once:
/// - **Order**: by the parts' wall-clock start where every part has one, else as given.
/// - **Time**: with start times, each part's time is placed at its start relative to the first part's
///   (EC-Lab's files of one sequence share the sequence's start and count time from it: they then
///   need no shift); a part whose time then begins before the previous part ended is an overlap, one
///   that begins later leaves a gap — both are reported with their length. Without start times, a part
///   whose time starts before the previous one's end is moved to continue from it, and the pause
///   between them is unknown.
/// - **Steps** continue (each part's steps follow the previous part's last), so a step never spans two
///   files and per-step counters stay per step. **Cycles** continue when a part counts them again from
///   the start (its first cycle not after the previous part's last: it begins the next cycle); a part
///   that goes on counting keeps its numbers.
/// - **Columns**: counters, energies and temperature are kept when every part has them (a part without
///   counters gets its current integrated per step, and the whole is marked `integratedCurrent`);
///   auxiliary columns are matched by name and unit, NaN where a part lacks one.
public enum RecordingJoin {
    public struct Joined: Sendable {
        public var recording: Recording
        /// One line per junction: gap, overlap or unknown pause.
        public var notes: [String]
    }

    public static func join(_ parts: [Recording]) throws -> Joined {
        guard let first = parts.first else {
            throw InterphaseError(.invalidParameter, "nothing to join", expected: "one or more recordings")
        }
        guard parts.count > 1 else { return Joined(recording: first, notes: []) }
        let starts = parts.map(\.metadata.startTime)
        let dated = starts.allSatisfy { $0 != nil }
        let order = dated ? parts.indices.sorted { starts[$0]! < starts[$1]! } : Array(parts.indices)
        let ordered = order.map { parts[$0] }
        let origin = dated ? starts[order[0]]! : nil
        var notes: [String] = []

        var time: [Double] = [], voltage: [Double] = [], current: [Double] = []
        var steps: [Int32] = [], cycles: [Int32] = [], kinds: [StepKind] = []
        let total = ordered.reduce(0) { $0 + $1.count }
        time.reserveCapacity(total); voltage.reserveCapacity(total); current.reserveCapacity(total)
        let haveCounters = ordered.allSatisfy { $0.chargeCapacity != nil && $0.dischargeCapacity != nil }
        let anyCounters = ordered.contains { $0.chargeCapacity != nil }
        let haveEnergy = ordered.allSatisfy { $0.chargeEnergy != nil && $0.dischargeEnergy != nil }
        let haveTemperature = ordered.allSatisfy { $0.temperature != nil }
        var qc: [Double] = [], qd: [Double] = [], ec: [Double] = [], ed: [Double] = [], temperature: [Double] = []
        var integrated = false
        // Auxiliary columns by name and unit, in first-seen order.
        var auxKeys: [String] = []
        var auxTemplate: [String: AuxiliaryColumn] = [:]
        for part in ordered {
            for column in part.auxiliary {
                let key = column.name + "\u{1}" + column.unit.symbol
                if auxTemplate[key] == nil { auxKeys.append(key); auxTemplate[key] = column }
            }
        }
        var auxValues: [String: [Double]] = [:]

        for (k, part) in ordered.enumerated() where part.count > 0 {
            var offset = 0.0
            if k > 0, let previousEnd = time.last {
                let label = part.metadata.provenance.label
                if let origin, let start = part.metadata.startTime {
                    let placed = start.timeIntervalSince(origin)
                    // EC-Lab parts share the sequence's start and already count from it.
                    offset = part.time[0] >= previousEnd - 1e-9 || placed == 0 ? 0 : placed
                    if offset == 0 && part.time[0] < previousEnd - 1e-9 && placed == 0 {
                        offset = previousEnd - part.time[0]
                        notes.append("\(label): starts at the same clock time as the part before and counts time from 0; continued from the previous part's end (the pause is not known)")
                    } else {
                        let gap = part.time[0] + offset - previousEnd
                        if gap < -1 {
                            notes.append("\(label): overlaps the part before by \(String(format: "%.6g", -gap)) s")
                        } else if gap > 1 {
                            notes.append("\(label): starts \(String(format: "%.6g", gap)) s after the part before ended")
                        }
                    }
                } else if part.time[0] < previousEnd {
                    offset = previousEnd - part.time[0]
                    notes.append("\(label): its time starts before the previous part's end and no start time says when it began; continued from the previous part's end (the pause is not known)")
                }
            }
            let stepOffset = (steps.last ?? 0) - (part.stepIndex.min() ?? 0) + 1
            var cycleOffset: Int32 = 0
            if let lastCycle = cycles.last, let firstCycle = part.cycleIndex.first, firstCycle <= lastCycle {
                cycleOffset = lastCycle - firstCycle + 1
            }
            time += offset == 0 ? part.time : part.time.map { $0 + offset }
            voltage += part.voltage
            current += part.current
            steps += k == 0 ? part.stepIndex : part.stepIndex.map { $0 + stepOffset }
            cycles += cycleOffset == 0 ? part.cycleIndex : part.cycleIndex.map { $0 + cycleOffset }
            kinds += part.stepKind
            if anyCounters || haveCounters {
                if let c = part.chargeCapacity, let d = part.dischargeCapacity, part.metadata.capacitySource == .instrumentCounters {
                    qc += c; qd += d
                } else {
                    let (c, d) = integrate(part)
                    qc += c; qd += d
                    integrated = true
                }
            }
            if haveEnergy { ec += part.chargeEnergy!; ed += part.dischargeEnergy! }
            if haveTemperature { temperature += part.temperature! }
            for key in auxKeys {
                let template = auxTemplate[key]!
                let column = part.auxiliary.first { $0.name == template.name && $0.unit == template.unit }
                auxValues[key, default: []] += column?.values ?? [Double](repeating: .nan, count: part.count)
            }
        }
        var metadata = ordered[0].metadata
        metadata.provenance = .joined(parts: ordered.map(\.metadata.provenance))
        metadata.startTime = origin ?? ordered[0].metadata.startTime
        metadata.warnings = ordered.flatMap { part in part.metadata.warnings.map { "\(part.metadata.provenance.label): \($0)" } } + notes
        metadata.capacitySource = integrated || !anyCounters ? .integratedCurrent : .instrumentCounters
        metadata.header = ordered.flatMap(\.metadata.header)
        let recording = Recording(
            metadata: metadata, time: time, voltage: voltage, current: current, stepIndex: steps, cycleIndex: cycles,
            stepKind: kinds, chargeCapacity: anyCounters ? qc : nil, dischargeCapacity: anyCounters ? qd : nil,
            chargeEnergy: haveEnergy ? ec : nil, dischargeEnergy: haveEnergy ? ed : nil,
            temperature: haveTemperature ? temperature : nil,
            auxiliary: auxKeys.map { key in
                let t = auxTemplate[key]!
                return AuxiliaryColumn(name: t.name, quantity: t.quantity, unit: t.unit, values: auxValues[key]!)
            })
        try recording.validate()
        return Joined(recording: recording, notes: notes)
    }

    /// A part's per-step counters from its current (trapezoidal rule within each step). - Units: Ah.
    static func integrate(_ part: Recording) -> ([Double], [Double]) {
        let n = part.count
        var charge = [Double](repeating: 0, count: n), discharge = [Double](repeating: 0, count: n)
        for i in 1..<max(n, 1) where part.stepIndex[i] == part.stepIndex[i - 1] {
            let dq = part.chargeIncrement(at: i)
            charge[i] = charge[i - 1] + max(dq, 0)
            discharge[i] = discharge[i - 1] + max(-dq, 0)
        }
        return (charge, discharge)
    }

    /// Continues a count that starts again at each of `restarts` (row indices): from each restart on,
    /// values are shifted so the part's first value follows the previous part's last.
    public static func continueCounting(_ values: inout [Int32], at restarts: [Int]) {
        for start in restarts.sorted() where start > 0 && start < values.count {
            let last = values[start - 1], first = values[start]
            guard first <= last else { continue }
            let shift = last - first + 1
            for i in start..<values.count { values[i] += shift }
        }
    }
}
