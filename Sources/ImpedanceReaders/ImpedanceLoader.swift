import Foundation
import CyclerData
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Opens any supported impedance file: sniffs the content, picks the row of `registry`, returns its
/// validated sweeps.
public enum ImpedanceLoader {
    /// Reads `url`, choosing the reader by content unless `options.format` forces one.
    /// - Throws: `.unsupportedFormat` listing the formats when no row claims the file; the reader's errors.
    public static func load(_ url: URL, options: ImpedanceReadOptions = ImpedanceReadOptions()) throws -> ImpedanceFile {
        try registry.load(url, format: options.format, options: options)
    }

    /// The format named `id` on the command line, or an error listing the ids.
    public static func format(id: String) throws -> FileFormat {
        guard let row = registry.reader(id: id) else {
            throw InterphaseError(.invalidParameter, "unknown impedance format '\(id)'", parameter: "--input-format",
                                  expected: registry.formats.map(\.id).joined(separator: ", "))
        }
        return row.format
    }
}
