import Foundation
import InterphaseData

/// One row of a reader registry: everything Interphase knows about one file format in one place — its
/// name, its extensions, whether its files are text, how to recognise one and how to read it.
///
/// Generic over what the reader returns (`Recording` for cycler files, later `ImpedanceSpectrum`,
/// `Spectrum`) and over the options it takes, so every engine's readers share one registry type.
public struct FormatReader<Output, Options>: Sendable {
    /// Whether the format's files are text or binary. A text table whose extension belongs to a binary
    /// format (`notes.mpr`) is refused rather than read as CSV: that is a mistake worth stopping on.
    public enum Encoding: Sendable { case text, binary }

    public let format: FileFormat
    /// Lower-case extensions without the dot that promise this format (may be empty).
    public let extensions: [String]
    public let encoding: Encoding
    /// What a file of this format looks like, in words, for error messages ("a BioLogic .mpr (binary,
    /// starts with 'BIO-LOGIC MODULAR FILE')").
    public let expectedContent: String
    /// True when the probe's content is this format; cheap. Nil for formats that are only ever forced
    /// (`--input-format`), because their content cannot be told from a sibling's without reading it.
    public let sniff: (@Sendable (FileProbe) -> Bool)?
    /// Reads the whole file; the format is passed so that one decoder can serve several rows.
    public let read: @Sendable (URL, FileFormat, Options) throws -> Output

    public init(_ format: FileFormat, extensions: [String] = [], encoding: Encoding, expectedContent: String,
                sniff: (@Sendable (FileProbe) -> Bool)?, read: @escaping @Sendable (URL, FileFormat, Options) throws -> Output) {
        self.format = format
        self.extensions = extensions
        self.encoding = encoding
        self.expectedContent = expectedContent
        self.sniff = sniff
        self.read = read
    }
}
