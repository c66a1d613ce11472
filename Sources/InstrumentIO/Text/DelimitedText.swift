import Dispatch
import Foundation
import InterphaseCore

/// The parsed layout of a delimited text file: where the header is, how fields are separated, whether
/// numbers use a decimal comma.
public struct DelimitedLayout: Sendable {
    public var delimiter: UInt8
    public var decimalComma: Bool
    /// 0-based line index of the header line.
    public var headerLine: Int
    public var headers: [ColumnHeader]
    /// Lines before the header, for instrument readers that parse key:value preambles.
    public var preamble: [String]
    /// Every line is wrapped in one pair of double quotes (`"Time,Voltage,Current"`: some Novonix
    /// exports, after a spreadsheet round trip); the quotes are removed before splitting.
    public var wrappedLines = false
    /// A line starting with this byte opens a section of the format's own (Novonix's `[Summary]`, written
    /// again when a test restarts inside the same file): it and every following line up to the next one
    /// that starts with a digit are skipped, and the row where data resume is noted in
    /// `Columns.sectionStarts`.
    public var sectionMarker: UInt8?

    public init(delimiter: UInt8, decimalComma: Bool, headerLine: Int, headers: [ColumnHeader], preamble: [String]) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.headerLine = headerLine
        self.headers = headers
        self.preamble = preamble
    }
}

/// Streaming reader of delimited numeric tables (CSV, TSV, semicolon), the engine behind the generic,
/// EC-Lab text, Maccor and Arbin CSV readers.
///
/// The file is read in 8 MiB blocks with `read(2)` (gzip files are inflated first), lines are split in
/// place, and only the requested columns are converted — straight into preallocated `[Double]` arrays —
/// so peak memory is the output columns plus one block, whatever the file size.
public struct DelimitedText: Sendable {
    public let url: URL
    public let path: String

    public init(_ url: URL) {
        self.url = url
        self.path = url.path
    }

    /// A column to extract: numbers (NaN where the field is empty or not a number), or the raw text of a
    /// state column (kept as an index into `labels`, to stay cheap for millions of rows).
    public struct Request: Sendable {
        public var index: Int
        public var text: Bool
        /// Step and cycle indices: the numeric fast path returns them in `Columns.integers` (no `Double`
        /// copy); the other paths return them as numbers.
        public var integer = false

        public init(index: Int, text: Bool, integer: Bool = false) {
            self.index = index
            self.text = text
            self.integer = integer
        }
    }

    public struct Columns {
        public var numbers: [Int: [Double]] = [:]
        /// Integer requests read by the fast path (absent when the column is empty throughout).
        public var integers: [Int: [Int32]] = [:]
        /// The first cell of an integer request that is not an integer: line, field index, value.
        public var badInteger: (line: Int, index: Int, value: Double)?
        public var labelCodes: [Int: [UInt16]] = [:]
        public var labels: [Int: [String]] = [:]
        public var rows = 0
        /// 1-based line number of each row's first occurrence is not kept; `firstDataLine` lets errors name lines.
        public var firstDataLine = 0
        public var lastRowShort = false
        // A row with fewer fields than requested is only acceptable as the file's last row (a copy cut off
        // mid-line, dropped below with a warning). Anywhere else it means lost data: an error naming the line.
        public var shortLine: (line: Int, fields: Int)?
        /// Line number (1-based) of every row, kept only when requested.
        public var lineNumbers: [Int32] = []
        /// 1-based line of a final row that ended early (a file cut off mid-line) and was dropped.
        public var droppedTruncatedLine: Int?
        /// Rows at which data resume after a section of the format's own (`DelimitedLayout.sectionMarker`).
        public var sectionStarts: [Int] = []

        public init() {}
    }

    // MARK: - Layout

