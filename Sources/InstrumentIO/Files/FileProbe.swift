import Foundation

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
    public var prefixText: String { Latin1.string(prefix) }

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
