import Foundation
import InterphaseCore

/// The line and number conventions every spectroscopy text format shares: LF or CRLF line ends, numbers
/// in C locale (`1.486610e+003`, `1E+37`, `3.82000000000000E+0002`), cells split by tabs, commas,
/// semicolons or runs of spaces.
enum SpectrumTextLines {
    /// The lines of `text` without their line ends.
    static func lines(_ text: String) -> [Substring] {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The trimmed text as a number, or nil.
    static func number(_ text: Substring) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// The cells of a data line (tab, comma, semicolon or whitespace separated; empty cells dropped).
    static func cells(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == "\t" || $0 == "," || $0 == ";" || $0 == " " })
    }

    /// The numbers of a data line, or nil when any cell is not a number or there are none.
    static func numbers(_ line: Substring) -> [Double]? {
        let cells = cells(line)
        guard !cells.isEmpty else { return nil }
        var values: [Double] = []
        values.reserveCapacity(cells.count)
        for cell in cells {
            guard let v = number(cell) else { return nil }
            values.append(v)
        }
        return values
    }

    /// "key = value" / "key: value" split at the first separator, both trimmed.
    static func keyValue(_ line: Substring, separator: Character) -> (key: String, value: String)? {
        guard let i = line.firstIndex(of: separator) else { return nil }
        return (line[..<i].trimmingCharacters(in: .whitespaces), line[line.index(after: i)...].trimmingCharacters(in: .whitespaces))
    }
}
