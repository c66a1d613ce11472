import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Generic delimited text (CSV, TSV, semicolon-separated; decimal point or comma), including Arbin's CSV
/// exports and headerless EC-Lab text exports (`time/s<TAB>Ewe/V`).
///
/// Columns are found by header aliases (`Time(s)`, `Test_Time`, `time/s`, `Voltage/V`, `Ewe/V`,
/// `Current(mA)`, `I/mA`, `Amps`, `Step_Index`, `Cycle`, `Charge_Capacity(Ah)`, …; see `ColumnAliases`),
/// with units taken from the header (`(mA)`, `[A]`, `/mA`) or the instrument default (s, V, A, Ah, Wh, °C).
/// Anything else is named explicitly with `--columns`. A file with time and voltage but no current
/// (an EC-Lab export of only `time/s` and `Ewe/V`) reads with current unknown: see `missingCurrent`.
public enum DelimitedTextReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool { sniffedFormat(probe) != nil }

    /// `arbinCSV` for a table with Arbin's `Data_Point` and `Test_Time` columns, `delimitedText` for any
    /// other table whose header names a time and a voltage column, nil for anything else.
    public static func sniffedFormat(_ probe: FileProbe) -> FileFormat? {
        guard probe.looksLikeText || (probe.prefix.first == 0xEF && probe.prefix.count > 3) else { return nil }
        // Same header cleaning as `detectLayout`: without it a file starting with a UTF-8 byte-order mark, or
        // with quoted headers ("Time(s)";"Voltage(V)"), was not recognised at all.
        var text = probe.prefixText
        if text.hasPrefix("\u{EF}\u{BB}\u{BF}") { text.removeFirst(3) }
        let lines = DelimitedText.lines(text).prefix(300)
        for line in lines {
            let fields = line.split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == ";" })
                .map { ColumnHeader(String($0).trimmingCharacters(in: CharacterSet(charactersIn: " \"\r"))) }
            let roles = Set(fields.compactMap(ColumnAliases.role))
            if roles.contains(.time) && roles.contains(.voltage) {
                let keys = Set(fields.map(\.key))
                return keys.contains("datapoint") && keys.contains("testtime") ? .arbinCSV : .delimitedText
            }
        }
        return nil
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let text = DelimitedText(url)
        let layout = try text.detectLayout(mapping: options.columnMapping)
        var metadata = RecordingMetadata(format: format, sourceFile: url.path)
        if format == .arbinCSV {
            metadata.instrument = "Arbin"
            DelimitedTextReader.readArbinCompanion(of: url, into: &metadata)
        }
        let roles = Set(layout.headers.compactMap(ColumnAliases.role))
        if options.columnMapping == nil && !roles.contains(.current) && options.assumedCurrent == nil {
            throw InterphaseError(.missingColumn, "the file has time and voltage but no current column", file: url.path,
                                  line: layout.headerLine + 1,
                                  expected: "a current column (Current(mA), I/mA, Amps…) or --columns current=<header>; "
                                      + "for an export of only time and voltage give the constant current with --current-mA")
        }
        return try DelimitedRecording.read(url, format: format, layout: layout, mapping: options.columnMapping,
                                           metadata: metadata, keepUnmapped: options.auxiliaryColumns, assumedCurrent: options.assumedCurrent,
                                           progress: options.progress)
    }

    /// Arbin CSV exports made by BEEP come with `<name>_Metadata.csv`: one header row and one value row
    /// (Test_ID, Device_ID, IV_Ch_ID, First_Start_DateTime as Unix seconds, Schedule_File_Name, …).
    /// Read when present; its absence is not an error.
    static func readArbinCompanion(of url: URL, into metadata: inout RecordingMetadata) {
        let companion = url.deletingPathExtension().path + "_Metadata.csv"
        guard let text = try? String(contentsOfFile: companion, encoding: .utf8) else { return }
        let lines = DelimitedText.lines(text).filter { !$0.isEmpty }
        guard lines.count >= 2 else { return }
        let keys = DelimitedText.split(lines[0], delimiter: 0x2C)
        let values = DelimitedText.split(lines[1], delimiter: 0x2C)
        for (key, value) in zip(keys, values) where !key.isEmpty && !value.isEmpty {
            metadata.header.append(HeaderField(key, value))
            if key == "IV_Ch_ID" { metadata.channel = value }
            if key == "First_Start_DateTime", let seconds = Double(value) { metadata.startTime = Date(timeIntervalSince1970: seconds) }
        }
    }
}
