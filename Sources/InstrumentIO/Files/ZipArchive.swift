import Foundation
import InterphaseCore
import ZIPFoundation

/// A zip archive opened for reading (Neware `.ndax`, Excel `.xlsx`, later vendor project files), through
/// ZIPFoundation; members are inflated by zlib and their CRC-32 checked. Errors name the archive file.
public struct ZipArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    /// The archive's file path, for messages.
    public let path: String
    /// Member paths in archive order.
    public let entryNames: [String]
    /// The archive file's size. - Units: bytes.
    private let fileSize: Int

    /// Opens `url`. - Throws: `malformed` when it is not a readable zip; `expected` says what it should be.
    public init(_ url: URL, expected: String? = nil) throws {
        path = url.path
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InterphaseError(.malformed, "zip archive cannot be opened: \(ZipArchive.describe(error))", file: url.path, expected: expected)
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            entries[entry.path] = entry
        }
        self.entries = entries
        entryNames = names
        fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    /// Whether the archive has a member at `name`.
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// Members larger than this once inflated are refused: no instrument writes one (a 10-million-row
    /// Neware `data.ndc` is about 0.6 GiB), and a damaged size field must not make us inflate without end.
    public static let maximumMemberSize: Int64 = 2 << 30

    /// The inflated content of member `name`, or nil when there is none. Inflation stops as soon as the
    /// content outgrows the size the archive declares for the member (or `maximumMemberSize`), so a
    /// damaged or hostile entry ends with an error rather than gigabytes of memory.
    /// - Throws: `malformed` when the member cannot be inflated, its checksum is wrong, or it inflates
    ///   past its declared size.
    public func data(_ name: String, limit: Int64 = ZipArchive.maximumMemberSize) throws -> Data? {
        guard let entry = entries[name] else { return nil }
        // Size fields are checked before ZIPFoundation sees them: it converts them to Int64 unchecked,
        // and a damaged field beyond that range traps. Compressed data cannot be larger than the file.
        guard entry.compressedSize <= UInt64(fileSize), entry.uncompressedSize <= UInt64(Int64.max) else {
            throw InterphaseError(.malformed, "\(name) declares \(entry.compressedSize) compressed bytes in a \(fileSize)-byte archive (damaged entry)",
                                  file: path, expected: "sizes that fit in the archive")
        }
        let declared = Int64(entry.uncompressedSize)
        guard declared <= limit else {
            throw InterphaseError(.malformed, "\(name) declares \(declared) bytes once inflated, more than such a member holds",
                                  file: path, expected: "at most \(limit) bytes")
        }
        var data = Data()
        // Deflate expands at most 1032-fold (RFC 1951: a 258-byte match per 2 bits), so a declared size
        // beyond that is damage and must not be reserved up front; the content check below still applies.
        data.reserveCapacity(Int(min(declared, Int64(min(entry.compressedSize, UInt64(Int32.max))) * 1032 + 64)))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard Int64(data.count + chunk.count) <= declared else { throw ZipArchive.Overflow() }
                data.append(chunk)
            }
        } catch is ZipArchive.Overflow {
            throw InterphaseError(.malformed, "\(name) inflates to more than the \(declared) bytes the archive declares for it",
                                  file: path, expected: "a member whose content matches its size field")
        } catch {
            throw InterphaseError(.malformed, "cannot extract \(name) from the archive: \(ZipArchive.describe(error))", file: path)
        }
        return data
    }

    private struct Overflow: Error {}

    /// ZIPFoundation's error cases in words (`missingEndOfCentralDirectoryRecord` → what is wrong).
    static func describe(_ error: any Error) -> String {
        let raw = "\(error)"
        let known: [(String, String)] = [
            ("missingEndOfCentralDirectoryRecord", "the archive's end record is missing (file cut short or not a zip)"),
            ("invalidCentralDirectory", "the archive's table of contents is damaged"),
            ("invalidCRC32", "the member's checksum does not match its content (damaged data)"),
            ("checksum", "the member's checksum does not match its content (damaged data)"),
            ("invalidEntryPath", "a member's name is damaged"),
            ("unreadableArchive", "the file cannot be read as a zip archive"),
            ("invalidLocalHeader", "a member's header is damaged"),
        ]
        return known.first { raw.contains($0.0) }?.1 ?? raw
    }
}
