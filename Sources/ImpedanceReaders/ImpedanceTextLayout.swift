import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Where an impedance text format keeps its column names and its rows: the facts that differ between
/// CHI, ZView, VersaStudio, Maccor FRA and the headed and headerless tables, as data. One reader
/// (`table(_:path:)`) applies any layout; every row then goes through `ImpedanceTable`'s rules.
///
/// Rows are split on tabs when the line has one, else on commas, else on blanks; cells are trimmed, an
/// empty or non-numeric cell is NaN (Maccor leaves columns empty). The data block is the run of lines
/// whose first cell is a number, after the header; blank lines inside it are skipped, and the first
/// other line ends it (VersaStudio's `</Segment1>`).
struct ImpedanceTextLayout: Sendable {
    /// How the column names are found.
    enum Header: Sendable {
        /// The first line (within the first 50) whose cells name a frequency and an impedance.
        case namedColumns
        /// The first line starting with this text (CHI: `Freq/Hz`).
        case lineStarting(String)
        /// The data start after the first line containing the first of these texts found in the file;
        /// the names are fixed by the format (ZView `.z` files: `End Comments`, else the quoted
        /// `Freq(Hz)` header line).
        case after([String], names: [String])
        /// A `key=` line holding comma-separated names (VersaStudio's `Definition=`) after a marker line
        /// (`<Segment1>`).
        case keyValue(marker: String, key: String)
        /// No header: the names are the format's (headerless f, Z′, Z″ tables).
        case none(names: [String])
    }

    var header: Header

    /// ZView's column order (Scribner, ZPlot/ZView file format: frequency, AC amplitude, DC bias, time,
    /// Z′, Z″, group delay, error, range), also Autolab's ZView export.
    static let zviewNames = ["Freq(Hz)", "Ampl", "Bias(V)", "Time(s)", "Z'(a)", "Z''(b)", "GD", "Err", "Range"]

    /// Splits a line into trimmed cells (see the type's description).
    static func cells(_ line: Substring) -> [Substring] {
        let separator: (Character) -> Bool
        if line.contains("\t") {
            separator = { $0 == "\t" }
        } else if line.contains(",") {
            separator = { $0 == "," }
        } else {
            return line.split(whereSeparator: { $0 == " " || $0 == "\r" })
        }
        var parts = line.split(omittingEmptySubsequences: false, whereSeparator: separator)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines)[...] }
        while parts.last?.isEmpty == true { parts.removeLast() }
        return parts.map { Substring($0) }
    }

    static func number(_ cell: Substring) -> Double? {
        var text = cell
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = text.dropFirst().dropLast() }
        return Double(text)
    }

    /// Lines of `text` without a leading byte-order mark.
    static func lines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        if body.hasPrefix("ï»¿") { body = body.dropFirst(3) }
        return body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The names and the first line after them (0-based), or nil when the layout's header is not there.
    func locate(_ lines: [Substring]) -> (names: [String], next: Int)? {
        switch header {
        case .namedColumns:
            for (k, line) in lines.prefix(50).enumerated() {
                let names = Self.cells(line).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                let roles = Set(names.compactMap { ImpedanceTable.recognise($0)?.0 })
                if roles.contains(.frequency), roles.contains(.real) || roles.contains(.modulus) { return (names, k + 1) }
            }
            return nil
        case .lineStarting(let prefix):
            guard let k = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return nil }
            return (Self.cells(lines[k]).map(String.init), k + 1)
        case .after(let markers, let names):
            for marker in markers {
                if let k = lines.firstIndex(where: { $0.contains(marker) }) { return (names, k + 1) }
            }
            return nil
        case .keyValue(let marker, let key):
            guard let start = lines.firstIndex(where: { $0.contains(marker) }),
                  let k = lines[start...].firstIndex(where: { $0.hasPrefix(key) }) else { return nil }
            let names = lines[k].dropFirst(key.count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return (names, k + 1)
        case .none(let names):
            return (names, 0)
        }
    }

    /// Reads the table of `text`.
    /// - Throws: `.malformed` naming the file when the header is not found, naming the line of a row
    ///   with more cells than names (a header that lost a name) or when no data row follows.
    func table(_ text: String, path: String, format: FileFormat) throws -> ImpedanceTable {
        let lines = Self.lines(text)
        guard let (names, next) = locate(lines) else {
            throw InterphaseError(.malformed, "the column header of a \(format.displayName) file was not found", file: path,
                                  expected: expectedHeader)
        }
        var columns = [[Double]](repeating: [], count: names.count)
        var rowLines: [Int] = []
        var k = next
        while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
        while k < lines.count {
            let line = lines[k]
            if line.trimmingCharacters(in: .whitespaces).isEmpty { k += 1; continue }
            let cells = Self.cells(line)
            guard let first = cells.first, Self.number(first) != nil else { break }
            guard cells.count <= names.count else {
                throw InterphaseError(
                    .malformed, "\(cells.count) values on a row, but the header names \(names.count) columns (\(names.joined(separator: ", ")))",
                    file: path, line: k + 1, expected: "one name in the header for every column (a name is missing or the header is from another export)")
            }
            for c in names.indices { columns[c].append(c < cells.count ? Self.number(cells[c]) ?? .nan : .nan) }
            rowLines.append(k + 1)
            k += 1
        }
        guard !rowLines.isEmpty else {
            throw InterphaseError(.emptyInput, "no data rows after the column header (line \(next))", file: path)
        }
        var warnings: [String] = []
        if let after = lines[k...].firstIndex(where: { line in Self.cells(line).first.flatMap(Self.number) != nil }),
           case .namedColumns = header {
            warnings.append("numeric rows from line \(after + 1) on follow a non-numeric line and were not read")
        }
        return ImpedanceTable(names: names, columns: columns, lines: rowLines, warnings: warnings)
    }

    private var expectedHeader: String {
        switch header {
        case .namedColumns: return "a header line naming a frequency and the impedance (e.g. Frequency, Zre, Zim)"
        case .lineStarting(let prefix): return "a line starting with '\(prefix)'"
        case .after(let markers, _): return "a line containing " + markers.map { "'\($0)'" }.joined(separator: " or ")
        case .keyValue(let marker, let key): return "'\(key)…' after '\(marker)'"
        case .none: return "rows of at least three numbers"
        }
    }
}
