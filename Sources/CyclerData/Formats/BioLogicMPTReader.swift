import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// BioLogic EC-Lab text files (`.mpt`, "EC-Lab ASCII FILE"): a header block whose second line says
/// `Nb header lines : N` (the column-name line is line N), then a tab-separated table in Latin-1 with
/// EC-Lab's column names (`time/s`, `Ewe/V`, `<I>/mA` or `I/mA`, `Ns`, `cycle number`, `half cycle`,
/// `mode`, `dq/mA.h`, `freq/Hz`, `Re(Z)/Ohm`, …) and a decimal comma in some locales.
///
/// EC-Lab's `mode` column (1 galvanostatic, 2 potentiostatic, 3 rest) gives the step kind; `Ns` (0-based
/// sequence number) + 1 gives the step; impedance techniques (a `freq/Hz` column) are marked as impedance
/// with every spectrum column kept as an auxiliary column. Positive `I` oxidises the working electrode,
/// the same sign as ours.
public enum BioLogicMPTReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        probe.starts(with: "EC-Lab ASCII FILE") || probe.starts(with: "BT-Lab ASCII FILE")
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let head = [UInt8](try InstrumentFile.head(of: url, bytes: 16384))
        let text = Latin1.string(head)
        let lines = DelimitedText.lines(text)
        guard lines.count > 1, let range = lines[1].range(of: #"\d+"#, options: .regularExpression),
              lines[1].lowercased().contains("header"), let count = Int(lines[1][range]), count >= 1 else {
            throw InterphaseError(.malformed, "EC-Lab header has no 'Nb header lines : N' line", file: url.path, line: 2,
                                  expected: "Nb header lines : <number>")
        }
        // A header that lost a name (impedance.py's `exampleDataBioLogic_MissingFreq.mpt` has no `freq/Hz`)
        // shifts every column onto the wrong name: refuse it, naming both lines, rather than read garbage.
        if lines.count > count {
            let names = lines[count - 1].split(separator: "\t", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            let cells = lines[count].split(separator: "\t", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            if cells.count > names.count {
                throw InterphaseError(
                    .malformed, "the first row has \(cells.count) values but the header (line \(count)) names \(names.count) columns",
                    file: url.path, line: count + 1, expected: "one column name per value (a name is missing from the header)")
            }
        }
        let table = DelimitedText(url)
        var layout = try table.detectLayout(mapping: options.columnMapping, headerHint: count - 1)
        layout.delimiter = 0x09
        var metadata = RecordingMetadata(format: .biologicMPT, instrument: "BioLogic EC-Lab", sourceFile: url.path)
        for line in layout.preamble {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            metadata.header.append(HeaderField(parts[0], parts[1]))
            switch parts[0] {
            case "Device": metadata.instrument = "BioLogic " + parts[1]
            case "Acquisition started on":
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "UTC")
                for pattern in ["MM/dd/yyyy HH:mm:ss.SSS", "MM/dd/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss"] {
                    formatter.dateFormat = pattern
                    if let date = formatter.date(from: parts[1]) { metadata.startTime = date; break }
                }
            case "Mass of active material":
                let fields = parts[1].split(separator: " ")
                if let value = fields.first.flatMap({ Double($0.replacingOccurrences(of: ",", with: ".")) }), value > 0 {
                    let unit = fields.count > 1 ? fields[1] : "mg"
                    metadata.activeMass = value * (unit == "g" ? Units.kilogramsPerGram : Units.kilogramsPerMilligram)
                }
            default: break
            }
        }
        let keys = Set(layout.headers.map(\.key))
        var recording = try DelimitedRecording.read(url, format: .biologicMPT, layout: layout, mapping: options.columnMapping,
                                                    metadata: metadata, keepUnmapped: options.auxiliaryColumns, assumedCurrent: options.assumedCurrent,
                                                    progress: options.progress)
        // EC-Lab's Ns is 0-based: the Recording's steps are 1-based.
        if layout.headers.contains(where: { $0.key == "ns" }) { recording.stepIndex = recording.stepIndex.map { $0 + 1 } }
        if keys.contains("freq") { recording.stepKind = [StepKind](repeating: .impedance, count: recording.count) }
        return recording
    }
}
