import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterphaseCore
import ZIPFoundation

/// A minimal Office Open XML (ECMA-376) workbook reader: sheet list, shared strings, and cell values of
/// a worksheet as text, through ZIPFoundation and an event-driven XML parser.
///
/// Cells: `t="s"` indexes the shared-string table, `t="inlineStr"` holds `<is><t>`, `t="str"` a formula
/// string, `t="b"` a boolean, otherwise `<v>` is a number. Date-formatted numbers (built-in formats 14–22,
/// 45–47 or custom formats with y/d/h/s) are Excel serial days since 1899-12-30 and are returned with
/// `dateColumns` so readers can convert them.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var path: String
    }

    let url: URL
    let archive: Archive
    let sheets: [Sheet]
    let sharedStrings: [String]
    /// Style index → true when that cell style formats numbers as dates.
    let dateStyles: Set<Int>
    /// Style indices formatting numbers as durations / times of day (hours, minutes, seconds only).
    let durationStyles: Set<Int>

    init(_ url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InterphaseError(.malformed, "not a readable zip/xlsx archive: \(error)", file: url.path)
        }
        let workbook = try XLSXWorkbook.entry(archive, "xl/workbook.xml", file: url.path)
        let relations = (try? XLSXWorkbook.entry(archive, "xl/_rels/workbook.xml.rels", file: url.path)) ?? Data()
        let sheetElements: [XMLElements.Element]
        let relationElements: [XMLElements.Element]
        do {
            sheetElements = try XMLElements.collect(workbook, names: ["sheet"])
            relationElements = try XMLElements.collect(relations, names: ["Relationship"])
        } catch let error as InterphaseError {
            throw error.inFile(url.path)
        }
        var targets: [String: String] = [:]
        for rel in relationElements {
            if let id = rel.attributes["Id"], let target = rel.attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var sheets: [Sheet] = []
        for (k, element) in sheetElements.enumerated() {
            let name = element.attributes["name"] ?? "Sheet\(k + 1)"
            let rid = element.attributes["r:id"] ?? element.attributes.first { $0.key.hasSuffix(":id") }?.value
            let path = rid.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(k + 1).xml"
            sheets.append(Sheet(name: name, path: path))
        }
        guard !sheets.isEmpty else { throw InterphaseError(.malformed, "workbook lists no sheets", file: url.path) }
        self.sheets = sheets
        if let strings = try? XLSXWorkbook.entry(archive, "xl/sharedStrings.xml", file: url.path) {
            do { sharedStrings = try SharedStringsParser.parse(strings) } catch let error as InterphaseError { throw error.inFile(url.path) }
        } else {
            sharedStrings = []
        }
        if let styles = try? XLSXWorkbook.entry(archive, "xl/styles.xml", file: url.path) {
            do { (dateStyles, durationStyles) = try XLSXWorkbook.numberFormatStyles(styles) } catch let error as InterphaseError {
                throw error.inFile(url.path)
            }
        } else {
            dateStyles = []
            durationStyles = []
        }
    }

    static func entry(_ archive: Archive, _ path: String, file: String) throws -> Data {
        guard let entry = archive[path] else {
            throw InterphaseError(.malformed, "the archive has no \(path)", file: file, expected: "an Excel .xlsx workbook")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw InterphaseError(.malformed, "cannot extract \(path): \(error)", file: file)
        }
        return data
    }

    /// The sheet's cells as rows of text (nil = empty cell), and which cells are dates.
    func rows(of sheet: Sheet, maxRows: Int = .max) throws -> [[String?]] {
        let data = try XLSXWorkbook.entry(archive, sheet.path, file: url.path)
        let parser = SheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles, maxRows: maxRows)
        parser.durationStyles = durationStyles
        let xml = XMLParser(data: data)
        xml.delegate = parser
        if !xml.parse(), parser.rows.count < maxRows {
            throw InterphaseError(.malformed, "worksheet XML is malformed: \(xml.parserError.map { "\($0)" } ?? "unknown error")",
                                  file: url.path, line: xml.lineNumber, column: sheet.name)
        }
        return parser.rows
    }

    static func dateStyles(_ data: Data) throws -> Set<Int> { try numberFormatStyles(data).dates }

    /// Style indices whose number format is a date (y/d parts: built-in 14–17, 22, or custom) and those
    /// whose format shows only hours/minutes/seconds (built-in 18–21, 45–47, custom `[h]:mm:ss`, `mm:ss.0`):
    /// the latter hold a duration or time of day in days, not a date. Treating them as dates, as before,
    /// turned an elapsed time of 36 h (1.5) into a moment in 1900, −2.2e9 s before 1970.
    static func numberFormatStyles(_ data: Data) throws -> (dates: Set<Int>, durations: Set<Int>) {
        let custom = try XMLElements.collect(data, names: ["numFmt"])
        var dateFormats = Set([14, 15, 16, 17, 22])
        var durationFormats = Set([18, 19, 20, 21, 45, 46, 47])
        for format in custom {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] else { continue }
            let lower = code.lowercased()
            let stripped = lower.replacingOccurrences(of: #"\[[^\]]*\]|"[^"]*""#, with: "", options: .regularExpression)
            if stripped.contains("y") || stripped.contains("d") {
                dateFormats.insert(id)
            } else if stripped.contains("h") || stripped.contains("ss") || lower.range(of: #"\[(h+|m+|s+)\]"#, options: .regularExpression) != nil {
                durationFormats.insert(id)
            }
        }
        var dates = Set<Int>()
        var durations = Set<Int>()
        // The <xf> elements inside <cellXfs>, in order, are the style indices cells refer to.
        let cellXfs = try XMLElements.collect(data, names: ["xf"], inside: "cellXfs")
        for (index, xf) in cellXfs.enumerated() {
            guard let id = xf.attributes["numFmtId"].flatMap(Int.init) else { continue }
            if dateFormats.contains(id) { dates.insert(index) }
            if durationFormats.contains(id) { durations.insert(index) }
        }
        return (dates, durations)
    }
}

/// Collects elements with their attributes (small documents: workbook, rels, styles).
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    private let names: Set<String>
    private let inside: String?
    private var depthInside = 0
    private(set) var found: [Element] = []

    private init(names: Set<String>, inside: String?) {
        self.names = names
        self.inside = inside
    }

    static func collect(_ data: Data, names: Set<String>, inside: String? = nil) throws -> [Element] {
        let collector = XMLElements(names: names, inside: inside)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() || data.isEmpty else {
            throw InterphaseError(.malformed, "workbook XML is malformed: \(parser.parserError.map { "\($0)" } ?? "unknown error")",
                                  line: parser.lineNumber)
        }
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if let inside, local == inside { depthInside += 1 }
        if names.contains(local) && (inside == nil || depthInside > 0) {
            found.append(Element(name: local, attributes: attributeDict))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if let inside, local == inside { depthInside -= 1 }
    }
}

/// `sharedStrings.xml`: each `<si>` is one string, the concatenation of its `<t>` runs.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw InterphaseError(.malformed, "sharedStrings.xml is malformed: \(parser.parserError.map { "\($0)" } ?? "unknown error")",
                                  line: parser.lineNumber)
        }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

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
