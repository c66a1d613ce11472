import Foundation
import InstrumentIO
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// Damaged and hostile archives end at once with an error naming the file and what is wrong (issue 13:
/// found by mutation testing — an overflowing column parser, references that padded billions of cells,
/// members inflating far past their size).
@Suite struct DamagedArchiveTests {
    static func workbook(sheet: String) throws -> URL {
        let files: [(String, Data)] = [
            ("xl/workbook.xml", Data(#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ]
        let url = Fixtures.temporaryDirectory("damaged").appendingPathComponent("book.xlsx")
        try StoredArchives.zip(files).write(to: url)
        return url
    }

    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows + "</sheetData></worksheet>"
    }

    func expectMalformed(_ url: URL, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workbook = try XLSXWorkbook(url)
        let start = Date()
        let error = expectInterphaseError(.malformed, sourceLocation: sourceLocation) { try workbook.rows(of: workbook.sheets[0]) }
        #expect(error?.message.contains(needle) == true, "\(error.map { "\($0)" } ?? "no error")", sourceLocation: sourceLocation)
        #expect(error?.file == url.path, sourceLocation: sourceLocation)
        #expect(Date().timeIntervalSince(start) < 2, sourceLocation: sourceLocation)
    }

    /// A column reference of 28 characters (14+ letters overflowed the parser) or past XFD, and a row
    /// number past 1,048,576, are damage: refused without padding the row.
    @Test func referencesOutsideAWorksheet() throws {
        try expectMalformed(Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="ZZZZZZZZ99999999999999999999"><v>1</v></c></row>"#)),
                            "cell reference 'ZZZZZZZZ99999999999999999999' is outside a worksheet")
        try expectMalformed(Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="ABCDEFGHIJKLMNOP1"><v>1</v></c></row>"#)), "outside a worksheet")
        try expectMalformed(Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)), "outside a worksheet")
        try expectMalformed(Self.workbook(sheet: Self.sheet(#"<row r="99999999999"><c r="A1"><v>1</v></c></row>"#)),
                            "row number '99999999999' is outside a worksheet")
        // The last column and row a worksheet has are fine.
        let book = try XLSXWorkbook(Self.workbook(sheet: Self.sheet(#"<row r="3"><c r="XFD3"><v>7</v></c></row>"#)))
        let rows = try book.rows(of: book.sheets[0])
        #expect(rows.count == 3 && rows[2].count == 16_384 && rows[2][16_383] == "7")
    }

    /// A worksheet cut short gives the rows before the cut and says it is incomplete; XML that is
    /// damaged inside reports where, in our words rather than the XML library's error domain.
    @Test func truncatedAndDamagedWorksheets() throws {
        let rows = #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#
        let full = Self.sheet(rows)
        let cut = String(full.prefix(full.count - 40))
        let book = try XLSXWorkbook(Self.workbook(sheet: cut))
        let read = try book.read(book.sheets[0])
        #expect(!read.isComplete)
        #expect(read.rows.count == 1 && read.rows[0] == ["1"])
        let whole = try XLSXWorkbook(Self.workbook(sheet: full))
        #expect(try whole.read(whole.sheets[0]).isComplete)
        let damaged = full.replacingOccurrences(of: "</c></row><row", with: "</c></rox><row")
        try expectMalformed(Self.workbook(sheet: damaged), "is damaged or cut short at line")
        let bad = try XLSXWorkbook(Self.workbook(sheet: damaged))
        let error = expectInterphaseError(.malformed) { try bad.rows(of: bad.sheets[0]) }
        #expect(error?.message.contains("NSXMLParserErrorDomain") == false)
    }

    /// A member that inflates past the size its header declares stops there, with an error.
    @Test func memberInflatingPastItsDeclaredSize() throws {
        let content = Data(repeating: 0x41, count: 200_000)
        let url = Fixtures.temporaryDirectory("damaged").appendingPathComponent("bomb.zip")
        try StoredArchives.zip([("data.ndc", content), ("ok.txt", Data("fine".utf8))], deflate: true,
                               declaredSizes: ["data.ndc": 1000]).write(to: url)
        let archive = try ZipArchive(url)
        let error = expectInterphaseError(.malformed) { try archive.data("data.ndc") }
        #expect(error?.message == "data.ndc inflates to more than the 1000 bytes the archive declares for it")
        #expect(error?.file == url.path)
        #expect(try archive.data("ok.txt") == Data("fine".utf8))
        // Declared sizes beyond any instrument's member are refused before inflating.
        let small = expectInterphaseError(.malformed) { try archive.data("ok.txt", limit: 3) }
        #expect(small?.message.contains("declares 4 bytes") == true)
    }

    /// A file that is not a zip, or one cut before its end record, says so in words.
    @Test func notAZip() throws {
        let url = Fixtures.temporaryDirectory("damaged").appendingPathComponent("cut.zip")
        let zip = StoredArchives.zip([("a.txt", Data("alpha".utf8))])
        try zip.prefix(zip.count - 10).write(to: url)
        let error = expectInterphaseError(.malformed) { try ZipArchive(url) }
        #expect(error?.message.contains("Code=") == false)
        #expect(error?.file == url.path)
    }
}
