/// A table of computed values, kept as values: the same table renders as CSV or text with each column's
/// decimals (`textTable`) and as JSON rows at full precision (`jsonRows`), so JSON never parses the
/// formatted strings back into numbers.
public struct ResultTable: Sendable {
    /// One cell: an integer (indices, counts), a number (nil, NaN or ±∞ = no value), or text.
    public enum Cell: Sendable, Equatable {
        case integer(Int)
        case number(Double?)
        case text(String)
    }

    /// A column: its name (with the unit, `plating_overpotential_mV`) and the decimals numbers are
    /// written with in text and CSV.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var decimals: Int

        public init(_ name: String, decimals: Int = 0) {
            self.name = name
            self.decimals = decimals
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
                case let .number(value): return formatNumber(value, decimals: column.decimals)
                case let .text(value): return value
                }
            }
        })
    }

    /// One JSON object per row, keys in column order; numbers at full precision, no value as null.
    public func jsonRows() -> [JSONValue] {
        rows.map { row in
            .object(zip(columns, row).map { column, cell in
                switch cell {
                case let .integer(value): return (column.name, .integer(value))
                case let .number(value): return (column.name, .number(value))
                case let .text(value): return (column.name, .string(value))
                }
            })
        }
    }
}
