import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterphaseCore

/// A minimal Office Open XML (ECMA-376) workbook reader: sheet list, shared strings, and cell values of
/// a worksheet as text, through ZIPFoundation and an event-driven XML parser.
///
/// Cells: `t="s"` indexes the shared-string table, `t="inlineStr"` holds `<is><t>`, `t="str"` a formula
/// string, `t="b"` a boolean, otherwise `<v>` is a number. Date-formatted numbers (built-in formats 14–22,
/// 45–47 or custom formats with y/d/h/s) are Excel serial days since 1899-12-30 and are returned with
/// `dateColumns` so readers can convert them.
public struct XLSXWorkbook {
    public struct Sheet: Sendable {
        /// The sheet's name as Excel shows it on the tab.
        public var name: String
        /// The member path of its XML part.
        public var path: String
    }

    public let url: URL
    let archive: ZipArchive
    /// The sheets in workbook order.
    public let sheets: [Sheet]
    let sharedStrings: [String]
    /// Style index → true when that cell style formats numbers as dates.
    let dateStyles: Set<Int>
    /// Style indices formatting numbers as durations / times of day (hours, minutes, seconds only).
    let durationStyles: Set<Int>

    /// Opens the workbook and reads its sheet list, shared strings and number styles.
    public init(_ url: URL) throws {
        self.url = url
        archive = try ZipArchive(url, expected: "an Excel .xlsx workbook (zip archive)")
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

    static func entry(_ archive: ZipArchive, _ path: String, file: String) throws -> Data {
        guard let data = try archive.data(path) else {
            throw InterphaseError(.malformed, "the archive has no \(path)", file: file, expected: "an Excel .xlsx workbook")
        }
        return data
    }

    /// The sheet's cells as rows of text (nil = empty cell), and which cells are dates.
    public func rows(of sheet: Sheet, maxRows: Int = .max) throws -> [[String?]] { try read(sheet, maxRows: maxRows).rows }

    /// A sheet's cells as rows of text (nil = empty cell), and whether the sheet was complete: a worksheet
    /// cut short (a file copied in part) gives the rows before the cut with `isComplete` false.
    public func read(_ sheet: Sheet, maxRows: Int = .max) throws -> (rows: [[String?]], isComplete: Bool) {
        let data = try XLSXWorkbook.entry(archive, sheet.path, file: url.path)
        let parser = SheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles, maxRows: maxRows)
        parser.durationStyles = durationStyles
        let xml = XMLParser(data: data)
        xml.delegate = parser
        let parsed = xml.parse()
        if let failure = parser.failure {
            throw InterphaseError(.malformed, "sheet '\(sheet.name)': \(failure.message)", file: url.path, line: xml.lineNumber,
                                  expected: failure.expected)
        }
        if !parsed, parser.rows.count < maxRows {
            throw XMLDamage.error(xml, part: "the worksheet XML of sheet '\(sheet.name)'", file: url.path)
        }
        return (parser.rows, parser.reachedEnd || parser.rows.count >= maxRows)
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
