import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Novonix HPC/UHPC exports: `[Summary] … [End Summary]`, `[Protocol] … `, then `[Data]` and a comma-
/// separated table (`Date and Time, Cycle Number, Step Type, Run Time (h), Step Time (h), Current (A),
/// Potential (V), Capacity (Ah), …`). Also read: files in which every line is wrapped in double quotes,
/// and files in which the channel restarted, which repeat `[Summary] … [Data]` and the header inside the
/// data; the parts are joined, the times of each later part continuing from the end of the one before.
///
/// Steps: a new step starts where the step column (`Step Number`; the HPC software writes the step's
/// type code there) changes, where `Step Time` goes back, or where a restarted part begins; the running
/// net `Capacity`/`Energy` counters then split into per-step charge and discharge (`TextDialect.novonix`).
public enum NovonixReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        guard probe.looksLikeText else { return false }
        let head = String(probe.prefixText.prefix(4096))
        let start = head.drop(while: { $0 == "\"" || $0 == "\u{FEFF}" })
        return start.hasPrefix("[Summary]") && head.contains("Novonix")
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let text = DelimitedText(url)
        let dialect = TextDialect.novonix
        // The header follows `[Data]`, which a long protocol section can push past the first 300 lines.
        let head = try InstrumentFile.head(of: url, bytes: 256 * 1024)
        let headLines = DelimitedText.lines(DelimitedText.decodeUTF8(head) ?? Latin1.string(head))
        let hint = headLines.firstIndex { $0.drop(while: { $0 == "\"" }).hasPrefix("[Data]") }.map { $0 + 1 }
        var layout = try text.detectLayout(headerHint: hint, accepts: { fields in
            let roles = Set(fields.compactMap(dialect.role))
            return roles.contains(.time) && roles.contains(.voltage) && roles.contains(.current)
        }, notFound: InterphaseError(.missingColumn, "no header line after [Data] naming the run time, potential and current",
                                     file: url.path, expected: "a Novonix export with `Run Time (h)`, `Potential (V)`, `Current (A)`"))
        layout.sectionMarker = UInt8(ascii: "[")
        var metadata = RecordingMetadata(format: format, instrument: "Novonix", sourceFile: url.path)
        var inSummary = false
        for raw in layout.preamble {
            let line = DelimitedText.isWrapped(raw) ? String(raw.dropFirst().dropLast()) : raw
            if line.hasPrefix("[Summary]") { inSummary = true; continue }
            if line.hasPrefix("[End Summary]") { inSummary = false; continue }
            guard inSummary, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            guard !key.isEmpty, !value.isEmpty, !value.hasPrefix("*") else { continue }
            metadata.header.append(HeaderField(key, value))
            if key == "Channel" { metadata.channel = value }
            if key == "Mass (g)", let grams = Double(value), grams > 0 { metadata.activeMass = grams * Units.kilogramsPerGram }
            if key.hasPrefix("Area (cm"), let area = Double(value), area > 0 { metadata.electrodeArea = area * Units.squareMetresPerSquareCentimetre }
        }
        let stepTimeIndex = layout.headers.firstIndex { $0.key == "steptime" }
        let timeIndex = layout.headers.firstIndex { dialect.role(of: $0) == .time }
        let stepIndex = layout.headers.firstIndex { dialect.role(of: $0) == .step }
        let cycleIndex = layout.headers.firstIndex { dialect.role(of: $0) == .cycle }
        let counterIndices = layout.headers.indices.filter { [.netCapacity, .netEnergy].contains(dialect.role(of: layout.headers[$0])) }
        var restarts: [Int] = []
        var dropped = 0
        var stepTimeKept: [Double]?
        let recording = try DelimitedRecording.assemble(
            url, layout: layout, mapping: options.columnMapping, metadata: metadata, keepUnmapped: options.auxiliaryColumns,
            assumedCurrent: nil, dialect: dialect
        ) { requests in
            var requests = requests
            let extra = stepTimeIndex.flatMap { i in requests.contains { $0.index == i } ? nil : i }
            if let extra { requests.append(DelimitedText.Request(index: extra, text: false)) }
            var columns = try text.readColumns(layout: layout, requests: requests, progress: options.progress)
            let stepTimeRead = stepTimeIndex.flatMap { extra == nil ? columns.numbers[$0] : columns.numbers.removeValue(forKey: $0) }
            restarts = columns.sectionStarts
            if let timeIndex, var time = columns.numbers[timeIndex] {
                // A restarted part counts its time from 0 again: continue from the previous part's end.
                for start in restarts where start > 0 && start < time.count {
                    let offset = time[start - 1] - time[start]
                    guard offset > 0 else { continue }
                    let stop = restarts.first { $0 > start } ?? time.count
                    for i in start..<stop { time[i] += offset }
                }
                columns.numbers[timeIndex] = time
            }
            // A restarted part's running counters start from 0 again: continue them from the previous part's
            // last value, as the instrument would have (preparenovonix adds the same offsets).
            for index in counterIndices {
                guard var values = columns.numbers[index] else { continue }
                for start in restarts where start > 0 && start < values.count {
                    let carried = values[start - 1]
                    let stop = restarts.first { $0 > start } ?? values.count
                    for i in start..<stop where values[i].isFinite { values[i] += carried }
                }
                columns.numbers[index] = values
            }
            // Records whose run time goes back inside a part repeat earlier ones (a fault of the HPC
            // software that preparenovonix also drops): left out, and counted in a warning.
            if let timeIndex, let time = columns.numbers[timeIndex] {
                var keep = [Bool](repeating: true, count: time.count)
                var latest = -Double.infinity
                for i in time.indices { if time[i] < latest { keep[i] = false; dropped += 1 } else { latest = time[i] } }
                if dropped > 0 {
                    func filter<T>(_ v: [T]) -> [T] { v.indices.compactMap { keep[$0] ? v[$0] : nil } }
                    for (k, v) in columns.numbers { columns.numbers[k] = filter(v) }
                    for (k, v) in columns.integers { columns.integers[k] = filter(v) }
                    for (k, v) in columns.labelCodes { columns.labelCodes[k] = filter(v) }
                    var removedBefore = [Int](repeating: 0, count: time.count + 1)
                    for i in time.indices { removedBefore[i + 1] = removedBefore[i] + (keep[i] ? 0 : 1) }
                    restarts = restarts.map { $0 - removedBefore[$0] }
                    columns.rows -= dropped
                    stepTimeKept = stepTimeRead.map(filter)
                }
            }
            let stepTime = dropped > 0 ? stepTimeKept : stepTimeRead
            // A restarted part counts cycles from 1 again: continue from the previous part's last cycle.
            if let cycleIndex, !restarts.isEmpty {
                if var cycles = columns.integers[cycleIndex] {
                    RecordingJoin.continueCounting(&cycles, at: restarts)
                    columns.integers[cycleIndex] = cycles
                } else if let numbers = columns.numbers[cycleIndex] {
                    var cycles = numbers.map { $0.isFinite ? Int32(clamping: Int($0.rounded())) : 0 }
                    RecordingJoin.continueCounting(&cycles, at: restarts)
                    columns.integers[cycleIndex] = cycles
                    columns.numbers[cycleIndex] = nil
                }
            }
            if let stepIndex {
                let raw = columns.integers[stepIndex] ?? columns.numbers[stepIndex].map { $0.map { Int32(exactly: $0.rounded()) ?? 0 } }
                if let raw {
                    let restartSet = Set(restarts)
                    var steps = [Int32](repeating: 1, count: raw.count)
                    for i in raw.indices.dropFirst() {
                        let timeBack = stepTime.map { $0[i] < $0[i - 1] } ?? false
                        steps[i] = steps[i - 1] + (raw[i] != raw[i - 1] || timeBack || restartSet.contains(i) ? 1 : 0)
                    }
                    columns.integers[stepIndex] = steps
                    columns.numbers[stepIndex] = nil
                }
            }
            return columns
        }
        var result = recording
        if dropped > 0 {
            result.metadata.warnings.append("\(dropped) record\(dropped == 1 ? "" : "s") whose run time goes back (repeats of earlier records) left out")
        }
        guard !restarts.isEmpty else { return result }
        result.metadata.warnings.append(
            "the channel restarted \(restarts.count) time\(restarts.count == 1 ? "" : "s") in this file (a new [Summary] block before row"
            + " \(restarts.map { String($0 + 1) }.joined(separator: ", "))); the parts are joined, each later part's time continuing from the end"
            + " of the one before (the pause between them is not in the file)")
        return result
    }
}
