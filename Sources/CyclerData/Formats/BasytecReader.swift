import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Basytec result files (BaSyTest "Resultfile from Basytec Battery Test System"): a preamble of `~`
/// comment lines (`~Name of Test:`, `~Battery:`, `~Start of Test: 19.06.2023 17:56:53`, …), the last
/// of which names the tab-separated columns (`~Time[s]`, `U[V]`, `I[A]`, `Ah-Step`, `Cyc-Count`, `State`).
///
/// What the columns mean is `TextDialect.basytec`: `Line` (program line) is the step, `Command` the
/// action, `Ah-Step` the signed per-step counter (preferred) and `Ah[Ah]` the running net one.
public enum BasytecReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        guard probe.looksLikeText else { return false }
        let text = probe.prefixText
        if text.hasPrefix("~Resultfile from Basytec") { return true }
        // A preamble cut or rewritten: `~` lines, one of which names `Time[` and `U[V]`.
        guard text.hasPrefix("~") else { return false }
        return DelimitedText.lines(String(text.prefix(16384))).prefix(100)
            .contains { $0.hasPrefix("~") && $0.contains("Time[") && $0.contains("U[V]") }
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let text = DelimitedText(url)
        let dialect = TextDialect.basytec
        let layout = try text.detectLayout(accepts: { fields in
            guard fields.first?.raw.hasPrefix("~") == true else { return false }
            let roles = Set(fields.compactMap(dialect.role))
            return roles.contains(.time) && roles.contains(.voltage)
        }, notFound: InterphaseError(.missingColumn, "no `~` header line naming the time and voltage columns (~Time[s] … U[V])",
                                     file: url.path, expected: "a Basytec result file whose last `~` line names the columns"))
        var metadata = RecordingMetadata(format: format, instrument: "Basytec", sourceFile: url.path)
        for line in layout.preamble {
            let body = line.drop(while: { $0 == "~" })
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !value.isEmpty else { continue }
            metadata.header.append(HeaderField(key, value))
            if key == "Testchannel" { metadata.channel = value }
            if key == "Start of Test" { metadata.startTime = BasytecReader.date(value) }
        }
        return try DelimitedRecording.read(url, format: format, layout: layout, mapping: options.columnMapping,
                                           metadata: metadata, keepUnmapped: options.auxiliaryColumns, dialect: dialect,
                                           progress: options.progress)
    }

    /// `19.06.2023 17:56:53` (day first), as the instrument's clock wrote it; taken as UTC.
    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd.MM.yyyy HH:mm:ss"
        return formatter.date(from: text)
    }
}
