import Foundation
import InterphaseCore

/// A reader for one instrument format (or a family sharing a container, like XLSX exports).
///
/// Readers are chosen by content: `RecordingLoader` gives each reader a `FileProbe` (the first bytes,
/// the extension, the entry names of a zip) and the first one that claims the file reads it.
public protocol CyclerFileReader {
    /// The format(s) this reader produces, for `--format`-style forcing and for listings.
    static var formats: [CyclerFormat] { get }
    /// Returns the format if the probe's content is this reader's, nil otherwise. Must be cheap.
    static func sniff(_ probe: FileProbe) -> CyclerFormat?
    /// Reads the whole file into a validated `Recording`.
    static func read(_ url: URL, format: CyclerFormat, options: ReadOptions) throws -> Recording
}

/// Options shared by every reader.
public struct ReadOptions: Sendable {
    /// Force a format instead of sniffing.
    public var format: CyclerFormat?
    /// Explicit column mapping for delimited text (`--columns time=Time(s),voltage=Ewe/V,current=I/mA`).
    public var columnMapping: ColumnMapping?
    /// Current to assume when a text file has time and voltage but no current column (an EC-Lab export
    /// of `time/s` and `Ewe/V` of a galvanostatic run). The whole file is then one constant-current step:
    /// such exports carry no step boundaries, and time gaps are not a reliable substitute (EC-Lab samples
    /// on voltage change, so gaps of 10 s occur inside a step). - Units: A.
    public var assumedCurrent: Double?
    /// Called with the fraction of the file read so far (0…1), for progress bars.
    public var progress: (@Sendable (Double) -> Void)?
    /// Keep the columns that have no role (Arbin `Data_Point`, `dV/dt`, EC-Lab `control/V`) as auxiliary
    /// columns. An analysis that uses only the roles turns this off, so text readers skip those fields
    /// instead of parsing them.
    public var auxiliaryColumns = true

    public init(format: CyclerFormat? = nil, columnMapping: ColumnMapping? = nil, assumedCurrent: Double? = nil,
                progress: (@Sendable (Double) -> Void)? = nil) {
        self.format = format
        self.columnMapping = columnMapping
        self.assumedCurrent = assumedCurrent
        self.progress = progress
    }
}

/// What a reader may look at to decide whether a file is its format.
public struct FileProbe: Sendable {
    /// The path as given.
    public var path: String
    /// Lower-cased extension without the dot ("mpr", "041", "xlsx").
    public var pathExtension: String
    /// The first bytes of the (decompressed, for .gz) content; up to 64 KiB.
    public var prefix: [UInt8]
    /// Entry names when the file is a zip archive, else empty.
    public var zipEntries: [String]

    public init(path: String, pathExtension: String, prefix: [UInt8], zipEntries: [String] = []) {
        self.path = path
        self.pathExtension = pathExtension
        self.prefix = prefix
        self.zipEntries = zipEntries
    }

    /// True when the prefix starts with these bytes.
    public func starts(with magic: [UInt8], at offset: Int = 0) -> Bool {
        guard prefix.count >= offset + magic.count else { return false }
        return Array(prefix[offset..<offset + magic.count]) == magic
    }

    public func starts(with text: String, at offset: Int = 0) -> Bool { starts(with: Array(text.utf8), at: offset) }

    /// The prefix decoded as Latin-1 text (every byte maps to a character, so this never fails).
    public var prefixText: String { String(decoding: prefix.map { UInt16($0) }, as: UTF16.self) }

    /// True when the prefix looks like text: no NUL bytes and mostly printable.
    public var looksLikeText: Bool {
        guard !prefix.isEmpty else { return false }
        var printable = 0
        for byte in prefix {
            if byte == 0 { return false }
            if byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { printable += 1 }
        }
        return Double(printable) / Double(prefix.count) > 0.97
    }
}
