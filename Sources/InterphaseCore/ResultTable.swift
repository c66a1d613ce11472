import Foundation
/// A table of computed values, kept as values: the same table renders as CSV or text with each column's
/// decimals (`textTable`) and as JSON rows at full precision (`jsonRows`), so JSON never parses the
/// formatted strings back into numbers.
public struct ResultTable: Sendable, Equatable {
    /// One cell: an integer (indices, counts), a number (nil, NaN or ±∞ = no value), or text.
    public enum Cell: Sendable, Equatable {
        case integer(Int)
        case number(Double?)
        case text(String)

        /// The cell in JSON: the number at full precision (null for no value).
        public var json: JSONValue {
            switch self {
            case let .integer(value): return .integer(value)
            case let .number(value): return .number(value)
            case let .text(value): return .string(value)
            }
        }
    }

    /// A column: its name (with the unit, `plating_overpotential_mV`) and the decimals numbers are
    /// written with in text and CSV.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var decimals: Int
        /// At least this many significant digits in text and CSV, adding decimals to small values (a
        /// capacity of 0.0020 mAh at four decimals would carry two digits and lose up to 2.5 %).
        public var significantDigits: Int?

        public init(_ name: String, decimals: Int = 0, significantDigits: Int? = nil) {
            self.name = name
            self.decimals = decimals
            self.significantDigits = significantDigits
        }

        /// Decimals for `value`: the column's, or more where `significantDigits` asks (at most 15).
        @inlinable
        public func decimals(for value: Double?) -> Int {
            guard let digits = significantDigits, let value, value.isFinite, value != 0 else { return decimals }
            let needed = digits - 1 - Int((abs(value)).log10Floor)
            return min(max(decimals, needed), 15)
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[Cell]] = []

    public init(columns: [Column]) { self.columns = columns }

    /// Appends a row. - Precondition: one cell per column.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "ResultTable: \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The column names.
    public var header: [String] { columns.map(\.name) }

    /// Text cells: integers as they are, numbers with the column's decimals (`formatNumber`: empty for
    /// no value), text unchanged.
    public func textTable() -> TextTable {
        TextTable(header: header, rows: rows.map { row in
            zip(columns, row).map { column, cell in
                switch cell {
                case let .integer(value): return String(value)
                case let .number(value): return formatNumber(value, decimals: column.decimals(for: value))
                case let .text(value): return value
                }
            }
        })
    }

    /// RFC 4180 CSV of `textTable()`, written straight into bytes (no string per cell): the same text as
    /// `textTable().renderedCSV()`.
    public func renderedCSV() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * columns.count * 10)
        for (k, name) in header.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: TextTable.csvField(name).utf8)
        }
        out.append(UInt8(ascii: "\n"))
        for row in rows {
            for (k, cell) in row.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                switch cell {
                case let .integer(value): out.append(contentsOf: String(value).utf8)
                case let .number(value): appendFormatted(value, decimals: columns[k].decimals(for: value), to: &out)
                case let .text(value): out.append(contentsOf: TextTable.csvField(value).utf8)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// One JSON object per row, keys in column order; numbers at full precision, no value as null.
    public func jsonRows() -> [JSONValue] {
        rows.map { row in .object(zip(columns, row).map { column, cell in (column.name, cell.json) }) }
    }
}

extension Double {
    /// ⌊log₁₀|x|⌋ for finite non-zero x (the exponent of its leading digit).
    @inlinable
    public var log10Floor: Double {
        var e = Foundation.log10(Swift.abs(self)).rounded(.down)
        // log10 can land just below an exact power of ten: correct by one step.
        if Foundation.pow(10, e + 1) <= Swift.abs(self) { e += 1 }
        return e
    }
}
