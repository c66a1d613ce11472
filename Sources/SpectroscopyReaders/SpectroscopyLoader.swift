import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Opens any supported spectroscopy file: sniffs the content, picks the row of `registry`, returns its
/// validated spectra.
public enum SpectroscopyLoader {
    /// Every spectroscopy format, one row each, in the order they are asked: formats with a signature
    /// first, the permissive two-column table last. Adding a format is adding a row here (and its
    /// `FileFormat`). None comes from xylib: see the README ("Formats read").
    public static let registry = ReaderRegistry<SpectroscopyFile, SpectroscopyReadOptions>(kind: "spectroscopy file", readers: [
        FormatReader(.vamas, extensions: ["vms", "npl"], encoding: .text,
                     expectedContent: "a VAMAS ISO 14976 file (first line 'VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4')",
                     sniff: { VAMASReader.sniff($0) }, read: { try VAMASReader.read($0, format: $1, options: $2) }),
        FormatReader(.specsXY, extensions: ["xy"], encoding: .text,
                     expectedContent: "a SPECS Prodigy .xy export ('# Created by: SpecsLab Prodigy')",
                     sniff: { SPECSXYReader.sniff($0) }, read: { try SPECSXYReader.read($0, format: $1, options: $2) }),
        FormatReader(.casaXPSText, extensions: ["txt"], encoding: .text,
                     expectedContent: "a CasaXPS text export ('Characteristic Energy eV', a K.E./B.E. header)",
                     sniff: { CasaXPSTextReader.sniff($0) }, read: { try CasaXPSTextReader.read($0, format: $1, options: $2) }),
        FormatReader(.scientaText, extensions: ["txt"], encoding: .text,
                     expectedContent: "a Scienta SES text export ('[Info]', '[Region 1]', 'Region Name=')",
                     sniff: { ScientaTextReader.sniff($0) }, read: { try ScientaTextReader.read($0, format: $1, options: $2) }),
        FormatReader(.spectrumColumns, extensions: ["csv", "txt", "dat"], encoding: .text,
                     expectedContent: "two numeric columns under a header naming the energy ('BE/eV', 'E_kin', 'Binding Energy')",
                     sniff: { SpectrumColumnsReader.sniff($0) }, read: { try SpectrumColumnsReader.read($0, format: $1, options: $2) }),
    ])

    /// Reads `url`, choosing the reader by content unless `options.format` forces one.
    /// - Throws: `.unsupportedFormat` listing the formats when no row claims the file; the reader's errors.
    public static func load(_ url: URL, options: SpectroscopyReadOptions = SpectroscopyReadOptions()) throws -> SpectroscopyFile {
        try registry.load(url, format: options.format, options: options)
    }
}
