import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// A registry of made-up formats, to test the table rules apart from any real reader.
private enum Toy {
    static let binary = FileFormat(id: "toy-bin", displayName: "Toy binary")
    static let forced = FileFormat(id: "toy-forced", displayName: "Toy, forced only")
    static let text = FileFormat(id: "toy-text", displayName: "Toy text")

    static let registry = ReaderRegistry<String, Void>(kind: "toy file", readers: [
        FormatReader(binary, extensions: ["tb"], encoding: .binary, expectedContent: "a toy binary (starts with TOY)",
                     sniff: { $0.starts(with: "TOY") }, read: { url, format, _ in "\(format.id):\(url.lastPathComponent)" }),
        FormatReader(forced, encoding: .binary, expectedContent: "a forced toy", sniff: nil,
                     read: { _, format, _ in format.id }),
        FormatReader(text, encoding: .text, expectedContent: "toy text", sniff: { $0.looksLikeText },
                     read: { _, format, _ in format.id }),
    ])

    static func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = Fixtures.temporaryDirectory("instrument-io").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}

@Suite struct ReaderRegistryTests {
    /// Rows are asked in order; a row without a sniffer is never chosen by content.
    @Test func detectsByContentInTableOrder() throws {
        let url = try Toy.write(Array("TOY data".utf8), "a.dat")
        let row = try #require(try Toy.registry.detect(InstrumentFile.makeProbe(url)))
        #expect(row.format == Toy.binary)
        #expect(try row.read(url, row.format, ()) == "toy-bin:a.dat")
        let plain = try Toy.write(Array("time,voltage\n1,2\n".utf8), "b.csv")
        #expect(try Toy.registry.detect(InstrumentFile.makeProbe(plain))?.format == Toy.text)
        #expect(Toy.registry.reader(id: "toy-forced")?.sniff == nil)
        #expect(Toy.registry.formats.map(\.id) == ["toy-bin", "toy-forced", "toy-text"])
    }

    /// Text under an extension that promises a binary format is refused, naming what was expected.
    @Test func textUnderABinaryExtensionIsAnError() throws {
        let url = try Toy.write(Array("just some notes\n".utf8), "notes.tb")
        let probe = try InstrumentFile.makeProbe(url)
        let error = expectInterphaseError(.unsupportedFormat) { try Toy.registry.detect(probe) }
        #expect(error?.message == "the extension says .tb but the content is text")
        #expect(error?.expected == "a toy binary (starts with TOY)")
        #expect(error?.file == url.path)
    }

    /// Nothing claims the content: the error lists every format id; an unknown forced id names the ids too.
    @Test func unrecognisedAndUnknownFormats() throws {
        let url = try Toy.write([0, 1, 2, 3], "x.bin")
        #expect(try Toy.registry.detect(InstrumentFile.makeProbe(url)) == nil)
        let error = Toy.registry.unrecognised(try InstrumentFile.makeProbe(url), hint: "or force one")
        #expect(error.message == "not a recognised toy file")
        #expect(error.expected == "one of: toy-bin, toy-forced, toy-text; or force one")
        #expect(Toy.registry.unknownFormat("nope").expected == "one of: toy-bin, toy-forced, toy-text")
    }
}

@Suite struct InstrumentFileTests {
    /// Oracle: RFC 1952 members built byte by byte (stored deflate blocks): the probe and the bytes are
    /// the content, not the compressed file; the extension is the one under `.gz`.
    @Test func gzipIsReadThrough() throws {
        let content = Data("TOY gzip content".utf8)
        let url = try Toy.write([UInt8](StoredArchives.gzipMember(content) + StoredArchives.gzipMember(Data(" and more".utf8))), "run.tb.gz")
        let probe = try InstrumentFile.makeProbe(url)
        #expect(probe.pathExtension == "tb")
        #expect(probe.starts(with: "TOY"))
        #expect(try InstrumentFile.bytes(of: url) == Array("TOY gzip content and more".utf8))
        #expect(try InstrumentFile.head(of: url, bytes: 3) == Data("TOY".utf8))
    }

