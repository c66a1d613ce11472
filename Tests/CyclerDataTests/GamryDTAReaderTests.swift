import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Gamry EXPLAIN `.DTA` files of DC techniques as recordings. Independent source: the files' own text
/// (values quoted below from `Data/voltammetry/cv_data.dta`, gamry-parser's CV fixture: CURVE1…CURVE5 of
/// 10 points each) and files written here with known fields; the impedance files of impedance.py's set
/// must not be claimed.
@Suite struct GamryDTAReaderTests {
    @Test func cyclicVoltammogramCurvesBecomeCycles() throws {
        let url = Fixtures.data("voltammetry/cv_data.dta")
        #expect(try RecordingLoader.detectFormat(url) == .gamryDTA)
        let r = try RecordingLoader.load(url)
        #expect(r.metadata.format == .gamryDTA)
        #expect(r.count == 50)
        #expect(r.cycleIndex == (1...5).flatMap { [Int32](repeating: Int32($0), count: 10) })
        #expect(r.stepIndex == r.cycleIndex)
        // CURVE1 row 0: T 0.1, Vf 4.9E-001, Im 7.80498E-009; CURVE5's last row: T 601.1, Vf 8.89001E-001, Im 2.62272E-007.
        #expect(r.time.first == 0.1 && r.voltage.first == 0.49 && r.current.first == 7.80498e-9)
        #expect(r.time.last == 601.1 && r.voltage.last == 0.889001 && r.current.last == 2.62272e-7)
        // CURVE2 starts at T 120.2 s, Vf 0.897987 V (the 11th point).
        #expect(r.time[10] == 120.2 && r.voltage[10] == 0.897987)
        #expect(r.stepKind.allSatisfy { $0 == .constantVoltage })
        let header = Dictionary(r.metadata.header.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(header["TAG"] == "CV" && header["SCANRATE"] == "1.23456E+000")
        #expect(header["VLIMIT1"] == "1.00000E-001" && header["VLIMIT2"] == "9.00000E-001")
        #expect(r.metadata.electrodeArea == nil) // the fixture has no AREA field
        #expect(r.metadata.startTime == Date(timeIntervalSince1970: 1_551_890_122)) // 3/6/2019 16:35:22, as UTC
        #expect(r.metadata.warnings.isEmpty)
    }

    @Test func impedanceFilesAreNotClaimed() throws {
        for name in ["impedance/exampleDataGamry.DTA", "impedance/exampleDataGamryABORT.DTA"] {
            let probe = try InstrumentFile.makeProbe(Fixtures.data(name))
            #expect(!GamryDTAReader.sniff(probe), "\(name)")
            #expect(try RecordingLoader.detectFormat(Fixtures.data(name)) != .gamryDTA)
        }
        var options = ReadOptions()
        options.format = .gamryDTA
        let error = expectInterphaseError(.unsupportedFormat) { try RecordingLoader.load(Fixtures.data("impedance/exampleDataGamry.DTA"), options: options) }
        #expect(error?.message.contains("impedance") == true)
    }

    static func write(_ text: String) throws -> URL {
        let url = Fixtures.temporaryDirectory("gamry").appendingPathComponent("sweep.DTA")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func polarisationCurveWithAreaAndRestartingTime() throws {
        let table = "\tPt\tT\tVf\tIm\tOver\n\t#\ts\tV vs. Ref.\tA\tbits\n"
        let text = "EXPLAIN\r\nTAG\tPOTENTIODYNAMIC\r\nAREA\tQUANT\t1.131\tSample &Area (cm^2)\r\nSCANRATE\tQUANT\t5\t&Scan Rate (mV/s)\r\n"
            + "CURVE\tTABLE\r\n" + table + "\t0\t0\t-0.2\t-1E-3\t...\n\t1\t1\t-0.195\t-9E-4\t...\n"
            + "CURVE2\tTABLE\n" + table + "\t0\t0.5\t-0.19\t-8E-4\t...\n"
        let url = try GamryDTAReaderTests.write(text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(GamryDTAReader.sniff(try InstrumentFile.makeProbe(url)))
        let r = try RecordingLoader.load(url)
        #expect(r.metadata.electrodeArea.map { isClose($0, 1.131e-4, rel: 1e-15) } == true)
        #expect(r.cycleIndex == [1, 1, 2])
        #expect(r.time == [0, 1, 1.5]) // CURVE2 restarted at 0.5 s: shifted by 1 s
        #expect(r.metadata.warnings.contains { $0.contains("CURVE2's time restarts") })
        #expect(r.current == [-1e-3, -9e-4, -8e-4])
    }

    @Test func missingColumnsAreNamed() throws {
        let text = "EXPLAIN\nTAG\tCV\nCURVE1\tTABLE\n\tPt\tT\tVf\n\t#\ts\tV vs. Ref.\n\t0\t0\t0.1\n"
        let url = try GamryDTAReaderTests.write(text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let error = expectInterphaseError(.missingColumn) { try RecordingLoader.load(url) }
        #expect(error?.column == "Im" && error?.file == url.path)
    }

    /// EC-Lab CVA exports, read by the BioLogic text reader (their cycle numbers are EC-Lab's).
    @Test func ecLabCVAExportsReadAsRecordings() throws {
        let pt = try RecordingLoader.load(Fixtures.cycler("biologic_mpt/Pt_poly_cv_CUT.mpt"))
        #expect(pt.count == 223 && Set(pt.cycleIndex) == [1, 2, 3, 4, 5])
        #expect(pt.current.first.map { isClose($0, -2.604324994466466e-6, rel: 1e-15) } == true) // <I>/mA in A
        let loop = try RecordingLoader.load(Fixtures.cycler("biologic_mpt/dataset_with_loop_01_02_CVA_DUSB0_C01.mpt"))
        #expect(loop.count == 154 && Set(loop.cycleIndex) == [1, 2])
    }
}
