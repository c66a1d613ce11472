import Foundation
import InterphaseCore
import InterphaseData

/// The formats one kind of data can be read from, as a table of `FormatReader` rows asked in order.
///
/// Detection is by content (magic bytes, header lines, zip entry names), not by extension: rows with a
/// signature come before the permissive text rows. The extension only catches one common mistake: text
/// content under an extension that promises a binary format is an error naming what was expected.
public struct ReaderRegistry<Output, Options>: Sendable {
    /// What the files are, for messages ("cycler file", "impedance spectrum").
    public let kind: String
    public let readers: [FormatReader<Output, Options>]

    public init(kind: String, readers: [FormatReader<Output, Options>]) {
        precondition(Set(readers.map(\.format.id)).count == readers.count, "ReaderRegistry: two rows for one format")
        self.kind = kind
        self.readers = readers
    }

    /// Every format, in table order.
    public var formats: [FileFormat] { readers.map(\.format) }

    /// The row of the format named `id` (`biologic-mpr`), or nil.
    public func reader(id: String) -> FormatReader<Output, Options>? { readers.first { $0.format.id == id } }

    /// The row of `format`, or nil.
    public func reader(for format: FileFormat) -> FormatReader<Output, Options>? { reader(id: format.id) }

    /// The first row whose sniffer claims the probe.
    /// - Throws: the `unrecognised` error when a text row claims content whose extension belongs to a
    ///   binary row.
    public func detect(_ probe: FileProbe) throws -> FormatReader<Output, Options>? {
        for row in readers {
            guard let sniff = row.sniff, sniff(probe) else { continue }
            if row.encoding == .text, binaryRow(forExtension: probe.pathExtension) != nil {
                throw unrecognised(probe)
            }
            return row
        }
        return nil
    }

    /// Reads `url` with the row of `format` when one is forced, else with the row whose sniffer claims the
    /// content: the one loading step every engine's loader shares.
    /// - Throws: `unknownFormat` for a forced id no row has, `unrecognised` when no row claims the file,
    ///   and the reader's errors.
    public func load(_ url: URL, format: FileFormat?, options: Options) throws -> Output {
        if let format {
            guard let row = reader(for: format) else { throw unknownFormat(format.id, file: url.path) }
            return try row.read(url, row.format, options)
        }
        let probe = try InstrumentFile.makeProbe(url)
        guard let row = try detect(probe) else { throw unrecognised(probe) }
        return try row.read(url, row.format, options)
    }

    /// The binary row whose extensions include `ext`.
    public func binaryRow(forExtension ext: String) -> FormatReader<Output, Options>? {
        readers.first { $0.encoding == .binary && $0.extensions.contains(ext) }
    }

    /// The error for a file no row claims: what its extension promised, or the list of formats.
    public func unrecognised(_ probe: FileProbe, hint: String? = nil) -> InterphaseError {
        if let promised = binaryRow(forExtension: probe.pathExtension) {
            let looks = probe.looksLikeText ? "the content is text" : "the content has no known signature"
            return InterphaseError(.unsupportedFormat, "the extension says .\(probe.pathExtension) but \(looks)",
                                   file: probe.path, expected: promised.expectedContent)
        }
        return InterphaseError(.unsupportedFormat, "not a recognised \(kind)", file: probe.path,
                               expected: "one of: " + formats.map(\.id).joined(separator: ", ") + (hint.map { "; \($0)" } ?? ""))
    }

    /// The error for a forced format id no row has.
    public func unknownFormat(_ id: String, file: String? = nil) -> InterphaseError {
        InterphaseError(.unsupportedFormat, "no reader for format '\(id)'", file: file,
                        expected: "one of: " + formats.map(\.id).joined(separator: ", "))
    }
}
