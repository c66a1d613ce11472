import Foundation
import InterphaseCore
import InterphaseData

/// What `interphase read` prints: format, metadata, and each column with unit, count and range.
public struct RecordingSummary {
    public struct Column {
        public var name: String
        public var unit: String
        public var count: Int
        public var minimum: Double?
        public var maximum: Double?
    }

    public let recording: Recording
    public let columns: [Column]

    public init(_ recording: Recording) {
        self.recording = recording
        func integerColumn(_ name: String, _ values: [Int32]) -> Column {
            Column(name: name, unit: "", count: values.count, minimum: values.min().map(Double.init), maximum: values.max().map(Double.init))
        }
        func column(_ name: String, _ unit: String, _ values: [Double]) -> Column {
            var lo = Double.infinity, hi = -Double.infinity
            for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
            return Column(name: name, unit: unit, count: values.count, minimum: lo <= hi ? lo : nil, maximum: lo <= hi ? hi : nil)
        }
        var list = [
            column("time", "s", recording.time), column("voltage", "V", recording.voltage),
            column("current", "A", recording.current),
            integerColumn("step_index", recording.stepIndex),
            integerColumn("cycle_index", recording.cycleIndex),
        ]
        if let v = recording.chargeCapacity { list.append(column("charge_capacity", "Ah", v)) }
        if let v = recording.dischargeCapacity { list.append(column("discharge_capacity", "Ah", v)) }
        if let v = recording.chargeEnergy { list.append(column("charge_energy", "Wh", v)) }
        if let v = recording.dischargeEnergy { list.append(column("discharge_energy", "Wh", v)) }
        if let v = recording.temperature { list.append(column("temperature", "K", v)) }
        for aux in recording.auxiliary { list.append(column(aux.name, aux.unit.symbol, aux.values)) }
        columns = list
    }

    /// Number of distinct values, hashing only where the value changes (indices come in runs).
    static func distinct(_ values: [Int32]) -> Int {
        var seen = Set<Int32>()
        var previous: Int32?
        for v in values where v != previous {
            seen.insert(v)
            previous = v
        }
        return seen.count
    }

    /// Step kinds and how many points each has.
    public var stepKindCounts: [(StepKind, Int)] {
        var counts = [Int](repeating: 0, count: StepKind.allCases.count)
        for kind in recording.stepKind { counts[Int(kind.rawValue)] += 1 }
        return StepKind.allCases.compactMap { counts[Int($0.rawValue)] > 0 ? ($0, counts[Int($0.rawValue)]) : nil }
    }

    public var columnTable: TextTable {
        var table = TextTable(header: ["column", "unit", "count", "min", "max"])
        for c in columns {
            table.append([c.name, c.unit, String(c.count), c.minimum.map { String(format: "%.6g", $0) } ?? "",
                          c.maximum.map { String(format: "%.6g", $0) } ?? ""])
        }
        return table
    }

    public var json: JSONValue {
        let m = recording.metadata
        var meta: [(String, JSONValue)] = [
            ("format", .string(m.provenance.kindName)), ("format_name", .string(m.provenance.displayName)),
            ("instrument", .string(m.instrument)), ("file", .string(m.sourceFile)), ("channel", .string(m.channel)),
            ("start_time", .string(m.startTime.map { ISO8601DateFormatter().string(from: $0) })),
            ("active_mass_mg", .number(m.activeMass.map { $0 * Units.milligramsPerKilogram })),
            ("electrode_area_cm2", .number(m.electrodeArea.map { $0 * Units.squareCentimetresPerSquareMetre })),
        ]
        if m.provenance.parts.count > 1 {
            meta.append(("parts", .array(m.provenance.parts.map { .object([("file", .string($0.file)), ("format", .string($0.kindName))]) })))
        }
        meta.append(("header", .object(m.header.map { ($0.key, .string($0.value)) })))
        return .object([
            ("metadata", .object(meta)),
            ("rows", .integer(recording.count)),
            ("steps", .integer(RecordingSummary.distinct(recording.stepIndex))),
            ("cycles", .integer(RecordingSummary.distinct(recording.cycleIndex))),
            ("warnings", .array(m.warnings.map { .string($0) })),
            ("step_kinds", .object(stepKindCounts.map { ($0.0.description, .integer($0.1)) })),
            ("columns", .array(columns.map { c in
                .object([("name", .string(c.name)), ("unit", .string(c.unit)), ("count", .integer(c.count)),
                         ("min", .number(c.minimum)), ("max", .number(c.maximum))])
            })),
        ])
    }

    public var text: String {
        let m = recording.metadata
        var lines = ["format:     \(m.provenance.kindName) — \(m.provenance.displayName)"]
        if let v = m.instrument { lines.append("instrument: \(v)") }
        let parts = m.provenance.parts
        if parts.count > 1 {
            for (k, part) in parts.enumerated() { lines.append("\(k == 0 ? "files:     " : "           ") \(part.label)") }
        } else if let v = m.sourceFile { lines.append("file:       \(v)") }
        if let v = m.channel { lines.append("channel:    \(v)") }
        if let v = m.startTime { lines.append("started:    \(ISO8601DateFormatter().string(from: v))") }
        if let v = m.activeMass { lines.append(String(format: "mass:       %.4g mg", v * Units.milligramsPerKilogram)) }
        lines.append("rows:       \(recording.count); steps: \(RecordingSummary.distinct(recording.stepIndex)); cycles: \(RecordingSummary.distinct(recording.cycleIndex))")
        lines.append("step kinds: " + stepKindCounts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        for warning in m.warnings { lines.append("warning:    \(warning)") }
        return lines.joined(separator: "\n") + "\n\n" + columnTable.renderedText()
    }
}
