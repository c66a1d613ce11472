import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Gamry Framework `.DTA` files of DC techniques (EXPLAIN layout, `GamryExplainFile`): cyclic and linear
/// sweep voltammetry (`TAG CV`, `LSV`), polarisation/Tafel (`POTENTIODYNAMIC`, `TAFEL`), chronoamperometry
/// and the like, whose data are `CURVE` or `CURVE1…CURVEn` tables.
///
/// Every curve table is read in order and joined: `T` (s) is time, `Vf` (V vs. Ref.) the potential,
/// `Im` (A) the current (Gamry's sign: anodic positive, the same as ours); the curve's number is the
/// cycle and the step (CURVE → 1, CURVEn → n). A curve whose time starts below the previous curve's end
/// counts its own clock: the previous end is added to its times (a warning says so). Step kind:
/// potentiostatic (`constantVoltage`, as EC-Lab's potentiostatic mode is read) unless the tag is
/// galvanostatic (`GALV…`, `CHRONOP`), then `constantCurrent`; `StepKind` has no sweep kind, and the voltammetry engine finds sweeps from the
/// potential itself. Header facts: `AREA` (cm²) becomes the electrode area; every header field is kept
/// in `header` (first value), among them `TAG`, `SCANRATE` (mV/s), `VLIMIT1`, `VLIMIT2` (V); `DATE` and
/// `TIME` give the start (taken as UTC: the file names no zone).
///
/// Impedance files (`ZCURVE` tables, `TAG EIS…`) are not claimed: the impedance readers read them.
public enum GamryDTAReader: CyclerFileReader {
    /// An EXPLAIN file with a `CURVE`/`CURVEn` table in its first 64 KiB, not tagged `EIS…` and with no
    /// `ZCURVE` table there.
    public static func sniff(_ probe: FileProbe) -> Bool {
        let text = probe.prefixText
        guard GamryExplainFile.looksLikeExplain(text) else { return false }
        var hasCurve = false
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let cells = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard cells.count >= 2 else { continue }
            let key = cells[0].uppercased(), type = cells[1].uppercased()
            if key == "TAG" && type.hasPrefix("EIS") { return false }
            guard type == "TABLE" else { continue }
            if key == "ZCURVE" { return false }
            if key.hasPrefix("CURVE") && key.dropFirst(5).allSatisfy(\.isNumber) { hasCurve = true }
        }
        return hasCurve
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let file = try GamryExplainFile.read(url)
        let path = url.path
        if !file.tables(named: "ZCURVE").isEmpty || file.tag?.uppercased().hasPrefix("EIS") == true {
            throw InterphaseError(.unsupportedFormat, "this Gamry file holds an impedance spectrum (\(file.tag ?? "ZCURVE")), not a DC record",
                                  file: path, expected: "a Gamry CV, LSV, polarisation or chronoamperometry .DTA")
        }
        let curves = file.tables(named: "CURVE")
        guard !curves.isEmpty else {
            throw InterphaseError(.missingColumn, "no CURVE table (tables: \(file.tables.map(\.name).joined(separator: ", ")))", file: path,
                                  expected: "a CURVE or CURVE1… table")
        }
        var time: [Double] = [], voltage: [Double] = [], current: [Double] = [], index: [Int32] = []
        var warnings: [String] = []
        for (k, table) in curves.enumerated() {
            let number = Int32(table.name.dropFirst(5)) ?? Int32(k + 1)
            var columns: [[Double]] = []
            for (name, unit) in [("T", "s"), ("Vf", "V"), ("Im", "A")] {
                guard let column = table.column(name) else {
                    throw InterphaseError(.missingColumn, "table \(table.name) has no '\(name)' column (columns: \(table.columns.map(\.name).joined(separator: ", ")))",
                                          file: path, line: table.firstDataLine - 2, column: name, expected: "T (s), Vf (V vs. Ref.), Im (A)")
                }
                guard column.unit.isEmpty || column.unit.hasPrefix(unit) else {
                    throw InterphaseError(.malformed, "column '\(name)' of \(table.name) is in '\(column.unit)'", file: path,
                                          line: table.firstDataLine - 1, column: name, expected: "\(unit)")
                }
                if let row = column.values.firstIndex(where: { !$0.isFinite }) {
                    throw InterphaseError(.invalidData, "'\(name)' is not a number", file: path, line: table.firstDataLine + row, column: name)
                }
                columns.append(column.values)
            }
            var t = columns[0]
            if let last = time.last, let first = t.first, first < last {
                let shift = last
                t = t.map { $0 + shift }
                warnings.append("\(table.name)'s time restarts at \(first) s; shifted by \(shift) s to follow \(curves[k - 1].name)")
            }
            time += t
            voltage += columns[1]
            current += columns[2]
            index += [Int32](repeating: number, count: t.count)
        }
        var metadata = RecordingMetadata(format: format, instrument: "Gamry Framework", sourceFile: path)
        metadata.header = file.fields.compactMap { field in
            field.type.uppercased() == "NOTES" ? nil : HeaderField(field.key, field.key.uppercased() == "TAG" ? field.type : field.values.first ?? "")
        }
        if let area = file.field("AREA")?.number, area > 0 {
            metadata.electrodeArea = area * Units.squareMetresPerSquareCentimetre
        }
        if let date = file.field("DATE")?.values.first, let clock = file.field("TIME")?.values.first {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "M/d/yyyy HH:mm:ss"
            metadata.startTime = formatter.date(from: "\(date) \(clock)")
        }
        if file.aborted { warnings.append("the experiment was aborted (EXPERIMENTABORTED): the data stop early") }
        metadata.warnings = warnings
        let tag = file.tag?.uppercased() ?? ""
        let kind: StepKind = tag.hasPrefix("GALV") || tag == "CHRONOP" ? .constantCurrent : .constantVoltage
        var assembly = RecordingAssembly(metadata: metadata, time: time, voltage: voltage, current: current)
        assembly.stepIndices = index
        assembly.cycleIndices = index
        assembly.cycleOffset = 0
        assembly.lineLabel = "point"
        var recording = try assembly.build()
        recording.stepKind = [StepKind](repeating: kind, count: recording.count)
        return recording
    }
}
