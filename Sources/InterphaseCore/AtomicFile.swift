import Foundation

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary file in the
/// same directory, which is renamed over the destination only after it is complete and flushed.
/// `rename(2)` within one file system is atomic, so a run killed mid-write leaves either the old file or
/// none — never a truncated file that looks complete.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating intermediate directories.
    public static func write(_ data: Data, to url: URL) throws {
        try commit(try stage(data, for: url), to: url)
    }

    /// The first half of `write`: `data` in a complete temporary file beside `url`, not yet visible
    /// under `url`. For a file that must appear last (a summary marking a complete directory) while its
    /// bytes are written alongside the others.
    public static func stage(_ data: Data, for url: URL) throws -> URL {
        let directory = url.deletingLastPathComponent()
        try OutputDirectory.create(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw InterphaseError(.output, "cannot write temporary file", file: temporary.path)
        }
        return temporary
    }

    /// The second half of `write`: renames the staged file into place (atomic within one file system).
    public static func commit(_ temporary: URL, to url: URL) throws {
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InterphaseError(.output, "cannot move temporary file into place: \(reason)", file: url.path)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Streams text into a temporary file through `body` and renames it into place when `body` returns;
    /// if `body` throws, the temporary file is removed and the destination is untouched. Use it for large
    /// CSV output that should not be built in memory.
    public static func withStream(to url: URL, _ body: (inout BufferedTextWriter) throws -> Void) throws {
        let directory = url.deletingLastPathComponent()
        try OutputDirectory.create(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard let handle = fopen(temporary.path, "wb") else {
            throw InterphaseError(.output, "cannot create file", file: temporary.path)
        }
        var writer = BufferedTextWriter(handle: handle)
        do {
            try body(&writer)
            try writer.flush()
            fclose(handle)
        } catch {
            fclose(handle)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw InterphaseError(.output, "cannot move temporary file into place", file: url.path)
        }
    }
}

/// A small buffered writer over a C `FILE*`, used by `AtomicFile.withStream`.
public struct BufferedTextWriter {
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []

    init(handle: UnsafeMutablePointer<FILE>) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    public mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes bytes already encoded (UTF-8).
    public mutating func write(_ bytes: [UInt8]) throws {
        try flush()
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != bytes.count { throw InterphaseError(.output, "short write (disk full?)") }
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != buffer.count { throw InterphaseError(.output, "short write (disk full?)") }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Creating the `--out` directory, with a clear error when a file is in the way.
public enum OutputDirectory {
    public static func create(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw InterphaseError(.output, "exists and is not a directory", file: url.path)
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw InterphaseError(.output, "cannot create directory: \(error.localizedDescription)", file: url.path)
        }
    }
}
