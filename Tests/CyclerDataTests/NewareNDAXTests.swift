import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

@testable import CyclerData

@Suite("Neware .ndax reader")
struct NewareNDAXTests {
    // Oracle: NewareNDA (Reference/neware.json): 1464 rows, ndc v5 complete records, Rest/CCCV_Chg/CCCV_DChg.
    @Test func testNDAXMatchesNewareNDA() throws {
        let r = try NewareOracle.check("test.ndax", format: .newareNDAX)
        #expect(r.metadata.channel == "16-1-7")
        #expect(r.metadata.instrument?.contains("BTSServer") == true)
    }

    // Oracle: NewareNDA: 7257 rows, ndc v14 voltage/current + runInfo + step table, with the missing
    // runInfo records interpolated as NewareNDA does; cycles 1–5.
    @Test func nw4MatchesNewareNDA() throws {
        let r = try NewareOracle.check("nw4-120-6-1-36.ndax", format: .newareNDAX)
        #expect(r.metadata.header.contains(HeaderField("Barcode", "commercial_cell_009")))
    }

    // Oracle: NewareNDA: 77,745 rows, ndc v17, cycles 1–8, aux T1 from data_AUX_225_3_1.ndc.
    @Test func testCellMatchesNewareNDA() throws {
        let r = try NewareOracle.check("TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax", format: .newareNDAX)
        let t = try #require(r.temperature)
        #expect(t.allSatisfy { $0 > 290 && $0 < 310 })
    }

    // Oracle: NewareNDA: 301 rest-only rows, ndc v14, two aux temperature files named T1/T2 through
    // TestInfo.xml's Aux1/Aux2 (ChlType 103 = temperature).
    @Test func restOnlyWithAuxTemperaturesMatchesNewareNDA() throws {
        let r = try NewareOracle.check("123456789012_Unit27_Example_Data_File.ndax", format: .newareNDAX)
        #expect(r.stepKind.allSatisfy { $0 == .rest })
        #expect(r.current.allSatisfy { $0 == 0 })
        #expect(r.auxiliary.contains { $0.name == "T2" && $0.unit.symbol == "K" && $0.quantity == .temperature })
    }

    // A zip with Neware metadata but no data.ndc: sniffed as .ndax, then a clear `.malformed` error.
    @Test func archiveWithoutDataNDCIsMalformed() throws {
        let dir = Fixtures.temporaryDirectory("neware-nodata")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("nodata.ndax")
        let xml = Data("<?xml version=\"1.0\"?><root><config/></root>".utf8)
        try StoredArchives.zip([("VersionInfo.xml", xml), ("TestInfo.xml", xml)]).write(to: url)
        #expect(try RecordingLoader.detectFormat(url) == .newareNDAX)
        do {
            _ = try RecordingLoader.load(url)
            Issue.record("archive without data.ndc was read")
        } catch let error as InterphaseError {
            #expect(error.kind == .malformed)
            #expect(error.description.contains("data.ndc"))
        }
    }

    // An ndc version NewareNDA does not know is `.unsupportedFormat` naming the version and the entry.
    @Test func unsupportedNDCVersionIsNamed() {
        var bytes = [UInt8](repeating: 0, count: 8192)
        bytes[0] = 1
        bytes[2] = 99
        do {
            _ = try NewareNDC.parse(Data(bytes), name: "data.ndc", path: "x.ndax")
            Issue.record("ndc v99 accepted")
        } catch let error as InterphaseError {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.description.contains("99") && error.description.contains("data.ndc"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    // Random ndc contents for every supported (type, version) must decode or throw InterphaseError, never trap;
    // a page cut short must be reported as truncation.
    @Test func randomNDCDoesNotTrap() {
        var rng = SplitMix64(state: 17)
        for type: UInt8 in [1, 5, 7, 18] {
            for version: UInt8 in [2, 5, 11, 14, 16, 17] {
                var bytes = rng.bytes(4096 * 3)
                bytes[0] = type
                bytes[2] = version
                do { _ = try NewareNDC.parse(Data(bytes), name: "r.ndc", path: "r.ndax") } catch is InterphaseError {} catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        var short = rng.bytes(4096 + 1000)
        short[0] = 1
        short[2] = 14
        #expect(throws: InterphaseError.self) { try NewareNDC.parse(Data(short), name: "data.ndc", path: "r.ndax") }
    }

    // Oracle: NewareNDA.utils._generate_cycle_number on the same status sequences (values pasted from
    // running it): a cycle starts at a CC/CCCV/CP charge run once a discharge or SIM has been seen;
    // CV_Chg and CPCV_Chg never start one.
    @Test func cycleNumberingMatchesNewareNDA() {
        let short: [UInt8] = [4, 1, 3, 2, 4, 7, 2, 17, 1, 1]
        #expect(NewareStatus.generateCycles(short) == [1, 1, 1, 1, 1, 2, 2, 2, 3, 3])
        let long: [UInt8] = [4, 1, 3, 2, 4, 7, 2, 17, 1, 1, 19, 20, 3, 27, 26, 9, 8, 13, 1]
        #expect(NewareStatus.generateCycles(long) == [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5])
    }
}

@Suite struct NDAXDamagedMetadataTests {
    /// A damaged TestInfo.xml is said in the warnings rather than dropped in silence; the data still read
    /// (the archive is the bundled test.ndax with that one member replaced).
    @Test func unreadableMetadataIsAWarning() throws {
        let source = try ZipArchive(Fixtures.cycler("neware/test.ndax"))
        var files: [(String, Data)] = []
        for name in source.entryNames {
            let data = try #require(try source.data(name))
            files.append((name, name == "TestInfo.xml" ? Data("<?xml version=\"1.0\"?><TestInfo><Chan".utf8) : data))
        }
        let url = Fixtures.temporaryDirectory("ndax").appendingPathComponent("damaged.ndax")
        try StoredArchives.zip(files).write(to: url)
        let recording = try RecordingLoader.load(url)
        #expect(recording.count == 1464)
        #expect(recording.metadata.warnings.contains { $0.hasPrefix("TestInfo.xml in the archive is not readable XML") })
    }
}
