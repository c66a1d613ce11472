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

    /// Opens `url`. - Throws: `malformed` when it is not a readable zip; `expected` says what it should be.
    public init(_ url: URL, expected: String? = nil) throws {
        path = url.path
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InterphaseError(.malformed, "zip archive cannot be opened: \(error)", file: url.path, expected: expected)
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            entries[entry.path] = entry
        }
        self.entries = entries
        entryNames = names
    }

    /// Whether the archive has a member at `name`.
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated content of member `name`, or nil when there is none.
    /// - Throws: `malformed` when the member cannot be inflated or its checksum is wrong.
    public func data(_ name: String) throws -> Data? {
        guard let entry = entries[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw InterphaseError(.malformed, "cannot extract \(name) from the archive: \(error)", file: path)
        }
        return data
    }
}
