/// A table of strings with a header, rendered as aligned text or as RFC 4180 CSV.
/// Column headers carry their units, e.g. `plating_overpotential_mV`.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Aligned columns: numbers right-aligned, text left-aligned.
    public func renderedText() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let w = i < widths.count ? widths[i] : cell.count
                let padding = String(repeating: " ", count: max(0, w - cell.count))
                return TextTable.looksNumeric(cell) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    public func renderedCSV() -> String {
        ([header] + rows).map { $0.map(TextTable.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    public static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func looksNumeric(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        return first.isNumber || ((first == "-" || first == "−") && s.count > 1)
    }
}

/// Formats a number for tables and CSV: fixed decimals, empty for nil/NaN.
public func formatNumber(_ value: Double?, decimals: Int) -> String {
    guard let value, value.isFinite else { return "" }
    return String(format: "%.\(decimals)f", value)
}
