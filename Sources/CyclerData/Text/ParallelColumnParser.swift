import Dispatch
import Foundation
import InterphaseCore

/// The fast path of `DelimitedText.readColumns` for numeric columns: each block of the file is split at
/// a line break near its middle and the two halves are parsed on both cores, each writing its rows
/// straight into the shared column buffers at offsets fixed beforehand by counting line breaks
/// (`memchr`). Fields are parsed where they start — the number parser stops at the delimiter — so each
/// byte is read about once. Semantics match the general path: blank lines are skipped, a row with
/// fewer fields than requested is an error unless it is the file's last row (dropped with a warning),
/// quoted fields may contain the delimiter, non-numbers become NaN after a duration parse is tried.
struct ParallelColumnParser {
    let delimiter: UInt8
    let decimalComma: Bool
    /// Output column of each field index, or −1 for fields not read.
    let slots: [Int]
    let columnCount: Int

    /// What one half reports.
    struct Chunk {
        var rows = 0
        var lines = 0
        /// Absolute 1-based line of the first short row, and whether the chunk's last row is short.
        var firstShortLine: Int?
        var shortRows = 0
        var lastRowShort = false
        var firstRowLine: Int?
        var lastRowLine = 0
    }

    /// Parses complete lines in `[start, end)` into `buffers` from row `rowOffset`.
    /// - Parameter firstLine: 1-based line number of the line at `start`.
    func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into outputs: UnsafeMutablePointer<UnsafeMutablePointer<Double>>,
               rowOffset: Int, firstLine: Int) -> Chunk {
        slots.withUnsafeBufferPointer { slotBuffer in
            parse(base, start, end, into: outputs, slots: slotBuffer.baseAddress!, slotCount: slotBuffer.count,
                  rowOffset: rowOffset, firstLine: firstLine)
        }
    }

    private func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into outputs: UnsafeMutablePointer<UnsafeMutablePointer<Double>>,
                       slots: UnsafePointer<Int>, slotCount: Int, rowOffset: Int, firstLine: Int) -> Chunk {
        var chunk = Chunk()
        var p = start
        var row = rowOffset
        let maxField = slotCount - 1
        var line = firstLine
        let delimiter = self.delimiter, decimalComma = self.decimalComma, columnCount = self.columnCount
        while p < end {
            let newline = memchr(base + p, 0x0A, end - p).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
            var e = newline
            if e > p && base[e - 1] == 0x0D { e -= 1 }
            let lineStart = p
            p = newline + 1
            line += 1
            chunk.lines += 1
            // Blank line?
            var q = lineStart
            while q < e && (base[q] == 0x20 || base[q] == 0x09) { q += 1 }
            if q == e { continue }
            if chunk.firstRowLine == nil { chunk.firstRowLine = line - 1 }
            chunk.lastRowLine = line - 1
            var field = 0
            var f = lineStart
            var filled = 0
            while field <= maxField {
                let slot = slots[field]
                var fieldEnd: Int
                if slot >= 0 {
                    var value = 0.0
                    fieldEnd = NumberParsing.parsePrefix(base, f, e, decimalComma: decimalComma, delimiter: delimiter, into: &value)
                    if fieldEnd < 0 {
                        fieldEnd = ParallelColumnParser.fieldEnd(base, f, e, delimiter)
                        if let v = NumberParsing.parseDouble(base, f, fieldEnd, decimalComma: decimalComma) {
                            value = v
                        } else {
                            let text = String(decoding: UnsafeBufferPointer(start: base + f, count: fieldEnd - f), as: UTF8.self)
                            value = NumberParsing.parseDuration(text[...]) ?? .nan
                        }
                    }
                    outputs[slot][row] = value
                    filled += 1
                } else {
                    fieldEnd = ParallelColumnParser.fieldEnd(base, f, e, delimiter)
                }
                if fieldEnd >= e { break }
                f = fieldEnd + 1
                field += 1
            }
            if filled < columnCount {
                // Short row: the fields after the last one read are missing.
                var k = field + 1
                while k < slotCount { if slots[k] >= 0 { outputs[slots[k]][row] = .nan }; k += 1 }
                if chunk.firstShortLine == nil { chunk.firstShortLine = line - 1 }
                chunk.shortRows += 1
                chunk.lastRowShort = true
            } else {
                chunk.lastRowShort = false
            }
            row += 1
        }
        chunk.rows = row - rowOffset
        return chunk
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

    /// Number of line breaks in `[start, end)`.
    static func countLines(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0
        var p = start
        while p < end, let hit = memchr(base + p, 0x0A, end - p) {
            n += 1
            p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        return p < end ? n + 1 : n
    }
}

/// State carried across blocks while reading a whole file with `ParallelColumnParser`.
struct ParallelColumnReader {
    let parser: ParallelColumnParser
    let buffers: [ColumnBuffer]
    let path: String
    let headerCount: Int
    /// 1-based line number of the next unread line.
    var nextLine = 1
    var pendingShortLine: Int?
    var firstDataLine = 0

    /// Parses the complete lines `[start, end)`; two threads when the range is large.
    mutating func consume(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) throws {
        guard end > start else { return }
        var ranges = [(start, end)]
        if end - start > 1 << 20, let hit = memchr(base + start + (end - start) / 2, 0x0A, end - start - (end - start) / 2) {
            let split = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
            if split < end { ranges = [(start, split), (split, end)] }
        }
        let counts = ranges.map { ParallelColumnParser.countLines(base, $0.0, $0.1) }
        let total = counts.reduce(0, +)
        for buffer in buffers { buffer.reserve(extra: total) }
        let origin = buffers.first?.count ?? 0
        var pointers = buffers.map(\.pointer)
        var offsets = [origin]
        var firstLines = [nextLine]
        for k in 1..<ranges.count { offsets.append(offsets[k - 1] + counts[k - 1]); firstLines.append(firstLines[k - 1] + counts[k - 1]) }
        var chunks = [ParallelColumnParser.Chunk](repeating: .init(), count: ranges.count)
        let parser = self.parser
        pointers.withUnsafeMutableBufferPointer { outputs in
            let outputBase = outputs.baseAddress!
            chunks.withUnsafeMutableBufferPointer { results in
                let resultBase = results.baseAddress!
                DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                    resultBase[k] = parser.parse(base, ranges[k].0, ranges[k].1, into: outputBase, rowOffset: offsets[k], firstLine: firstLines[k])
                }
            }
        }
        // Close the gap a half leaves when it had blank lines, and apply the short-row rule in file order.
        var rows = origin
        for (k, chunk) in chunks.enumerated() {
            if chunk.rows > 0, let pending = pendingShortLine { throw shortRowError(pending) }
            if chunk.shortRows > 1 || (chunk.shortRows == 1 && !chunk.lastRowShort), let line = chunk.firstShortLine {
                throw shortRowError(line)
            }
            if chunk.lastRowShort { pendingShortLine = chunk.lastRowLine }
            if firstDataLine == 0, let first = chunk.firstRowLine { firstDataLine = first }
            if offsets[k] != rows { for buffer in buffers { buffer.move(from: offsets[k], to: rows, length: chunk.rows) } }
            rows += chunk.rows
        }
        for buffer in buffers { buffer.count = rows }
        nextLine = firstLines[ranges.count - 1] + counts[ranges.count - 1]
    }

    func shortRowError(_ line: Int) -> InterphaseError {
        InterphaseError(.malformed, "the row has fewer fields than the \(headerCount) header columns (line cut short or damaged)",
                        file: path, line: line, expected: "a value (or an empty field) for every header column")
    }
}
