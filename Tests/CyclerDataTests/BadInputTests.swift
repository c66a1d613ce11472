import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import ZIPFoundation
import _InterphaseTestSupport
@testable import CyclerData

/// Bad input to the text, spreadsheet and Access readers through `RecordingLoader.load`: each case
/// asserts the error kind and that the message names the file and the line, record, column or parameter
/// a user needs to fix it. Oracle: the defect each test writes into its own file.
@Suite struct BadInputTests {
    static func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let dir = Fixtures.temporaryDirectory("interphase-bad")
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func write(_ text: String, _ name: String) throws -> URL { try write(Array(text.utf8), name) }

    /// Loads `url` expecting an InterphaseError; returns it (nil and an issue if none or another error).
    static func failure(_ url: URL, _ options: ReadOptions = ReadOptions()) -> InterphaseError? {
        do {
            let rec = try RecordingLoader.load(url, options: options)
            Issue.record("\(url.lastPathComponent) was read (\(rec.count) rows) instead of failing")
        } catch let error as InterphaseError {
            #expect(error.file == url.path, "error names the file: \(error)")
            #expect(error.description.contains(url.path))
            return error
        } catch {
            Issue.record("not an InterphaseError: \(error)")
        }
        return nil
    }

    static let good = "Time(s),Voltage(V),Current(mA),Step\n0,3.0,1,1\n1,3.1,1,1\n2,3.2,1,1\n3,3.3,1,1\n"

