import Foundation
import InterphaseCore

/// The fast path of `DelimitedText.readColumns` for numeric columns.
///
/// The whole file is in memory (`FileBytes`: mapped, or inflated from gzip) and is cut into chunks of
/// whole lines. Both cores first count each chunk's line breaks, which fixes where each chunk's rows go
/// and the exact size of every column; then both cores parse the chunks, each writing its rows straight
/// into the shared columns. Fields are parsed where they start — the number parser stops at the
/// delimiter — so each byte is read about once, and no line is searched for its end beforehand.
/// Semantics match the general path: blank lines are skipped, a row with fewer fields than requested
/// is an error unless it is the file's last row (dropped with a warning), quoted fields may contain the
/// delimiter, non-numbers become NaN after a duration parse is tried.
///
/// Integer columns (step and cycle indices) are stored as `Int32` directly: no `Double` copy of them is
/// made. An empty cell there takes the value of the row before (as `RecordingAssembly.integers` does),
/// and a value that is not an integer is reported with its line.
struct ParallelColumnParser {
    let delimiter: UInt8
    let decimalComma: Bool
    /// Output column of each field index, or −1 for fields not read.
    let slots: [Int]
    let columnCount: Int
    /// Per output column: stored as `Int32` (true) or `Double`.
    let integerColumns: [Bool]

    /// Marks an empty integer cell until the row before is known.
    static let emptyInteger = Int32.min

    /// What one chunk reports.
    struct Chunk {
        var rows = 0
        /// Absolute 1-based line of the first short row, and whether the chunk's last row is short.
        var firstShortLine: Int?
        var shortRows = 0
        var lastRowShort = false
        var firstRowLine: Int?
        var lastRowLine = 0
        /// Integer columns (bit per output column) that had a value, and that had an empty cell.
        var integersSeen: UInt64 = 0
        var integersEmpty: UInt64 = 0
        /// The first cell of an integer column that is not an integer: line, column, value.
        var badInteger: (line: Int, column: Int, value: Double)?
    }