    /// Finds the header: the first of the first 300 lines (or line `headerHint`, 0-based, when the format
    /// says where it is) whose fields `accepts`, and decides delimiter and decimal separator from it.
    /// - Parameters:
    ///   - accepts: whether a line's fields are the header (an engine's column aliases decide).
    ///   - notFound: the error when no line is accepted, naming what the header should hold.
    public func detectLayout(headerHint: Int? = nil, accepts: ([ColumnHeader]) -> Bool,
                             notFound: @autoclosure () -> InterphaseError) throws -> DelimitedLayout {
        let head = try InstrumentFile.head(of: url, bytes: 256 * 1024)
        // UTF-8 when the bytes are valid UTF-8 (a header `Temperature(°C)` or `Current(µA)` written by
        // today's tools; read as Latin-1 its "°" became "Â°", an unknown unit), else Latin-1 (EC-Lab, Maccor),
        // where every byte is a character. A block cut inside a multi-byte character loses its last line anyway.
        let text = DelimitedText.decodeUTF8(head) ?? Latin1.string(head)
        var lines = DelimitedText.lines(text)
        if head.count == 256 * 1024 { lines.removeLast() }
        // A UTF-8 byte-order mark would otherwise stick to the first header.
        if let first = lines.first, first.hasPrefix("\u{EF}\u{BB}\u{BF}") { lines[0] = String(first.dropFirst(3)) }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        let candidates = headerHint.map { [$0] } ?? Array(0..<min(lines.count, 300))
        for index in candidates where index < lines.count {
            var line = lines[index]
            let wrapped = DelimitedText.isWrapped(line)
            if wrapped { line = String(line.dropFirst().dropLast()) }
            guard let delimiter = DelimitedText.delimiter(of: line) else { continue }
            let fields = DelimitedText.split(line, delimiter: delimiter).map(ColumnHeader.init)
            guard accepts(fields) else { continue }
            // Decimal comma: the delimiter is not a comma and the first data line has digit,digit; or the
            // delimiter is a comma and the numbers are quoted with a comma inside ("0,5","3,25").
            var decimalComma = false
            if delimiter == UInt8(ascii: ","),
               let next = lines[(index + 1)...].prefix(5).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                decimalComma = DelimitedText.split(next, delimiter: delimiter)
                    .contains { $0.range(of: #"^[-+]?\d+,\d+([eE][-+]?\d+)?$"#, options: .regularExpression) != nil }
            } else if delimiter != UInt8(ascii: ",") {
                for next in lines[(index + 1)...].prefix(5) where !next.trimmingCharacters(in: .whitespaces).isEmpty {
                    decimalComma = next.range(of: #"\d,\d"#, options: .regularExpression) != nil && !next.contains(".")
                        || (next.range(of: #"\d,\d"#, options: .regularExpression) != nil
                            && next.range(of: #"\d\.\d"#, options: .regularExpression) == nil)
                    break
                }
            }
            var layout = DelimitedLayout(delimiter: delimiter, decimalComma: decimalComma, headerLine: index,
                                         headers: fields, preamble: Array(lines[..<index]))
            layout.wrappedLines = wrapped
            return layout
        }
        throw notFound()
    }

    /// A line wrapped whole in one pair of double quotes, with a delimiter and no other quote inside
    /// (a CSV line whose fields are each quoted has quotes inside, and is not this).
    public static func isWrapped(_ line: String) -> Bool {
        guard line.count > 2, line.first == "\"", line.last == "\"" else { return false }
        let inner = line.dropFirst().dropLast()
        return !inner.contains("\"") && inner.contains(where: { $0 == "," || $0 == "\t" || $0 == ";" })
    }

    /// The bytes as UTF-8, or nil when they are not valid UTF-8 (up to 3 bytes of a character cut at the
    /// end of the block are ignored).
    public static func decodeUTF8<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let array = Array(bytes)
        for cut in 0...min(3, array.count) {
            if let text = String(validating: array.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }

    /// Splits on LF and drops a trailing CR (Swift treats CRLF as one character, so `split("\n")` would not).
    /// Works on the UTF-8 bytes: LF and CR are single bytes that never occur inside a multi-byte character.
    public static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                let content = line.last == 0x0D ? line.dropLast() : line
                return String(decoding: UnsafeBufferPointer(rebasing: content), as: UTF8.self)
            }
        }
    }

    public static func delimiter(of line: String) -> UInt8? {
        // Delimiters inside double quotes are text ("Voltage, cell (V)";"Time (s)").
        var inQuotes = false
        let unquoted = line.filter { c in
            if c == "\"" { inQuotes.toggle(); return false }
            return !inQuotes
        }
        let counts: [(UInt8, Int)] = [(0x09, unquoted.filter { $0 == "\t" }.count),
                                      (0x3B, unquoted.filter { $0 == ";" }.count),
                                      (0x2C, unquoted.filter { $0 == "," }.count)]
        guard let best = counts.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
        return best.0
    }

    public static func split(_ line: String, delimiter: UInt8) -> [String] {
        // Quote-aware (RFC 4180): a delimiter inside "…" belongs to the field.
        let separator = Character(UnicodeScalar(delimiter))
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        for c in line {
            if c == "\"" { inQuotes.toggle() }
            if c == separator && !inQuotes { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        while let last = fields.last, last.trimmingCharacters(in: .whitespaces).isEmpty, fields.count > 1 { fields.removeLast() }
        return fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\r")) }
    }

    // MARK: - Rows

    /// Reads every data line after the header, extracting the requested columns.
    /// - Parameter progress: fraction of bytes read.
    public func readColumns(layout: DelimitedLayout, requests: [Request], keepLineNumbers: Bool = false,
                     progress: (@Sendable (Double) -> Void)?) throws -> Columns {
        if !keepLineNumbers && !requests.contains(where: \.text) && !layout.wrappedLines && layout.sectionMarker == nil {
            return try readNumericColumns(layout: layout, requests: requests, progress: progress)
        }
        var columns = Columns()
        let numeric = requests.filter { !$0.text }.map(\.index)
        let textual = requests.filter { $0.text }.map(\.index)
        let maxIndex = requests.map(\.index).max() ?? 0
        // slot[i] = position in the numeric output list, -1 = text, -2 = skip.
        var slot = [Int](repeating: -2, count: maxIndex + 1)
        for (k, i) in numeric.enumerated() { slot[i] = k }
        for i in textual { slot[i] = -1 }
        var outputs = [[Double]](repeating: [], count: numeric.count)
        var codes = [[UInt16]](repeating: [], count: textual.count)
        var labelTables = [[String: UInt16]](repeating: [:], count: textual.count)
        var labelLists = [[String]](repeating: [], count: textual.count)
        let textSlot: [Int: Int] = Dictionary(uniqueKeysWithValues: textual.enumerated().map { ($1, $0) })
        var lineNumbers: [Int32] = []

        var lineNumber = 0
        let delimiter = layout.delimiter
        let decimalComma = layout.decimalComma
        let headerLine = layout.headerLine
        var firstDataLine = 0
        var lastRowShort = false
        // A row with fewer fields than requested is only acceptable as the file's last row (a copy cut off
        // mid-line, dropped below with a warning). Anywhere else it means lost data: an error naming the line.
        var shortLine: (line: Int, fields: Int)?
        var inSection = false
        var sectionStarts: [Int] = []

        try LineSource.forEachLine(url: url, path: path, progress: progress, reserve: { estimatedLines in
            let rows = max(estimatedLines - headerLine, 16)
            for k in outputs.indices { outputs[k].reserveCapacity(rows) }
            for k in codes.indices { codes[k].reserveCapacity(rows) }
        }) { base, start, lineEnd in
            defer { lineNumber += 1 }
            if lineNumber <= headerLine { return }
            // The CR of a CR LF line end is not part of the last field (a duration there was not parsed).
            var end = lineEnd > start && base[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            var start = start
            if layout.wrappedLines && end - start >= 2 && base[start] == 0x22 && base[end - 1] == 0x22 { start += 1; end -= 1 }
            // Skip blank lines (Maccor puts one after the header).
            var blank = true
            var q = start
            while q < end { let c = base[q]; if c != 0x20 && c != 0x09 && c != 0x0D { blank = false; break }; q += 1 }
            if blank { return }
            if let marker = layout.sectionMarker {
                var first = start
                if first < end && base[first] == 0x22 { first += 1 }
                if base[first] == marker { inSection = true; return }
                if inSection {
                    guard (0x30...0x39).contains(base[first]) else { return }
                    inSection = false
                    sectionStarts.append(columns.rows)
                }
            }
            if let short = shortLine {
                throw InterphaseError(.malformed, "the row has \(short.fields) of \(layout.headers.count) fields (line cut short or damaged)",
                                      file: path, line: short.line, expected: "a value (or an empty field) for every header column")
            }
            if firstDataLine == 0 { firstDataLine = lineNumber + 1 }
            var field = 0
            var fieldStart = start
            var p = start
            var filled = 0
            var inQuotes = false // a delimiter inside "…" is part of the field (RFC 4180)
            while true {
                let atEnd = p == end
                if !atEnd && base[p] == 0x22 { inQuotes.toggle() }
                if atEnd || (base[p] == delimiter && !inQuotes) {
                    if field <= maxIndex {
                        let s = slot[field]
                        if s >= 0 {
                            var value = NumberParsing.parseDouble(base, fieldStart, p, decimalComma: decimalComma)
                            if value == nil {
                                let text = String(decoding: UnsafeBufferPointer(start: base + fieldStart, count: p - fieldStart), as: UTF8.self)
                                value = NumberParsing.parseDuration(text[...]) ?? NumberParsing.parseDateTime(text[...])
                            }
                            outputs[s].append(value ?? .nan)
                            filled += 1
                        } else if s == -1, let t = textSlot[field] {
                            let text = String(decoding: UnsafeBufferPointer(start: base + fieldStart, count: p - fieldStart), as: UTF8.self)
                                .trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\""))
                            if let code = labelTables[t][text] {
                                codes[t].append(code)
                            } else {
                                let code = UInt16(truncatingIfNeeded: labelLists[t].count)
                                labelTables[t][text] = code
                                labelLists[t].append(text)
                                codes[t].append(code)
                            }
                            filled += 1
                        }
                    }
                    if atEnd { break }
                    field += 1
                    fieldStart = p + 1
                    if field > maxIndex { break }
                }
                p += 1
            }
            // Short line: pad the missing fields so every column keeps one value per row.
            lastRowShort = filled < requests.count
            if filled < requests.count {
                shortLine = (lineNumber + 1, field + 1)
                for (k, i) in numeric.enumerated() where outputs[k].count == columns.rows { _ = i; outputs[k].append(.nan) }
                for t in codes.indices where codes[t].count == columns.rows {
                    let empty = labelTables[t][""] ?? {
                        let code = UInt16(truncatingIfNeeded: labelLists[t].count)
                        labelTables[t][""] = code
                        labelLists[t].append("")
                        return code
                    }()
                    codes[t].append(empty)
                }
            }
            if keepLineNumbers { lineNumbers.append(Int32(truncatingIfNeeded: lineNumber + 1)) }
            columns.rows += 1
        }
        // A file cut off inside its last line (a truncated copy): drop that row and say so.
        if lastRowShort && columns.rows > 1 {
            for k in outputs.indices { outputs[k].removeLast() }
            for t in codes.indices { codes[t].removeLast() }
            if keepLineNumbers { lineNumbers.removeLast() }
            columns.rows -= 1
            columns.droppedTruncatedLine = lineNumber
        }
        for (k, i) in numeric.enumerated() { columns.numbers[i] = outputs[k] }
        for (t, i) in textual.enumerated() {
            columns.labelCodes[i] = codes[t]
            columns.labels[i] = labelLists[t]
        }
        columns.firstDataLine = firstDataLine
        columns.lineNumbers = lineNumbers
        columns.sectionStarts = sectionStarts.filter { $0 < columns.rows }
        return columns
    }
}

extension DelimitedText {
    /// The numeric-only fast path: the file in memory (`FileBytes`), parsed in chunks on both cores
    /// (`ParallelColumnParser.parseAll`).
    public func readNumericColumns(layout: DelimitedLayout, requests: [Request], progress: (@Sendable (Double) -> Void)?) throws -> Columns {
        let maxIndex = requests.map(\.index).max() ?? 0
        var slots = [Int](repeating: -1, count: maxIndex + 1)
        for (k, request) in requests.enumerated() { slots[request.index] = k }
        let parser = ParallelColumnParser(delimiter: layout.delimiter, decimalComma: layout.decimalComma, slots: slots,
                                          columnCount: requests.count,
                                          // (the parser's per-column flags are bits of a UInt64: columns past 64 stay numbers)
                                          integerColumns: requests.enumerated().map { $0.offset < 64 && $0.element.integer })
        let bytes = try FileBytes(url)
        // The first data line follows the header.
        var dataStart = 0
        for _ in 0...layout.headerLine where dataStart < bytes.count {
            dataStart = ParallelColumnParser.lineEnd(bytes.base, dataStart, bytes.count) + 1
        }
        dataStart = min(dataStart, bytes.count)
        let parsed = try parser.parseAll(bytes, from: dataStart, firstLine: layout.headerLine + 2, path: path,
                                         headerCount: layout.headers.count, progress: progress)
        var columns = Columns()
        var rows = parsed.columns.first?.count ?? 0
        if let line = parsed.shortLastLine, rows > 1 {
            // A file cut off inside its last line (a truncated copy): drop that row and say so.
            rows -= 1
            for column in parsed.columns { column.count = rows }
            columns.droppedTruncatedLine = line
        }
        for (k, request) in requests.enumerated() {
            switch parsed.columns[k] {
            case let .numbers(buffer): columns.numbers[request.index] = buffer.takeArray()
            case let .integers(buffer):
                if parsed.integersSeen & (1 << UInt64(k)) != 0 { columns.integers[request.index] = buffer.takeArray() }
            }
        }
        if let bad = parsed.badInteger { columns.badInteger = (bad.line, requests[bad.column].index, bad.value) }
        columns.rows = rows
        columns.firstDataLine = parsed.firstDataLine
        return columns
    }
}

/// Feeds lines of a file to a closure as byte ranges of a buffer, reading 8 MiB blocks (or the inflated
/// content of a gzip file), so a line never has to become a `String`.
enum LineSource {
    /// Feeds each line (without its line break) of the blocks `forEachBlock` reads; `reserve` is told the
    /// estimated number of lines once, from the first block.
    static func forEachLine(
        url: URL, path: String, progress: (@Sendable (Double) -> Void)?,
        reserve: (Int) -> Void,
        _ body: (UnsafePointer<UInt8>, Int, Int) throws -> Void
    ) throws {
        let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var first = true
        try forEachBlock(url: url, path: path, progress: progress, estimatedBytes: total) { base, start, end in
            if first {
                first = false
                reserve(estimateLines(UnsafeBufferPointer(start: base + start, count: end - start), totalBytes: max(total, end - start)))
            }
            var lineStart = start
            while lineStart < end {
                let newline = memchr(base + lineStart, 0x0A, end - lineStart)
                    .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                try body(base, lineStart, newline)
                lineStart = newline + 1
            }
        }
    }

    /// Feeds ranges of complete lines: 16 MiB blocks read with `read(2)` (a partial last line is carried
    /// into the next block), or the whole inflated content of a gzip file. The last range of the file
    /// may end without a line break.
    static func forEachBlock(
        url: URL, path: String, progress: (@Sendable (Double) -> Void)?, estimatedBytes: Int,
        _ body: (UnsafePointer<UInt8>, Int, Int) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InterphaseError(.fileNotFound, "cannot open file", file: path)
        }
        defer { try? handle.close() }
        if Gzip.isGzip([UInt8](handle.readData(ofLength: 2))) {
            let bytes = try InstrumentFile.bytes(of: url)
            try bytes.withUnsafeBufferPointer { b in
                if let base = b.baseAddress { try body(base, 0, b.count) }
            }
            progress?(1)
            return
        }
        try handle.seek(toOffset: 0)
        let fd = handle.fileDescriptor
        let block = 16 << 20
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block)
        var capacity = block
        defer { buffer.deallocate() }
        var carry = 0
        var consumed = 0
        while true {
            if carry == capacity {
                // One line longer than the block: grow.
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                grown.update(from: buffer, count: carry)
                buffer.deallocate()
                buffer = grown
                capacity *= 2
            }
            let got = read(fd, buffer + carry, capacity - carry)
            if got < 0 { throw InterphaseError(.fileNotFound, "read error", file: path) }
            let filled = carry + got
            consumed += got
            if got == 0 {
                if filled > 0 { try body(buffer, 0, filled) }
                break
            }
            // Complete lines end at the last line break of the buffer.
            var last = filled - 1
            while last >= 0 && buffer[last] != 0x0A { last -= 1 }
            if last >= 0 {
                try body(buffer, 0, last + 1)
                carry = filled - last - 1
                if carry > 0 { memmove(buffer, buffer + last + 1, carry) }
            } else {
                carry = filled
            }
            if estimatedBytes > 0 { progress?(Double(consumed) / Double(estimatedBytes)) }
        }
    }

    /// Lines in a file of `totalBytes` from a sample's bytes per line, with 5 % to spare.
    static func estimateLines<S: Collection>(_ sample: S, totalBytes: Int) -> Int where S.Element == UInt8 {
        let newlines = sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard newlines > 0, !sample.isEmpty else { return 1024 }
        return Int(Double(max(totalBytes, sample.count)) / Double(sample.count) * Double(newlines) * 1.05) + 64
    }
}
