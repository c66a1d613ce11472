import Foundation
import InstrumentIO
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// Gamry EXPLAIN files split into fields and tables. Independent source: the files themselves, as
/// impedance.py 1.7.1's `readGamry` and gamry-parser read them (ZCURVE data start 3 lines after the
/// table line; the aborted file's rows stop at `EXPERIMENTABORTED`).
@Suite struct GamryExplainTests {
    @Test func impedanceFileHasItsTablesAndFields() throws {
        let file = try GamryExplainFile.read(Fixtures.data("impedance/exampleDataGamry.DTA"))
        #expect(file.tag == "EISPOT")
        #expect(!file.aborted)
        #expect(file.field("VDC")?.number == -0.05)
        #expect(file.field("AREA")?.number == 1)
        #expect(file.notes == "-50mV +5.66X10^-4 D8")
        #expect(file.tables.map(\.name) == ["OCVCURVE", "ZCURVE"])
        let ocv = try #require(file.tables.first)
        #expect(ocv.announcedRows == 387 && ocv.rowCount == 387)
        let z = try #require(file.tables(named: "ZCURVE").first)
        #expect(z.columns.prefix(5).map(\.name) == ["Pt", "Time", "Freq", "Zreal", "Zimag"])
        #expect(z.column("freq")?.unit == "Hz")
        let freq = try #require(z.column("Freq")).values
        #expect(freq.first == 200015.6 && freq.count == z.rowCount)
        #expect(z.column("Zphz")?.unit == "°")
        #expect(ocv.column("Over")?.isNumeric == false)
    }

    @Test func abortedFileStopsAtTheMarker() throws {
        let file = try GamryExplainFile.read(Fixtures.data("impedance/exampleDataGamryABORT.DTA"))
        #expect(file.aborted)
        let z = try #require(file.tables(named: "ZCURVE").first)
        #expect(z.announcedRows == nil)
        #expect(z.rowCount == 172 - 97 - 3)
    }

    @Test func voltammogramHasNumberedCurves() throws {
        let file = try GamryExplainFile.read(Fixtures.data("voltammetry/cv_data.dta"))
        #expect(file.tag == "CV")
        #expect(file.tables(named: "CURVE").map(\.name) == ["CURVE1", "CURVE2", "CURVE3", "CURVE4", "CURVE5"])
        #expect(file.field("SCANRATE")?.number == 1.23456)
        #expect(file.tables(named: "CURVE").allSatisfy { $0.rowCount == 10 && $0.column("Im")?.unit == "A" })
    }

    @Test func damagedFilesAreNamedErrors() throws {
        _ = expectInterphaseError(.unsupportedFormat) { try GamryExplainFile.parse("TAG\tCV\n", path: "x.DTA") }
        _ = expectInterphaseError(.malformed) { try GamryExplainFile.parse("EXPLAIN\nZCURVE\tTABLE\n", path: "x.DTA") }
        _ = expectInterphaseError(.malformed) {
            try GamryExplainFile.parse("EXPLAIN\nCURVE\tTABLE\n\tPt\tT\n\t#\ts\n\t0\t1\t2\t3\n", path: "x.DTA")
        }
    }
}