    /// Oracle: a stored zip (PKWARE APPNOTE) built byte by byte: entry names in order, contents back.
    @Test func zipEntriesAndContents() throws {
        let zip = StoredArchives.zip([("a.txt", Data("alpha".utf8)), ("dir/b.xml", Data("<b/>".utf8))])
        let url = try Toy.write([UInt8](zip), "pack.zip")
        let probe = try InstrumentFile.makeProbe(url)
        #expect(probe.zipEntries == ["a.txt", "dir/b.xml"])
        let archive = try ZipArchive(url)
        #expect(try archive.data("dir/b.xml") == Data("<b/>".utf8))
        #expect(try archive.data("missing") == nil)
        #expect(archive.contains("a.txt"))
    }

    /// Missing and empty files are errors naming the file.
    @Test func missingAndEmptyFiles() throws {
        let missing = Fixtures.temporaryDirectory("io").appendingPathComponent("absent.tb")
        #expect(expectInterphaseError(.fileNotFound) { try InstrumentFile.makeProbe(missing) }?.file == missing.path)
        let empty = try Toy.write([], "empty.tb")
        #expect(expectInterphaseError(.emptyInput) { try InstrumentFile.makeProbe(empty) }?.file == empty.path)
    }
}

@Suite struct TextDecodingTests {
    /// Oracle: ISO 8859-1 maps byte b to U+00b (0xB5 is the micro sign, 0xB0 the degree sign).
    @Test func latin1MapsEveryByte() {
        #expect(Latin1.string([0x49, 0x2F, 0xB5, 0x41]) == "I/\u{B5}A")
        #expect(Latin1.string([0xB0, 0x43]) == "°C")
        #expect(Latin1.string((0...255).map(UInt8.init)).unicodeScalars.map(\.value) == Array(0...255))
    }

    /// Oracle: OLE day 25569 is the Unix epoch; day 45000.5 is 2023-03-15 12:00 UTC (Excel shows it so).
    @Test func oleDates() {
        #expect(OLEDate.unixSeconds(days: 25569) == 0)
        let date = OLEDate.date(days: 45000.5)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        #expect(parts.year == 2023 && parts.month == 3 && parts.day == 15 && parts.hour == 12)
    }

    /// The header is the first line the caller's predicate accepts; a decimal comma is detected from the
    /// data line after it; no accepted line throws the caller's error.
    @Test func delimitedLayoutWithACallerPredicate() throws {
        let url = try Toy.write(Array("preamble line\nfreq/Hz;Re(Z)/Ohm\n1000,5;12,25\n".utf8), "eis.txt")
        let table = DelimitedText(url)
        let layout = try table.detectLayout(accepts: { $0.contains { $0.base == "freq" } },
                                            notFound: InterphaseError(.missingColumn, "no frequency"))
        #expect(layout.headerLine == 1)
        #expect(layout.delimiter == UInt8(ascii: ";"))
        #expect(layout.decimalComma)
        #expect(layout.headers.map(\.unit) == ["Hz", "Ohm"])
        #expect(layout.preamble == ["preamble line"])
        let error = expectInterphaseError(.missingColumn) {
            try table.detectLayout(accepts: { _ in false }, notFound: InterphaseError(.missingColumn, "no frequency", file: url.path))
        }
        #expect(error?.message == "no frequency")
    }
}

@Suite struct ColumnHeaderTests {
    /// Units in parentheses, brackets, after the last slash (EC-Lab names may hold a slash themselves),
    /// or after a final underscore; `dV/dt` is a name.
    @Test func unitsAreSplitOff() {
        let cases: [(String, String, String?)] = [
            ("Current(mA)", "Current", "mA"), ("Voltage [V]", "Voltage ", "V"), ("I/mA", "I", "mA"),
            ("Q charge/discharge/mA.h", "Q charge/discharge", "mA.h"), ("control/V/mA", "control", "V/mA"),
            ("-Im(Z)/Ohm", "-Im(Z)", "Ohm"), ("current_A", "current", "A"), ("Test_Time", "Test_Time", nil),
            ("dV/dt", "dV/dt", nil), ("dV/dt(V/s)", "dV/dt", "V/s"),
        ]
        for (raw, base, unit) in cases {
            let header = ColumnHeader(raw)
            #expect(header.base == base, "\(raw)")
            #expect(header.unit == unit, "\(raw)")
        }
    }
}
