import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterphaseCore

/// A worksheet's `<sheetData>`: rows of cells placed by their `r="C12"` references.
final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    /// Cells in these styles are durations in days, returned as "@duration:<days>".
    var durationStyles: Set<Int> = []
    private let maxRows: Int
    private(set) var rows: [[String?]] = []
    private var row: [String?] = []
    private var rowIndex = 0
    private var column = 0
    private var cellType = ""
    private var cellStyle = -1
    private var text = ""
    private var collecting = false
    /// Why parsing was stopped early: a cell or row reference outside what a worksheet can hold.
    private(set) var failure: (message: String, expected: String)?
    /// Whether `</sheetData>` was reached: a worksheet cut short parses without an XML error (the parser
    /// takes the end of the data as the end of the document), so completeness is checked here.
    private(set) var reachedEnd = false

    /// The largest row and column a worksheet holds (Excel 2007 onwards, ECMA-376 §18.3.1.73: 1,048,576
    /// rows, 16,384 columns, `XFD`). References beyond them are damage, not data, and would otherwise pad
    /// the row with billions of empty cells.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    init(sharedStrings: [String], dateStyles: Set<Int>, maxRows: Int) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.maxRows = maxRows
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "row":
            row = []
            column = 0
            if let text = attributeDict["r"] {
                guard let r = Int(text), r >= 1, r <= SheetParser.maximumRows else {
                    return stop(parser, "row number '\(text)' is outside a worksheet", expected: "rows 1 to \(SheetParser.maximumRows)")
                }
                // Empty rows are omitted from the XML; keep row numbers aligned.
                while rows.count < r - 1 { rows.append([]) }
            }
        case "c":
            cellType = attributeDict["t"] ?? "n"
            cellStyle = attributeDict["s"].flatMap(Int.init) ?? -1
            if let reference = attributeDict["r"] {
                guard let index = SheetParser.columnIndex(reference) else {
                    return stop(parser, "cell reference '\(reference.prefix(40))' is outside a worksheet",
                                expected: "columns A to XFD (\(SheetParser.maximumColumns))")
                }
                column = index
            }
            text = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "v", "t": collecting = false
        case "c":
            var value: String? = text
            if cellType == "s" { value = Int(text).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } }
            if cellType == "n" && dateStyles.contains(cellStyle), let serial = Double(text) {
                value = "@date:" + String(serial)
            } else if cellType == "n" && durationStyles.contains(cellStyle), let days = Double(text) {
                value = "@duration:" + String(days)
            }
            if text.isEmpty && cellType != "s" { value = nil }
            while row.count < column { row.append(nil) }
            if row.count == column { row.append(value) } else { row[column] = value }
            column += 1
        case "row":
            rows.append(row)
            if rows.count >= maxRows { parser.abortParsing() }
        case "sheetData":
            reachedEnd = true
        default: break
        }
    }

    private func stop(_ parser: XMLParser, _ message: String, expected: String) {
        failure = (message, expected)
        parser.abortParsing()
    }

    /// "AB12" → 27 (0-based column); nil beyond column XFD (more than three letters cannot be a column,
    /// and the running value would overflow long before a reference of 14 letters ends).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            if index > maximumColumns { return nil }
        }
        return max(index - 1, 0)
    }
}
