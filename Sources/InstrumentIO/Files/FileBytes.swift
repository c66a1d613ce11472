import Foundation
import InterphaseCore

/// A whole file's bytes in memory for the parallel text parser: a read-only mapping of a regular file
/// (the page cache itself, no copy), or the inflated content of a gzip file.
final class FileBytes {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// A file mapping (not inflated content).
    private let isMapped: Bool
    private let release: () -> Void

    init(_ url: URL) throws {
        let path = url.path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InterphaseError(.fileNotFound, "cannot open file", file: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InterphaseError(.fileNotFound, "cannot read file", file: path) }
        let size = Int(info.st_size)
        var magic: (UInt8, UInt8) = (0, 0)
        let isGzip = size >= 2 && withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress, 2, 0) } == 2
            && Gzip.isGzip([magic.0, magic.1])
        if size == 0 || isGzip {
            // Inflated (or empty) content: the array is kept here and never mutated, so its element
            // storage — and `base` — stay put for this object's life (as `ColumnBuffer` relies on too).
            var content = size == 0 ? [] : try InstrumentFile.bytes(of: url)
            let length = content.count
            if content.isEmpty { content = [0] } // a non-nil base address; `count` stays 0
            base = content.withUnsafeBufferPointer { $0.baseAddress! }
            count = length
            isMapped = false
            release = { withExtendedLifetime(content) {} }
            return
        }
        // Not populated up front: the pages fault in (64 KiB at a time, fault-around) on both cores
        // during the line count, which was cheaper than one thread mapping them all.
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw InterphaseError(.fileNotFound, "cannot map file into memory", file: path)
        }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        base = UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self))
        count = size
        isMapped = true
        release = { _ = munmap(mapped, size) }
    }

    /// Drops the pages inside `range` from this process's mapping once they are read (`MADV_DONTNEED`:
    /// they stay in the page cache and fault back in if read again), so the file does not add its whole
    /// size to the peak memory on top of the parsed columns. No-op for inflated content.
    func doneWith(_ range: Range<Int>) {
        guard isMapped else { return }
        let page = 4096
        let first = (range.lowerBound + page - 1) / page * page
        let last = range.upperBound == count ? range.upperBound : range.upperBound / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    deinit { release() }
}
