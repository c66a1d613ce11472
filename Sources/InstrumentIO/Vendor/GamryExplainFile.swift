import Foundation
import InterphaseCore

/// A Gamry Framework data file (`.DTA`) in Gamry's EXPLAIN layout, split into its header fields and its
/// tables, for the readers of every technique (EIS `ZCURVE`, CV `CURVE1…`, polarisation `CURVE`) to
/// take what they need without each parsing the text.
///
/// Layout (Gamry, "Framework data file format", the `EXPLAIN` scripts): the first line is `EXPLAIN`;
/// each further line is `KEY<tab>TYPE<tab>value…<tab>label`. `NOTES` fields announce how many
/// continuation lines follow (each begins with a tab); a `TABLE` field (optionally followed by its row
/// count) is followed by a tab-indented line of column names, one of units, and tab-indented data rows
/// up to the next line that does not start with a tab. An aborted experiment writes
/// `EXPERIMENTABORTED TOGGLE T` after the rows it reached. Text is Windows code page 1252 / Latin-1.
public struct GamryExplainFile: Sendable {
    /// One header field: `VDC POTEN -5.00000E-002 T DC &Voltage (V)` is key `VDC`, type `POTEN`,
    /// values `["-5.00000E-002", "T", "DC &Voltage (V)"]`.
    public struct Field: Sendable, Equatable {
        public let key: String
        public let type: String
        /// The cells after the type, as written (the last is usually the dialog label).
        public let values: [String]
        /// 1-based line of the field.
        public let line: Int

        /// The first cell as a number (`QUANT`, `POTEN`, `IQUANT` fields), or nil.
        public var number: Double? { values.first.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
    }

    /// One column of a table: name and unit from its two header lines, and its cells.
    public struct Column: Sendable {
        public let name: String
        /// As written in the units line (`s`, `V vs. Ref.`, `ohm`, `°`, `#`, `bits`); may be empty.
        public let unit: String
        /// The cells as numbers; NaN where a cell is not a number (flag strings such as `..........a`).
        public let values: [Double]
        /// True when at least one cell parsed as a number.
        public let isNumeric: Bool
    }

    /// One `TABLE` block.
    public struct Table: Sendable {
        /// The field key that opens it (`ZCURVE`, `OCVCURVE`, `CURVE3`).
        public let name: String
        public let columns: [Column]
        /// The row count the file announced after `TABLE`, when it did.
        public let announcedRows: Int?
        /// 1-based line of the first data row (line of the units row + 1).
        public let firstDataLine: Int
        public var rowCount: Int { columns.first?.values.count ?? 0 }

        /// The column named `name` (case-insensitive), or nil.
        public func column(_ name: String) -> Column? {
            columns.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        }
    }

    /// The `TAG` field's value: the technique (`EISPOT`, `EISGALV`, `CV`, `POTENTIODYNAMIC`, …).
    public let tag: String?
    /// Header fields in file order (tables excluded).
    public let fields: [Field]
    /// Tables in file order.
    public let tables: [Table]
    /// The `NOTES` text, lines joined by newlines.
    public let notes: String?
    /// True when the file says `EXPERIMENTABORTED … T`.
    public let aborted: Bool

    /// The header field `key` (case-insensitive), or nil.
    public func field(_ key: String) -> Field? { fields.first { $0.key.caseInsensitiveCompare(key) == .orderedSame } }

    /// Tables whose name is `name` or `name` followed by digits (`CURVE` → `CURVE`, `CURVE1`, `CURVE2`…).
    public func tables(named name: String) -> [Table] {
        tables.filter { table in
            guard table.name.uppercased().hasPrefix(name.uppercased()) else { return false }
            return table.name.dropFirst(name.count).allSatisfy(\.isNumber)
        }
    }

    /// True when the bytes start like an EXPLAIN file (for sniffers).
    public static func looksLikeExplain(_ text: String) -> Bool {
        text.hasPrefix("EXPLAIN\r\n") || text.hasPrefix("EXPLAIN\n")
    }

