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
            if let r = attributeDict["r"].flatMap(Int.init) {
                // Empty rows are omitted from the XML; keep row numbers aligned.
                while rows.count < r - 1 { rows.append([]) }
            }
        case "c":
            cellType = attributeDict["t"] ?? "n"
            cellStyle = attributeDict["s"].flatMap(Int.init) ?? -1
            if let reference = attributeDict["r"] { column = SheetParser.columnIndex(reference) }
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
        default: break
        }
    }

    /// "AB12" → 27 (0-based column).
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return max(index - 1, 0)
    }
}
