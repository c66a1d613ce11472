import Foundation
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
    public static let formats: [CyclerFormat] = [.maccorText]

    public static func sniff(_ probe: FileProbe) -> CyclerFormat? {
        guard probe.looksLikeText else { return nil }
        let text = probe.prefixText
        if text.hasPrefix("Today's Date") { return .maccorText }
        let head = text.prefix(8192)
        if head.contains("Rec#\t") && head.contains("Cyc#") { return .maccorText }
        if head.contains("Tester\tMaccor") || (head.contains("Cycle P\t") && head.contains("Md\t")) { return .maccorText }
        return nil
    }

    public static func read(_ url: URL, format: CyclerFormat, options: ReadOptions) throws -> Recording {
        let text = DelimitedText(url)
        let layout = try text.detectLayout(mapping: options.columnMapping)
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
        return try DelimitedRecording.read(url, format: .maccorText, layout: layout, mapping: options.columnMapping,
                                           metadata: metadata, keepUnmapped: true, progress: options.progress)
    }
}
