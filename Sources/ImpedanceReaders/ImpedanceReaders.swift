import Foundation
import CyclerData
import InstrumentIO
import InterphaseData

extension ImpedanceLoader {
    /// Every impedance format, one row each, in the order they are asked: formats with a signature first,
    /// then the headed table, then the headerless one. Adding a format is adding a row here (and its
    /// `FileFormat`, and a layout when it is text).
    public static let registry = ReaderRegistry<ImpedanceFile, ImpedanceReadOptions>(kind: "impedance file", readers: [
        FormatReader(.biologicMPR, extensions: ["mpr"], encoding: .binary,
                     expectedContent: "a BioLogic .mpr of a PEIS or GEIS technique",
                     sniff: { BioLogicMPRReader.sniff($0) }, read: { try fromRecording($0, $1, $2) }),
        FormatReader(.gamryImpedance, extensions: ["dta"], encoding: .text,
                     expectedContent: "a Gamry EXPLAIN file with a ZCURVE table",
                     sniff: { GamryImpedanceReader.sniff($0) }, read: { try GamryImpedanceReader.read($0, format: $1, options: $2) }),
        FormatReader(.biologicMPT, extensions: ["mpt"], encoding: .text,
                     expectedContent: "an EC-Lab text export of a PEIS or GEIS technique",
                     sniff: { BioLogicMPTReader.sniff($0) && ($0.prefixText.contains("freq/Hz") || $0.prefixText.prefix(400).contains("Impedance Spectroscopy")) },
                     read: { try fromRecording($0, $1, $2) }),
        text(.maccorFRA, .namedColumns, "a Maccor AC impedance export ('MACCOR, INC.  AC Impedance Test')") {
            $0.starts(with: "MACCOR, INC.") && $0.prefixText.prefix(200).contains("AC Impedance")
        },
        text(.chiImpedance, .lineStarting("Freq/Hz"), "a CH Instruments 'A.C. Impedance' text export") {
            $0.prefixText.prefix(400).contains("A.C. Impedance")
        },
        text(.zview, .after(["End Comments", "Freq(Hz)", "Freq (Hz)"], names: ImpedanceTextLayout.zviewNames),
             "a ZPlot/ZView text file ('ZPLOT2 ASCII', 'ZPlotW Data File', Autolab's 'Z60W Data File')", extensions: ["z"]) {
            let head = ImpedanceTextLayout.lines(String($0.prefixText.prefix(64))).first ?? ""
            return head.hasPrefix("ZPLOT2 ASCII") || head.contains("ZPlotW Data File") || head.contains("Z60W Data File")
                || head.contains("ZView")
        },
        text(.versaStudio, .keyValue(marker: "<Segment1>", key: "Definition="), "a VersaStudio .par with an impedance segment",
             extensions: ["par"]) {
            $0.prefixText.contains("<Segment1>") && $0.prefixText.contains("Z Real")
        },
        text(.impedanceText, .namedColumns, "a delimited table whose header names a frequency and Z′, Z″ (or |Z|, phase)") {
            ImpedanceTextLayout(header: .namedColumns).locate(ImpedanceTextLayout.lines($0.prefixText)) != nil
        },
        text(.impedanceColumns, .none(names: ["frequency (Hz)", "Z' (Ohm)", "Z'' (Ohm)"]),
             "rows of three or more numbers: frequency (Hz), Z′ (Ω), Z″ (Ω)") { probe in
            let lines = ImpedanceTextLayout.lines(probe.prefixText).prefix(5).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return lines.count >= 2 && lines.dropLast().allSatisfy { line in
                let cells = ImpedanceTextLayout.cells(line)
                return cells.count >= 3 && cells.prefix(3).allSatisfy { ImpedanceTextLayout.number($0) != nil }
            }
        },
    ])

    /// A row for a text format read by one `ImpedanceTextLayout`.
    private static func text(_ format: FileFormat, _ header: ImpedanceTextLayout.Header, _ expected: String, extensions: [String] = [],
                             sniff: @escaping @Sendable (FileProbe) -> Bool) -> FormatReader<ImpedanceFile, ImpedanceReadOptions> {
        FormatReader(format, extensions: extensions, encoding: .text, expectedContent: expected, sniff: sniff) { url, format, options in
            let text = Latin1.string(try InstrumentFile.bytes(of: url))
            let table = try ImpedanceTextLayout(header: header).table(text, path: url.path, format: format)
            return try table.file(format: format, path: url.path, options: options, metadata: TextMetadata.read(text, format: format))
        }
    }

    /// EC-Lab files: the cycler decoder reads the file once; the sweeps come from its typed columns.
    private static func fromRecording(_ url: URL, _ format: FileFormat, _ options: ImpedanceReadOptions) throws -> ImpedanceFile {
        var read = ReadOptions(format: format)
        read.auxiliaryColumns = true
        return try RecordingImpedance.file(from: try RecordingLoader.load(url, options: read), format: format, options: options)
    }
}
