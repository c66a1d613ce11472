import Foundation

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
        var out = ""
        out.reserveCapacity((rows.count + 1) * header.count * 10)
        for row in [header] + rows {
            for (k, field) in row.enumerated() {
                if k > 0 { out += "," }
                out += TextTable.csvField(field)
            }
            out += "\n"
        }
        return out
    }

    public static func csvField(_ s: String) -> String {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A cell is right-aligned when it is a number (`12.5`, `-3`, `1e-4`, `−0.2` with a minus sign,
    /// `nan`-free): a name that merely starts with a minus, such as `-Im(Z)/Ohm`, stays text.
    static func looksNumeric(_ s: String) -> Bool {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        let ascii = trimmed.hasPrefix("\u{2212}") ? "-" + trimmed.dropFirst() : trimmed
        guard let value = Double(ascii) else { return false }
        return value.isFinite
    }
}

/// Formats a number for tables and CSV: fixed decimals, empty for nil/NaN.
///
/// Values whose scaled magnitude fits exactly in integer arithmetic (|x|·10^d < 2^53) are rounded
/// half-to-even and written digit by digit — `String(format:)` was the largest cost of writing a 12,500-cycle
/// table; others go through `String(format:)`.
public func formatNumber(_ value: Double?, decimals: Int) -> String {
    var bytes: [UInt8] = []
    appendFormatted(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// `formatNumber` written onto the end of `out` (tables of many numbers, without a string per cell).
func appendFormatted(_ value: Double?, decimals: Int, to out: inout [UInt8]) {
    guard let value, value.isFinite else { return }
    var scale = 1.0
    for _ in 0..<max(decimals, 0) { scale *= 10 }
    // value·10^d = product + error exactly (fused multiply-add); the product's rounding can differ from the
    // exact value's only when the product sits exactly on a half, and then the error's sign decides.
    let product = value * scale
    let error = fma(value, scale, -product)
    var scaled = product.rounded(.toNearestOrEven)
    if abs(product - product.rounded(.towardZero)) == 0.5 && error != 0 {
        scaled = error > 0 ? product.rounded(.up) : product.rounded(.down)
    }
    guard decimals >= 0, decimals <= 15, abs(scaled) < 9.0e15 else {
        out.append(contentsOf: String(format: "%.\(decimals)f", value).utf8)
        return
    }
    // Digits written right to left into a stack buffer (|scaled| < 9·10¹⁵: at most 16 digits, a point, a sign).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
        var magnitude = UInt64(abs(scaled))
        var position = buffer.count
        var written = 0
        repeat {
            position -= 1
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            magnitude /= 10
            written += 1
            if written == decimals { position -= 1; buffer[position] = 0x2E }
        } while magnitude > 0 || written <= decimals
        if scaled < 0 { position -= 1; buffer[position] = 0x2D }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
    }
}
