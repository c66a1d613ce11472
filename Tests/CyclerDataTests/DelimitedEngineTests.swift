import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Known-answer tests of the shared delimited-text engine (`DelimitedText`, `NumberParsing`,
/// `ColumnAliases`, `RecordingAssembly`, `StepCounters`, `ColumnMapping`).
///
/// Oracle: the values written into each synthetic file by the test itself. Numbers are written with few
/// digits, so the expected SI value is the written number times the unit factor, computed here by the same
/// one multiplication (exact equality, or rel 1e-15 where a factor like 1/3600 is involved).
@Suite struct DelimitedEngineTests {
    static func write(_ text: String, _ name: String, bytes: [UInt8] = []) throws -> URL {
        let dir = Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try Data(bytes + Array(text.utf8)).write(to: url)
        return url
    }

    static func load(_ text: String, _ name: String = "synthetic.csv", bytes: [UInt8] = [],
                     _ options: ReadOptions = ReadOptions()) throws -> Recording {
        try RecordingLoader.load(try write(text, name, bytes: bytes), options: options)
    }

    /// Header aliases with units in parentheses, brackets and after a slash; comma delimiter.
    @Test func unitsFromHeaders() throws {
        let rec = try Self.load("""
            Time(h),Voltage/mV,Current(mA),Step,Cycle,Temperature(°C)
            0,3000,1.5,1,1,25
            0.5,3100,1.5,1,1,25.5
            1.0,3050,-2,2,1,26

            """)
        #expect(rec.metadata.format == .delimitedText)
        let hours: [Double] = [0, 0.5, 1.0], millivolts: [Double] = [3000, 3100, 3050], milliamps: [Double] = [1.5, 1.5, -2]
        #expect(rec.time == hours.map { $0 * 3600 })
        #expect(rec.voltage == millivolts.map { $0 * 1e-3 })
        #expect(rec.current == milliamps.map { $0 * 1e-3 })
        #expect(rec.stepIndex == [1, 1, 2])
        let celsius: [Double] = [25, 25.5, 26]
        #expect(rec.temperature == celsius.map { $0 + 273.15 })
        // No capacity columns: counters integrate the current per step (trapezoid), Ah.
        #expect(isClose(rec.chargeCapacity?[1] ?? .nan, 1.5e-3 * 1800 / 3600, rel: 1e-15))
        #expect(rec.chargeCapacity?[2] == 0 && rec.dischargeCapacity?[2] == 0) // new step restarts
    }

    /// `Current [uA]` (brackets, micro), tab delimiter, CRLF line endings, a UTF-8 byte-order mark.
    @Test func bracketsTabsCRLFAndBOM() throws {
        let rec = try Self.load("Time [s]\tVoltage [V]\tCurrent [uA]\r\n0\t3.5\t250\r\n1\t3.6\t-250\r\n",
                                "tabs.txt", bytes: [0xEF, 0xBB, 0xBF])
        #expect(rec.time == [0, 1])
        #expect(rec.voltage == [3.5, 3.6])
        #expect(rec.current == [250 * 1e-6, -250 * 1e-6])
    }

    /// Semicolon delimiter with decimal commas; quoted fields (Excel's CSV), µA spelled with the micro sign.
    @Test func semicolonsDecimalCommaAndQuotes() throws {
        let rec = try Self.load("""
            "Time(s)";"Voltage(V)";"Current(µA)";"Capacity(mAh)"
            "0,0";"3,25";"12,5";"0,0"
            "10,5";"3,5";"12,5";"0,25"

            """, "semicolon.csv")
        #expect(rec.time == [0, 10.5])
        #expect(rec.voltage == [3.25, 3.5])
        #expect(rec.current == [12.5 * 1e-6, 12.5 * 1e-6])
        #expect(rec.chargeCapacity == [0, 0.25 * 1e-3])
    }

    /// RFC 4180 quoting: a delimiter inside "…" belongs to the field (a comment column before the data,
    /// a header with a comma), and numbers with a decimal comma quoted in a comma-separated file
    /// (Excel in a decimal-comma locale).
    @Test func quotedDelimiters() throws {
        let rec = try Self.load("""
            Comment,Time(s),Voltage(V),Current(mA),"Note, free text"
            "start, rest",0,3.0,1,"a, b"
            "",1,3.1,1,x

            """, "quoted.csv")
        #expect(rec.time == [0, 1])
        #expect(rec.voltage == [3.0, 3.1])
        #expect(rec.current == [1e-3, 1e-3])
        let comma = try Self.load("""
            "Time(s)","Voltage(V)","Current(mA)"
            "0,5","3,25","1,5"
            "1,5","3,5","-1,5"

            """, "quotedcomma.csv")
        #expect(comma.time == [0.5, 1.5])
        #expect(comma.voltage == [3.25, 3.5])
        #expect(comma.current == [1.5e-3, -1.5e-3])
    }

    /// Maccor-style durations `Nd HH:MM:SS.f` and LAND-style `D-HH:MM:SS` in the time column.
    @Test func durations() throws {
        let rec = try Self.load("""
            TestTime\tVolts\tAmps
            0d 00:00:00.0\t3.0\t0
            1d 02:03:04.5\t3.1\t0
            2-00:00:01\t3.2\t0

            """, "durations.txt")
        let expected: [Double] = [0, 93784.5, 172801] // 1 d 2 h 3 min 4.5 s; 2 d 1 s
        #expect(rec.time == expected)
        #expect(NumberParsing.parseDuration("12:30") == 750)
        // A duration format as the header's unit (Neware's "Relative Time(h:min:s.ms)"), by alias and mapped.
        let text = """
            Relative Time(h:min:s.ms),Voltage(V),Current(mA)
            0:00:00.000,3.0,1
            0:00:10.500,3.1,1

            """
        #expect(try Self.load(text, "neware.csv").time == [0, 10.5])
        let mapping = try ColumnMapping(parsing: "time=Relative Time(h:min:s.ms),voltage=Voltage(V),current=Current(mA)")
        #expect(mapping.entries[.time] == ColumnMapping.Entry(column: "Relative Time(h:min:s.ms)", unit: nil))
        #expect(try Self.load(text, "neware2.csv", ReadOptions(columnMapping: mapping)).time == [0, 10.5])
        #expect(NumberParsing.parseDuration("abc") == nil)
    }

    /// `--columns` mapping: names that no alias knows, units given after a colon, and its errors.
    @Test func columnMapping() throws {
        let mapping = try ColumnMapping(parsing: "time=Zeit:min,voltage=Spannung:mV,current=Strom:mA,step=Schritt")
        #expect(mapping.entries[.time] == ColumnMapping.Entry(column: "Zeit", unit: "min"))
        let rec = try Self.load("""
            Zeit,Spannung,Strom,Schritt
            0,3000,1,1
            2,3001,1,1

            """, "mapped.csv", ReadOptions(columnMapping: mapping))
        #expect(rec.time == [0, 2 * 60])
        #expect(rec.voltage == [3000 * 1e-3, 3001 * 1e-3])
        #expect(rec.current == [1e-3, 1e-3])

        // Unknown quantity: invalidParameter naming --columns and the quantity.
        do {
            _ = try ColumnMapping(parsing: "time=t,voltage=v,current=i,colour=c")
            Issue.record("accepted an unknown quantity")
        } catch let error as InterphaseError {
            #expect(error.kind == .invalidParameter)
            #expect(error.parameter == "--columns")
            #expect(error.description.contains("colour"))
        }
        // Missing required quantity.
        #expect(throws: InterphaseError.self) { try ColumnMapping(parsing: "time=t,voltage=v") }
        // A mapped column the file lacks: missingColumn naming the column and the file.
        let url = try Self.write("Zeit,Spannung\n0,3\n", "short.csv")
        do {
            _ = try RecordingLoader.load(url, options: ReadOptions(columnMapping: mapping))
            Issue.record("accepted a mapping naming absent columns")
        } catch let error as InterphaseError {
            #expect(error.kind == .missingColumn)
            #expect(error.file == url.path)
            #expect(error.description.contains("Strom"))
        }
    }

    /// `StepCounters.perStep`: a counter cumulative over the whole test restarts at each step; a counter
    /// the instrument already resets per step is kept; negative (discharge-signed) counters become
    /// magnitudes; empty cells repeat the previous value.
    @Test func perStepCounters() {
        let steps: [Int32] = [1, 1, 2, 2, 2, 3, 3]
        // Cumulative over the test: 0, 1 | 1.5, 2, 3 | 3, 4
        #expect(StepCounters.perStep([0, 1, 1.5, 2, 3, 3, 4], steps: steps) == [0, 1, 0.5, 1, 2, 0, 1])
        // Reset per step by the instrument.
        #expect(StepCounters.perStep([0, 1, 0.5, 1, 2, 0, 1], steps: steps) == [0, 1, 0.5, 1, 2, 0, 1])
        // Signed negative (discharge counted negative) and an empty cell.
        #expect(StepCounters.perStep([0, -1, -0.5, .nan, -2, 0, -1], steps: steps) == [0, 1, 0.5, 0.5, 2, 0, 1])
        // Split by sign of each step's current.
        let (c, d) = StepCounters.splitBySign([0, 1, 0.5, 1, 2, 0, 1], current: [1, 1, -1, -1, -1, 0, 0], steps: steps)
        #expect(c == [0, 1, 0, 0, 0, 0, 0])
        #expect(d == [0, 0, 0.5, 1, 2, 0, 0])
    }

    /// Reading a cumulative counter from a file: the Arbin-style Charge_Capacity runs on over steps and the
    /// recording restarts it at every step.
    @Test func cumulativeCounterFromFile() throws {
        let rec = try Self.load("""
            Test_Time(s),Voltage(V),Current(A),Step_Index,Charge_Capacity(Ah),Discharge_Capacity(Ah)
            0,3.0,1,1,0,0
            3600,3.5,1,1,1,0
            3600,3.5,0,2,1,0
            7200,3.4,-1,3,1,0
            10800,3.0,-1,3,1,1

            """)
        #expect(rec.chargeCapacity == [0, 1, 0, 0, 0])
        #expect(rec.dischargeCapacity == [0, 0, 0, 0, 1])
    }
}