    /// A row cut short in the middle of the file (lost bytes, a bad merge) is an error naming its line;
    /// only a cut *last* line is dropped, with a warning.
    @Test func truncatedRowInTheMiddle() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(mA),Step\n0,3.0,1,1\n1,3.1\n2,3.2,1,1\n3,3.3,1,1\n", "cut.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .malformed)
        #expect(error.line == 3)
        #expect(error.description.contains("cut.csv:3"))
    }

    @Test func truncatedLastRowIsDroppedWithWarning() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(mA),Step\n0,3.0,1,1\n1,3.1,1,1\n2,3.2", "cutlast.csv")
        let rec = try RecordingLoader.load(url)
        #expect(rec.count == 2)
        #expect(rec.metadata.warnings.contains { $0.contains("line 4") }, "\(rec.metadata.warnings)")
    }

    @Test func missingCurrentColumn() throws {
        let url = try Self.write("Time(s),Voltage(V)\n0,3.0\n1,3.1\n", "nocurrent.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .missingColumn)
        #expect(error.line == 1)
        #expect(error.description.contains("current"))
    }

    @Test func timeGoingBackwards() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(mA)\n0,3.0,1\n5,3.1,1\n4,3.2,1\n", "backwards.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .invalidData)
        #expect(error.line == 3 && error.lineLabel == "record")
        #expect(error.column == "time")
        #expect(error.description.contains("record 3"))
    }

    @Test func emptyFile() throws {
        let url = try Self.write([UInt8](), "empty.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .emptyInput)
        #expect(error.description.contains("0 bytes"))
    }

    @Test func headerOnly() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(mA)\n", "header.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .emptyInput)
        #expect(error.line == 1)
    }

    /// Text content under an extension that promises a binary format.
    @Test(arguments: ["mpr", "nda", "res"])
    func textWithBinaryExtension(_ ext: String) throws {
        let url = try Self.write("this is a text file, not an instrument file\n", "data.\(ext)")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.contains(".\(ext)"))
        #expect(error.description.contains("the content is text"))
    }

    /// A unit the reader does not know is refused, not guessed: a wrong factor would scale every value.
    @Test func unknownUnit() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(furlongs)\n0,3.0,1\n", "furlongs.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .invalidData)
        #expect(error.column == "Current(furlongs)")
        #expect(error.line == 1)
        #expect(error.description.contains("furlongs"))
    }

    @Test func nonNumericVoltage() throws {
        let url = try Self.write("Time(s),Voltage(V),Current(mA)\n0,3.0,1\n1,n/a,1\n2,3.2,1\n", "nan.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .invalidData)
        #expect(error.column == "voltage")
        #expect(error.line == 3)
        #expect(error.description.contains("nan.csv:3"))
    }

    /// Same, after a blank line and a preamble (Maccor-like), so line ≠ row + 1.
    @Test func nonNumericCurrentAfterPreamble() throws {
        let url = try Self.write("Instrument: test\nOperator: me\n\nTime(s),Voltage(V),Current(mA)\n\n0,3.0,1\n1,3.1,x\n",
                                 "preamble.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .invalidData)
        #expect(error.column == "current")
        #expect(error.line == 7)
    }

    /// A step number that is not an integer: the error names the line, not the row index.
    @Test func nonIntegerStep() throws {
        let url = try Self.write("# exported\nTime(s),Voltage(V),Current(mA),Step\n0,3.0,1,1\n1,3.1,1,1.5\n", "step.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .invalidData)
        #expect(error.column == "step")
        #expect(error.line == 4)
    }

    /// A zip archive with an .xlsx name but no workbook part: no reader claims it, and the error says the
    /// .xlsx extension promised a workbook; forced as a spreadsheet, the reader names the missing part.
    /// A file with zip magic bytes but no archive behind them is malformed.
    @Test func corruptXLSX() throws {
        let url = Fixtures.temporaryDirectory("interphase-bad").appendingPathComponent("broken.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data("<Types/>".utf8)
        try archive.addEntry(with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        let error = try #require(Self.failure(url))
        #expect(error.kind == .unsupportedFormat)
        #expect(error.description.contains(".xlsx"))
        let forced = try #require(Self.failure(url, ReadOptions(format: .spreadsheet)))
        #expect(forced.kind == .malformed)
        #expect(forced.description.contains("xl/workbook.xml"))
        let garbage = try Self.write([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0xAB, count: 200), "garbage.xlsx")
        let zipError = try #require(Self.failure(garbage))
        #expect(zipError.kind == .malformed)
    }

    /// A gzip file whose deflate stream is damaged, and one cut short.
    @Test func corruptGzip() throws {
        let original = Fixtures.cycler("lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt.gz")
        var bytes = [UInt8](try Data(contentsOf: original).prefix(4096))
        let cut = try Self.write(bytes, "cut.txt.gz")
        let cutError = try #require(Self.failure(cut, ReadOptions(assumedCurrent: 1e-3)))
        #expect(cutError.kind == .malformed)
        #expect(cutError.description.contains("gzip"))
        bytes = [UInt8](try Data(contentsOf: original))
        for k in 200..<260 { bytes[k] ^= 0x5A }
        let damaged = try Self.write(bytes, "damaged.txt.gz")
        let damagedError = try #require(Self.failure(damaged, ReadOptions(assumedCurrent: 1e-3)))
        #expect(damagedError.kind == .malformed)
        #expect(damagedError.description.contains("gzip"))
    }

    /// A gzip file of several members (`cat a.gz b.gz`, bgzip) holds their contents joined, as `gzip -d`
    /// gives them; zero padding after the last member is ignored, other bytes there are an error.
    /// Oracle: the same table read uncompressed; members built from RFC 1952/1951 (`StoredArchives`),
    /// the second one larger than one 65,535-byte stored block.
    @Test func multiMemberGzip() throws {
        var text = "Time(s),Voltage(V),Current(mA),Step\n"
        for i in 0..<4000 { text += "\(i),\(3.0 + Double(i % 100) / 1000),\(i < 2000 ? 1 : -1),\(i < 2000 ? 1 : 2)\n" }
        let bytes = Data(text.utf8)
        let cut = bytes.count / 5
        let plain = try Self.write(Array(bytes), "joined.csv")
        let members = StoredArchives.gzipMember(bytes.prefix(cut)) + StoredArchives.gzipMember(bytes.dropFirst(cut))
        let padded = try Self.write(Array(members) + [0, 0, 0, 0], "members.csv.gz")
        let expected = try RecordingLoader.load(plain)
        let joined = try RecordingLoader.load(padded)
        #expect(joined.count == 4000)
        #expect(joined.time == expected.time && joined.voltage == expected.voltage && joined.current == expected.current)
        let trailing = try Self.write(Array(members) + Array("junk".utf8), "trailing.csv.gz")
        let error = try #require(Self.failure(trailing))
        #expect(error.kind == .malformed)
        #expect(error.description.contains("after the end of the gzip stream"))
    }

    /// A valid gzip of nothing is empty input, not an unrecognised format. (Bytes: `gzip -c < /dev/null`.)
    @Test func emptyGzip() throws {
        let url = try Self.write([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00,
                                  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], "empty.csv.gz")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .emptyInput)
    }

    /// A missing file.
    @Test func missingFile() throws {
        let url = Fixtures.temporaryDirectory("interphase-bad").appendingPathComponent("nothing.csv")
        let error = try #require(Self.failure(url))
        #expect(error.kind == .fileNotFound)
    }
}

@Suite struct UnitSanityTests {
    /// A column headed `Volts` holding 3300–3500 is millivolts: refused with the unit it fits and the
    /// `--columns` spelling; read in millivolts when the user says so (issue 13, unit sanity).
    @Test func voltsThatAreMillivolts() throws {
        let url = Fixtures.temporaryDirectory("units").appendingPathComponent("mv.csv")
        try "Time(s),Volts,Current(mA)\n0,3300,1\n10,3400,1\n20,3500,1\n".write(to: url, atomically: true, encoding: .utf8)
        let error = expectInterphaseError(.invalidData) { try RecordingLoader.load(url) }
        #expect(error?.column == "Volts")
        #expect(error?.message.contains("looks like millivolts") == true)
        #expect(error?.expected == "volts, or --columns voltage=Volts:mV")
        var options = ReadOptions()
        options.columnMapping = try ColumnMapping(parsing: "time=Time(s),voltage=Volts:mV,current=Current(mA)")
        let recording = try RecordingLoader.load(url, options: options)
        #expect(zip(recording.voltage, [3.3, 3.4, 3.5]).allSatisfy { isClose($0, $1, rel: 1e-15) } && recording.count == 3)
        // Volts that are volts, even a 400 V pack, are untouched.
        try "Time(s),Volts,Current(mA)\n0,398.2,1\n10,399.0,1\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(try RecordingLoader.load(url).voltage == [398.2, 399.0])
    }
}