    /// Parses the lines in `[start, end)` into `outputs` from row `rowOffset`. `limit` is the end of
    /// readable memory: the number parser's 8-byte loads stay 32 bytes before it.
    /// - Parameter firstLine: 1-based line number of the line at `start`.
    func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int,
               into outputs: UnsafeMutablePointer<UnsafeMutableRawPointer>, rowOffset: Int, firstLine: Int) -> Chunk {
        slots.withUnsafeBufferPointer { slotBuffer in
            integerColumns.withUnsafeBufferPointer { integerBuffer in
                parse(base, start, end, limit: limit, into: outputs, slots: slotBuffer.baseAddress!, slotCount: slotBuffer.count,
                      integer: integerBuffer.baseAddress!, rowOffset: rowOffset, firstLine: firstLine)
            }
        }
    }

    /// Stores `value` in an integer column: exactly integral and within ±2·10⁹, or empty (NaN).
    @inline(__always)
    static func storeInteger(_ value: Double, _ column: Int, _ row: Int, _ line: Int, into out: UnsafeMutablePointer<Int32>,
                             _ chunk: inout Chunk) {
        if value.magnitude < 2e9, Double(Int32(value)) == value {
            out[row] = Int32(value)
            chunk.integersSeen |= 1 << UInt64(column)
        } else {
            out[row] = ParallelColumnParser.emptyInteger
            if value.isNaN {
                chunk.integersEmpty |= 1 << UInt64(column)
            } else if chunk.badInteger == nil {
                chunk.badInteger = (line, column, value)
            }
        }
    }

    private func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int,
                       into outputs: UnsafeMutablePointer<UnsafeMutableRawPointer>,
                       slots: UnsafePointer<Int>, slotCount: Int, integer: UnsafePointer<Bool>, rowOffset: Int, firstLine: Int) -> Chunk {
        var chunk = Chunk()
        var p = start
        var row = rowOffset
        let maxField = slotCount - 1
        var line = firstLine - 1
        let delimiter = self.delimiter, decimalComma = self.decimalComma, columnCount = self.columnCount
        let point: UInt8 = decimalComma ? 0x2C : 0x2E
        // The fast number parser reads ahead; past this offset every field takes the general path.
        let fastLimit = min(limit - 64, end)
        while p < end {
            line += 1
            let c0 = base[p]
            if c0 == 0x0A { p += 1; continue }
            if c0 == 0x0D || c0 == 0x20 || c0 == 0x09 {
                // Blank line? (only blanks before the line break)
                let lineEnd = ParallelColumnParser.lineEnd(base, p, end)
                var q = p
                while q < lineEnd && (base[q] == 0x20 || base[q] == 0x09 || base[q] == 0x0D) { q += 1 }
                if q == lineEnd { p = lineEnd + 1; continue }
            }
            if chunk.firstRowLine == nil { chunk.firstRowLine = line }
            chunk.lastRowLine = line
            var field = 0
            var filled = 0
            var i = p
            while true {
                let slot = slots[field]
                var next: UInt8 = 0x0A
                if slot >= 0 {
                    var value = 0.0
                    var stop = i < fastLimit ? NumberParsing.parseNumber(base, i, limit: limit, point: point, into: &value) : -1
                    if stop >= 0 {
                        // The number must fill the field: next comes the delimiter or the line break.
                        next = base[stop]
                        if !(next == delimiter || next == 0x0A || (next == 0x0D && base[stop &+ 1] == 0x0A)) { stop = -1 }
                    }
                    if stop < 0 {
                        stop = ParallelColumnParser.generalField(base, i, end, delimiter: delimiter, decimalComma: decimalComma, into: &value)
                        next = stop < end ? base[stop] : 0x0A
                    }
                    if integer[slot] {
                        ParallelColumnParser.storeInteger(value, slot, row, line, into: outputs[slot].assumingMemoryBound(to: Int32.self), &chunk)
                    } else {
                        outputs[slot].assumingMemoryBound(to: Double.self)[row] = value
                    }
                    filled &+= 1
                    i = stop
                } else {
                    i = ParallelColumnParser.skipField(base, i, end, delimiter)
                    if i < end { next = base[i] }
                }
                // `i` is at a delimiter, a line break (CR LF or LF) or the end.
                guard next == delimiter else { break }
                i &+= 1
                field &+= 1
                if field > maxField { break }
            }
            ParallelColumnParser.finishRow(field: field, filled: filled, columnCount: columnCount, slots: slots, slotCount: slotCount,
                                           integer: integer, outputs: outputs, row: row, line: line, &chunk)
            row += 1
            // To the next line (directly when the last field read ended it).
            p = (i < end && base[i] == 0x0A ? i : ParallelColumnParser.lineEnd(base, i, end)) + 1
        }
        chunk.rows = row - rowOffset
        return chunk
    }

    /// Closes a row: when it had fewer fields than requested (a short row), the missing ones are empty
    /// and the row is remembered (only a file's last row may be short).
    @inline(__always)
    static func finishRow(field: Int, filled: Int, columnCount: Int, slots: UnsafePointer<Int>, slotCount: Int,
                          integer: UnsafePointer<Bool>, outputs: UnsafeMutablePointer<UnsafeMutableRawPointer>, row: Int, line: Int,
                          _ chunk: inout Chunk) {
        guard filled < columnCount else {
            chunk.lastRowShort = false
            return
        }
        var k = field + 1
        while k < slotCount {
            let slot = slots[k]
            if slot >= 0 {
                if integer[slot] {
                    storeInteger(.nan, slot, row, line, into: outputs[slot].assumingMemoryBound(to: Int32.self), &chunk)
                } else {
                    outputs[slot].assumingMemoryBound(to: Double.self)[row] = .nan
                }
            }
            k += 1
        }
        if chunk.firstShortLine == nil { chunk.firstShortLine = line }
        chunk.shortRows += 1
        chunk.lastRowShort = true
    }

    /// The value of a field whose text lies in `[f, e)` (no delimiter inside): a number, a duration, or NaN.
    static func fieldValue(_ base: UnsafePointer<UInt8>, _ f: Int, _ e: Int, decimalComma: Bool) -> Double {
        if let v = NumberParsing.parseDouble(base, f, e, decimalComma: decimalComma) { return v }
        let text = String(decoding: UnsafeBufferPointer(start: base + f, count: e - f), as: UTF8.self)
        return NumberParsing.parseDuration(text[...]) ?? NumberParsing.parseDateTime(text[...]) ?? .nan
    }

    /// A field the fast path does not take (blanks, quotes, durations, text, long mantissas): its value
    /// (NaN when it is not a number) and where it ends — its delimiter outside quotes, or the line break
    /// (the LF, or the CR of a CR LF).
    static func generalField(_ base: UnsafePointer<UInt8>, _ f: Int, _ end: Int, delimiter: UInt8, decimalComma: Bool,
                             into value: inout Double) -> Int {
        let lineEnd = ParallelColumnParser.lineEnd(base, f, end)
        var e = lineEnd
        if e > f && base[e - 1] == 0x0D { e -= 1 }
        let fieldEnd = ParallelColumnParser.fieldEnd(base, f, e, delimiter)
        value = fieldValue(base, f, fieldEnd, decimalComma: decimalComma)
        return fieldEnd == e ? lineEnd : fieldEnd
    }

    /// End of a field that is not read: its delimiter outside quotes, or the line break.
    /// Eight bytes at a time until the first delimiter, line break or quote (an exact zero-byte test of
    /// the word XOR each of them); from a quote on, byte by byte.
    @inline(__always)
    static func skipField(_ base: UnsafePointer<UInt8>, _ f: Int, _ end: Int, _ delimiter: UInt8) -> Int {
        var k = f
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        while end &- k >= 8 {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            let hits = zeroBytes(x ^ delimiters) | zeroBytes(x ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(x ^ 0x2222_2222_2222_2222)
            if hits != 0 {
                k &+= hits.trailingZeroBitCount &>> 3
                if base[k] != 0x22 { return k }
                break
            }
            k &+= 8
        }
        var inQuotes = false
        while k < end {
            let c = base[k]
            if c == 0x22 { inQuotes.toggle() } else if !inQuotes && (c == delimiter || c == 0x0A) { break }
            k += 1
        }
        return k
    }

    /// The high bit of each zero byte of `y` (exact: no false positives from borrows).
    @inline(__always)
    static func zeroBytes(_ y: UInt64) -> UInt64 {
        ~(((y & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | y | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// End of the field starting at `f`: the next delimiter outside quotes, or `e`.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, _ f: Int, _ e: Int, _ delimiter: UInt8) -> Int {
        var k = f
        var inQuotes = false
        while k < e {
            let c = base[k]
            if c == 0x22 { inQuotes.toggle() } else if c == delimiter && !inQuotes { return k }
            k += 1
        }
        return e
    }

    /// The LF at or after `from`, or `end`.
    @inline(__always)
    static func lineEnd(_ base: UnsafePointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        guard from < end, let hit = memchr(base + from, 0x0A, end - from) else { return end }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Number of lines that start in `[start, end)`: its line breaks, plus one for a last line without.
    /// 32 bytes per vector compare; the per-lane byte counters are summed before they can wrap.
    static func countLines(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard end > start else { return 0 }
        var n = 0
        var p = start
        let newline = SIMD32<UInt8>(repeating: 0x0A)
        while end - p >= 32 * 255 {
            var lanes = SIMD32<UInt8>()
            for k in 0..<255 {
                let v = UnsafeRawPointer(base + p + 32 * k).loadUnaligned(as: SIMD32<UInt8>.self)
                // A true lane of the mask is all ones (−1): subtracting it counts one.
                lanes &-= unsafeBitCast(v .== newline, to: SIMD32<UInt8>.self)
            }
            for k in 0..<32 { n += Int(lanes[k]) }
            p += 32 * 255
        }
        while p < end { if base[p] == 0x0A { n += 1 }; p += 1 }
        return base[end - 1] == 0x0A ? n : n + 1
    }
}

extension ParallelColumnParser {
    /// Parses every line of `bytes` from `dataStart` into new columns, on both cores.
    /// - Parameters:
    ///   - firstLine: 1-based line number of the line at `dataStart`.
    ///   - progress: fraction of the chunks parsed.
    func parseAll(_ bytes: FileBytes, from dataStart: Int, firstLine: Int, path: String, headerCount: Int,
                  progress: (@Sendable (Double) -> Void)?) throws -> Parsed {
        let base = bytes.base, size = bytes.count
        // Chunks of whole lines: about 64 of them (64 KiB to 4 MiB each), enough for the two cores to
        // share the work evenly whatever the file size.
        let target = min(max((size - dataStart) / 64, 64 << 10), 4 << 20)
        var bounds = [dataStart]
        while let last = bounds.last, size - last > target + target / 2 {
            let cut = ParallelColumnParser.lineEnd(base, last + target, size) + 1
            guard cut < size else { break }
            bounds.append(cut)
        }
        bounds.append(size)
        let chunkCount = bounds.count - 1
        let chunkBounds = bounds
        // Pass 1: lines per chunk, hence each chunk's first row and line, and the columns' exact size.
        let source = UnsafeFileBytes(bytes)
        let lines = Parallel.map(chunkCount) { k in
            defer { source.bytes.doneWith(chunkBounds[k]..<chunkBounds[k + 1]) }
            return ParallelColumnParser.countLines(source.base, chunkBounds[k], chunkBounds[k + 1])
        }
        var offsets = [0]
        for k in 0..<chunkCount { offsets.append(offsets[k] + lines[k]) }
        let total = offsets[chunkCount]
        let rowOffsets = offsets
        // The kernel zeroes each new column's pages when they are populated: do it on both cores.
        let integerColumns = self.integerColumns
        let buffers = Parallel.map(columnCount, parallel: total > 100_000) {
            ParsedColumn(integer: integerColumns[$0], capacity: total)
        }
        // Pass 2: parse. Chunk k writes only rows offsets[k] ..< offsets[k + 1] of every column.
        let outputs = ColumnOutputs(buffers.map(\.storage))
        defer { outputs.release() }
        let done = ProgressCounter(total: chunkCount, progress: progress)
        let chunks = Parallel.map(chunkCount) { k in
            defer {
                source.bytes.doneWith(chunkBounds[k]..<chunkBounds[k + 1])
                done.step()
            }
            return parse(source.base, chunkBounds[k], chunkBounds[k + 1], limit: size, into: outputs.pointers,
                         rowOffset: rowOffsets[k], firstLine: firstLine + rowOffsets[k])
        }
        // In file order: the short-row rule, and closing the gaps that blank lines leave.
        var rows = 0
        var pendingShortLine: Int?
        var firstDataLine = 0
        var seen: UInt64 = 0, empty: UInt64 = 0
        var badInteger: (line: Int, column: Int, value: Double)?
        for (k, chunk) in chunks.enumerated() {
            seen |= chunk.integersSeen
            empty |= chunk.integersEmpty
            if badInteger == nil { badInteger = chunk.badInteger }
            if chunk.rows > 0, let pending = pendingShortLine { throw shortRowError(pending, path: path, headerCount: headerCount) }
            if chunk.shortRows > 1 || (chunk.shortRows == 1 && !chunk.lastRowShort), let line = chunk.firstShortLine {
                throw shortRowError(line, path: path, headerCount: headerCount)
            }
            if chunk.lastRowShort { pendingShortLine = chunk.lastRowLine }
            if firstDataLine == 0, let first = chunk.firstRowLine { firstDataLine = first }
            if offsets[k] != rows { for buffer in buffers { buffer.move(from: offsets[k], to: rows, length: chunk.rows) } }
            rows += chunk.rows
        }
        for buffer in buffers { buffer.count = rows }
        // Empty integer cells take the value of the row before (0 at the start).
        for (k, buffer) in buffers.enumerated() where empty & (1 << UInt64(k)) != 0 {
            guard case let .integers(column) = buffer else { continue }
            var last: Int32 = 0
            for i in 0..<rows {
                if column.pointer[i] == ParallelColumnParser.emptyInteger { column.pointer[i] = last } else { last = column.pointer[i] }
            }
        }
        return Parsed(columns: buffers, firstDataLine: firstDataLine, shortLastLine: pendingShortLine,
                      integersSeen: seen, badInteger: badInteger)
    }

    /// What `parseAll` returns.
    struct Parsed {
        /// One per requested column, `count` = rows.
        var columns: [ParsedColumn]
        /// 1-based line of the first row.
        var firstDataLine: Int
        /// Line of a short last row (a file cut off mid-line), which the caller drops.
        var shortLastLine: Int?
        /// Integer columns (bit per column) with at least one value; the others were empty throughout.
        var integersSeen: UInt64
        /// The first cell of an integer column that is not an integer.
        var badInteger: (line: Int, column: Int, value: Double)?
    }

    func shortRowError(_ line: Int, path: String, headerCount: Int) -> InterphaseError {
        InterphaseError(.malformed, "the row has fewer fields than the \(headerCount) header columns (line cut short or damaged)",
                        file: path, line: line, expected: "a value (or an empty field) for every header column")
    }
}

/// The file's bytes for the parsing closures: `FileBytes` is read-only after it is made (its mapping or
/// inflated buffer stays put for its life), so sharing its base pointer across threads is sound.
private struct UnsafeFileBytes: @unchecked Sendable {
    let bytes: FileBytes
    let base: UnsafePointer<UInt8>
    init(_ bytes: FileBytes) {
        self.bytes = bytes
        base = bytes.base
    }
}

/// The columns' storage pointers, one per output column, for the chunk parsers: each chunk writes a
/// disjoint range of rows (its line count fixed by pass 1), so concurrent writes never overlap.
private struct ColumnOutputs: @unchecked Sendable {
    let pointers: UnsafeMutablePointer<UnsafeMutableRawPointer>

    init(_ storage: [UnsafeMutableRawPointer]) {
        pointers = .allocate(capacity: max(storage.count, 1))
        pointers.initialize(from: storage, count: storage.count)
    }

    func release() { pointers.deallocate() }
}