    /// Reads and splits a `.DTA` file.
    /// - Throws: the errors of `InstrumentFile`; `.unsupportedFormat` when the first line is not `EXPLAIN`;
    ///   `.malformed` naming the line of a table without its name and unit lines or a row with more cells
    ///   than columns.
    public static func read(_ url: URL) throws -> GamryExplainFile {
        try parse(Latin1.string(try InstrumentFile.bytes(of: url)), path: url.path)
    }

    /// Splits EXPLAIN text (see the type's description).
    public static func parse(_ text: String, path: String?) throws -> GamryExplainFile {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        func cells(_ line: Substring) -> [Substring] {
            line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespacesAndNewlines) == "EXPLAIN" else {
            throw InterphaseError(.unsupportedFormat, "the first line is not 'EXPLAIN'", file: path, line: 1,
                                  expected: "a Gamry Framework .DTA file")
        }
        var fields: [Field] = [], tables: [Table] = [], notes: [String] = []
        var tag: String?, aborted = false
        var i = 1
        while i < lines.count {
            let line = lines[i]
            let parts = cells(line)
            guard let key = parts.first, !key.isEmpty, !line.hasPrefix("\t") else { i += 1; continue }
            let type = parts.count > 1 ? String(parts[1]) : ""
            let rest = parts.dropFirst(2).map(String.init)
            switch type.uppercased() {
            case "TABLE":
                guard i + 2 < lines.count, lines[i + 1].hasPrefix("\t"), lines[i + 2].hasPrefix("\t") else {
                    throw InterphaseError(.malformed, "table \(key) has no column and unit lines", file: path, line: i + 1,
                                          expected: "a tab-indented line of column names and one of units after the TABLE line")
                }
                let names = cells(lines[i + 1]).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                var units = cells(lines[i + 2]).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                if units.count < names.count { units += Array(repeating: "", count: names.count - units.count) }
                var values = [[Double]](repeating: [], count: names.count)
                var numeric = [Bool](repeating: false, count: names.count)
                let firstData = i + 3
                var r = firstData
                while r < lines.count, lines[r].hasPrefix("\t") {
                    let row = cells(lines[r]).dropFirst()
                    if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { r += 1; continue }
                    guard row.count <= names.count || row.dropFirst(names.count).allSatisfy({ $0.isEmpty }) else {
                        throw InterphaseError(.malformed, "\(row.count) cells in a row of table \(key), which has \(names.count) columns",
                                              file: path, line: r + 1)
                    }
                    for c in names.indices {
                        let cell = c < row.count ? row[row.startIndex + c].trimmingCharacters(in: .whitespaces) : ""
                        if let v = Double(cell) { values[c].append(v); numeric[c] = true } else { values[c].append(.nan) }
                    }
                    r += 1
                }
                let columns = names.indices.map { Column(name: names[$0], unit: units[$0], values: values[$0], isNumeric: numeric[$0]) }
                tables.append(Table(name: String(key), columns: columns, announcedRows: rest.first.flatMap { Int($0) },
                                    firstDataLine: firstData + 1))
                i = r
            case "NOTES":
                let count = rest.first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
                var j = i + 1
                while j < lines.count, j <= i + count, lines[j].hasPrefix("\t") {
                    notes.append(String(lines[j].dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines))
                    j += 1
                }
                fields.append(Field(key: String(key), type: type, values: rest, line: i + 1))
                i = j
            default:
                let field = Field(key: String(key), type: type, values: rest, line: i + 1)
                if field.key.uppercased() == "TAG" { tag = type }
                if field.key.uppercased() == "EXPERIMENTABORTED", rest.first?.uppercased() == "T" { aborted = true }
                fields.append(field)
                i += 1
            }
        }
        let noteText = notes.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return GamryExplainFile(tag: tag, fields: fields, tables: tables, notes: noteText.isEmpty ? nil : noteText, aborted: aborted)
    }
}
