import Foundation
import InterphaseCore

/// How every reader gets a file's bytes: the head for sniffing, the whole content (inflated when the
/// file is gzip, so `run.mpr.gz` reads like `run.mpr`), or the mapping as it is on disk. Errors name the
/// file; a reader never opens files by other means.
public enum InstrumentFile {
    /// Bytes the probe holds (and sniffers see) at most.
    public static let probeLength = 65536

    /// Builds the probe: first 64 KiB (decompressed for gzip), extension, zip entry names.
    /// - Throws: `fileNotFound` (missing, a directory, unreadable), `emptyInput`, `malformed` (a zip that
    ///   does not open).
    public static func makeProbe(_ url: URL) throws -> FileProbe {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InterphaseError(.fileNotFound, "no such file", file: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InterphaseError(.fileNotFound, "cannot open file (permissions?)", file: path)
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: probeLength))
        guard !head.isEmpty else {
            throw InterphaseError(.emptyInput, "the file is empty (0 bytes)", file: path)
        }
        var ext = url.pathExtension.lowercased()
        var prefix = head
        if Gzip.isGzip(head) {
            ext = url.deletingPathExtension().pathExtension.lowercased()
            let start = try Gzip.decompress(try mapped(url), file: path, limit: probeLength)
            guard !start.isEmpty else {
                throw InterphaseError(.emptyInput, "the file is empty once decompressed (gzip of 0 bytes)", file: path)
            }
            prefix = Array(start.prefix(probeLength))
        }
        var entries: [String] = []
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            entries = try ZipArchive(url).entryNames
        }
        return FileProbe(path: path, pathExtension: ext, prefix: prefix, zipEntries: entries)
    }

    /// The first `bytes` bytes of the file's (decompressed, for gzip) content, without reading the rest
    /// of a plain file.
    public static func head(of url: URL, bytes: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw InterphaseError(.fileNotFound, "cannot open file", file: url.path)
        }
        defer { try? handle.close() }
        let start = handle.readData(ofLength: bytes)
        if Gzip.isGzip([UInt8](start.prefix(2))) {
            return try Gzip.decompress(try mapped(url), file: url.path, limit: bytes).prefix(bytes)
        }
        return start
    }

    /// The file's bytes as an array (decompressed when gzip): one block copy from the mapping (building
    /// the array from `Data` element by element cost more than decoding a small `.mpr`).
    public static func bytes(of url: URL) throws -> [UInt8] {
        let data = try mapped(url)
        if Gzip.isGzip([UInt8](data.prefix(2))) { return try Gzip.inflated(data, file: url.path) }
        return data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
    }

    /// The file's bytes as they are on disk (mapped where the system allows).
    public static func mapped(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw InterphaseError(.fileNotFound, "cannot read file: \(error.localizedDescription)", file: url.path)
        }
    }

    /// The file's bytes, decompressed when it is gzip.
    public static func contents(of url: URL) throws -> Data {
        let data = try mapped(url)
        if Gzip.isGzip([UInt8](data.prefix(2))) { return try Gzip.decompress(data, file: url.path) }
        return data
    }
}
