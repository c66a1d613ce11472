import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Maccor text exports: the raw "Today's Date … Procedure: …" export (`.NNN` extension = channel), the
/// numeric-seconds variant (`Test (Sec)`), and the key:value header export with decimal commas
/// ("Maccor #4": `Cap. [Ah]`, `Current [A]`, `Md`).
///
/// Maccor facts used: `TestTime` is a duration `Nd HH:MM:SS.ffff`; `Amps` may be unsigned with the sign in
/// `State`/`Md` (C charge, D discharge, R rest, O/S other), so discharge currents are negated from the
/// state; `Amp-hr`/`Cap.` count per step and are split into charge/discharge by the step's current sign;
/// `Cyc#` counts from 0 and is shifted to 1-based.
public enum MaccorTextReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        guard probe.looksLikeText else { return false }
        let text = probe.prefixText
        if text.hasPrefix("Today's Date") { return true }
        let head = text.prefix(8192)
        if head.contains("Rec#\t") && head.contains("Cyc#") { return true }
        return head.contains("Tester\tMaccor") || (head.contains("Cycle P\t") && head.contains("Md\t"))
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let text = DelimitedText(url)
        var layout = try text.detectLayout(mapping: options.columnMapping)
        var metadata = RecordingMetadata(format: .maccorText, instrument: "Maccor", sourceFile: url.path)
        // Header facts: "Today's Date …  Date of Test:\t11/02/2016\t Filename:\t… Procedure: …" or key\tvalue lines.
        for line in layout.preamble {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.count == 2 {
                let key = fields[0].hasSuffix(":") ? String(fields[0].dropLast()) : fields[0]
                metadata.header.append(HeaderField(key, fields[1]))
                if key == "Channel" { metadata.channel = fields[1] }
                if key == "Tester" { metadata.instrument = fields[1] }
            } else if line.hasPrefix("Today's Date") {
                var i = 0
                while i + 1 < fields.count {
                    if fields[i].hasSuffix(":") { metadata.header.append(HeaderField(String(fields[i].dropLast()), fields[i + 1])) }
                    i += 1
                }
                if let procedure = line.range(of: "Procedure:") {
                    let value = line[procedure.upperBound...].split(separator: "\t").first.map { $0.trimmingCharacters(in: .whitespaces) }
                    if let value { metadata.header.append(HeaderField("Procedure", value)) }
                }
            }
        }
        if url.pathExtension.count == 3, Int(url.pathExtension) != nil, metadata.channel == nil {
            metadata.channel = url.pathExtension
        }
        if options.columnMapping == nil, let (index, unit, seconds) = try numericTestTimeUnit(url, layout: layout) {
            layout.headers[index].unit = unit
            metadata.warnings.append("\(layout.headers[index].raw) has no unit; it advances by 1 per \(seconds) s of the "
                                     + "wall clock (DPT Time), so it is read as \(unit == "min" ? "minutes" : "hours")")
        }
        return try DelimitedRecording.read(url, format: .maccorText, layout: layout, mapping: options.columnMapping,
                                           metadata: metadata, keepUnmapped: options.auxiliaryColumns, progress: options.progress)
    }

    /// Maccor can export `TestTime` as a plain number whose unit the file does not state (the "Maccor #4"
    /// export, maccor_two.txt: TestTime 0, 1, 2, … while the wall clock `DPT Time` advances 60 s per row,
    /// i.e. minutes). When the time column is numeric with no unit and a `DPT Time` column exists, the unit
    /// is taken from the ratio of wall-clock to TestTime differences over the first rows (≥ 60 s of clock,
    /// ±5 %, the clock having 1-s resolution). Returns nil for seconds or when undecidable.
    static func numericTestTimeUnit(_ url: URL, layout: DelimitedLayout) throws -> (Int, String, Int)? {
        guard let timeIndex = layout.headers.firstIndex(where: { ColumnAliases.role(of: $0) == .time }),
              layout.headers[timeIndex].unit == nil,
              let clockIndex = layout.headers.firstIndex(where: { $0.key == "dpttime" }) else { return nil }
        let head = try InstrumentFile.head(of: url, bytes: 256 * 1024)
        let lines = DelimitedText.lines(Latin1.string(head))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM/dd/yyyy HH:mm:ss"
        var samples: [(time: Double, clock: Double)] = []
        for line in lines.dropFirst(layout.headerLine + 1).dropLast().prefix(200) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = DelimitedText.split(line, delimiter: layout.delimiter)
            guard fields.count > max(timeIndex, clockIndex) else { break }
            let timeText = layout.decimalComma ? fields[timeIndex].replacingOccurrences(of: ",", with: ".") : fields[timeIndex]
            guard let time = Double(timeText.trimmingCharacters(in: .whitespaces)) else { return nil } // durations: unit known
            guard let clock = formatter.date(from: fields[clockIndex].trimmingCharacters(in: .whitespaces)) else { return nil }
            samples.append((time, clock.timeIntervalSince1970))
        }
        guard let first = samples.first, let last = samples.last, last.clock - first.clock >= 60, last.time > first.time else {
            return nil
        }
        let ratio = (last.clock - first.clock) / (last.time - first.time)
        for (factor, unit) in [(Units.secondsPerMinute, "min"), (Units.secondsPerHour, "h")] where abs(ratio / factor - 1) < 0.05 {
            return (timeIndex, unit, Int(factor))
        }
        return nil
    }
}
