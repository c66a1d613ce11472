import InstrumentIO
import InterphaseData

extension RecordingLoader {
    /// Every cycler format, one row each, in the order they are asked. Formats with a signature (magic
    /// bytes, zip entries, an instrument's header line) come before delimited text, which accepts any
    /// table with recognisable columns. Adding a format is adding a row here (and its `FileFormat`).
    public static let registry = ReaderRegistry<Recording, ReadOptions>(kind: "cycler file", readers: [
        FormatReader(.biologicMPR, extensions: ["mpr"], encoding: .binary,
                     expectedContent: "a BioLogic .mpr (binary, starts with 'BIO-LOGIC MODULAR FILE')",
                     sniff: { BioLogicMPRReader.sniff($0) }, read: { try BioLogicMPRReader.read($0, format: $1, options: $2) }),
        FormatReader(.newareNDA, extensions: ["nda"], encoding: .binary,
                     expectedContent: "a Neware .nda (binary, starts with 'NEWARE')",
                     sniff: { NewareNDAReader.sniff($0) }, read: { try NewareNDAReader.read($0, format: $1, options: $2) }),
        FormatReader(.newareNDAX, extensions: ["ndax"], encoding: .binary,
                     expectedContent: "a Neware .ndax (zip archive)",
                     sniff: { NewareNDAXReader.sniff($0) }, read: { try NewareNDAXReader.read($0, format: $1, options: $2) }),
        FormatReader(.landCCS, extensions: ["ccs"], encoding: .binary,
                     expectedContent: "a LAND .ccs (binary)",
                     sniff: { LandCCSReader.sniff($0) }, read: { try LandCCSReader.read($0, format: $1, options: $2) }),
        FormatReader(.arbinRES, extensions: ["res"], encoding: .binary,
                     expectedContent: "an Arbin .res (MS Access database)",
                     sniff: { ArbinRESReader.sniff($0) }, read: { try ArbinRESReader.read($0, format: $1, options: $2) }),
        // One decoder for every workbook: it refines `xlsx` to the Arbin or LAND export once the sheets
        // are read; those two rows exist for forcing only.
        FormatReader(.spreadsheet, extensions: ["xlsx"], encoding: .binary,
                     expectedContent: "an Excel .xlsx workbook (zip archive)",
                     sniff: { XLSXRecordingReader.sniff($0) }, read: { try XLSXRecordingReader.read($0, format: $1, options: $2) }),
        FormatReader(.arbinXLSX, encoding: .binary, expectedContent: "an Arbin Excel export (.xlsx)",
                     sniff: nil, read: { try XLSXRecordingReader.read($0, format: $1, options: $2) }),
        FormatReader(.landXLSX, encoding: .binary, expectedContent: "a LAND Excel export (.xlsx)",
                     sniff: nil, read: { try XLSXRecordingReader.read($0, format: $1, options: $2) }),
        FormatReader(.biologicMPT, extensions: ["mpt"], encoding: .text,
                     expectedContent: "an EC-Lab text export (starts with 'EC-Lab ASCII FILE')",
                     sniff: { BioLogicMPTReader.sniff($0) }, read: { try BioLogicMPTReader.read($0, format: $1, options: $2) }),
        FormatReader(.gamryDTA, extensions: ["dta"], encoding: .text,
                     expectedContent: "a Gamry EXPLAIN .DTA of a DC technique (CV, LSV, polarisation: CURVE tables, not ZCURVE)",
                     sniff: { GamryDTAReader.sniff($0) }, read: { try GamryDTAReader.read($0, format: $1, options: $2) }),
        FormatReader(.maccorText, encoding: .text, expectedContent: "a Maccor text export",
                     sniff: { MaccorTextReader.sniff($0) }, read: { try MaccorTextReader.read($0, format: $1, options: $2) }),
        FormatReader(.basytec, encoding: .text, expectedContent: "a Basytec result file (`~` preamble, tab-separated)",
                     sniff: { BasytecReader.sniff($0) }, read: { try BasytecReader.read($0, format: $1, options: $2) }),
        FormatReader(.novonix, encoding: .text, expectedContent: "a Novonix export ([Summary] … [Data])",
                     sniff: { NovonixReader.sniff($0) }, read: { try NovonixReader.read($0, format: $1, options: $2) }),
        FormatReader(.arbinCSV, encoding: .text, expectedContent: "an Arbin CSV export (Data_Point, Test_Time columns)",
                     sniff: { DelimitedTextReader.sniffedFormat($0) == .arbinCSV }, read: { try DelimitedTextReader.read($0, format: $1, options: $2) }),
        FormatReader(.delimitedText, extensions: ["csv", "tsv", "txt"], encoding: .text,
                     expectedContent: "a delimited table with time and voltage columns",
                     sniff: { DelimitedTextReader.sniffedFormat($0) == .delimitedText }, read: { try DelimitedTextReader.read($0, format: $1, options: $2) }),
    ])
}
