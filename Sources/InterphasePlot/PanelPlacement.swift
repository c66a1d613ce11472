/// The grid cells one panel occupies: top-left cell (0-based row and column) and how many rows and
/// columns it spans.
public struct PanelPlacement: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1) {
        precondition(row >= 0 && column >= 0 && rowSpan >= 1 && columnSpan >= 1, "PanelPlacement: empty or negative cell")
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
    }

    var lastRow: Int { row + rowSpan - 1 }
    var lastColumn: Int { column + columnSpan - 1 }
}
