import CyclerData
import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// The two-core column parser (a file is cut at line breaks into ~64 chunks, parsed on both cores).
/// Oracle: values written by the test with known decimal text, so the parsed doubles must equal the
/// literals exactly; line numbers counted by the test.
@Suite struct ParallelParserTests {
    static func write(rows: Int, blankEvery: Int = 0, shortAt: Int? = nil, cutLast: Bool = false) throws -> URL {
        var text = "Time(s),Voltage(V),Current(mA),Step_Index,Cycle_Index\n"
        text.reserveCapacity(rows * 40)
        for i in 0..<rows {
            if blankEvery > 0 && i > 0 && i % blankEvery == 0 { text += "\n" }
            let voltage = 3.0 + Double(i % 1000) / 1000
            if let shortAt, i == shortAt { text += "\(i).5,\(voltage)\n"; continue }
            text += "\(i).5,\(voltage),\(i % 2 == 0 ? "1.25" : "-1.25"),\(i / 100 + 1),\(i / 1000 + 1)\n"
        }
        if cutLast { text += "\(rows).5,3.1" }
        let url = Fixtures.temporaryDirectory("parallel").appendingPathComponent("big.csv")
        try AtomicFile.write(text, to: url)
        return url
    }

    @Test func largeFileMatchesLiteralsAcrossTheSplit() throws {
        let rows = 120_000 // ~3.5 MB: ~64 chunks of ~55 KB
        let url = try ParallelParserTests.write(rows: rows, blankEvery: 7919)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let r = try RecordingLoader.load(url)
        #expect(r.count == rows)
        for i in [0, 1, 59_999, 60_000, 60_001, 99_999, rows - 1] {
            #expect(r.time[i] == Double("\(i).5")!)
            #expect(r.voltage[i] == 3.0 + Double(i % 1000) / 1000 || r.voltage[i] == Double("\(3.0 + Double(i % 1000) / 1000)")!)
            #expect(r.current[i] == (i % 2 == 0 ? 1.25e-3 : -1.25e-3))
            #expect(r.stepIndex[i] == Int32(i / 100 + 1))
            #expect(r.cycleIndex[i] == Int32(i / 1000 + 1))
        }
    }

    @Test func shortRowInALaterChunkNamesItsLine() throws {
        let url = try ParallelParserTests.write(rows: 120_000, blankEvery: 10_000, shortAt: 100_000)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let error = expectInterphaseError(.malformed) { try RecordingLoader.load(url) }
        // Line = header (1) + rows before it (100,000) + blank lines before it (at rows 10,000 … 100,000: 10) + 1.
        #expect(error?.line == 1 + 100_000 + 10 + 1, "\(String(describing: error))")
    }

    @Test func cutLastLineIsDroppedWithAWarning() throws {
        let url = try ParallelParserTests.write(rows: 120_000, cutLast: true)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let r = try RecordingLoader.load(url)
        #expect(r.count == 120_000)
        #expect(r.metadata.warnings.contains { $0.contains("line 120002") })
    }
}

extension ParallelParserTests {
    /// CRLF line ends with a duration in the last column and a blank CRLF line (known answers).
    @Test func crlfDurationsAndBlankLines() throws {
        let text = "Voltage(V),Current(A),Time\r\n3.1,0.5,0d 00:00:01.5\r\n\r\n3.2,-0.5,0d 00:01:00\r\n"
        let url = Fixtures.temporaryDirectory("crlf").appendingPathComponent("crlf.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try AtomicFile.write(text, to: url)
        let r = try RecordingLoader.load(url)
        #expect(r.time == [1.5, 60])
        #expect(r.voltage == [3.1, 3.2])
        #expect(r.current == [0.5, -0.5])
        // The same with a state column, which the line-by-line path reads (it used to keep the CR in the
        // last field, so the duration there became NaN).
        let withState = "State,Voltage(V),Current(A),Time\r\nC,3.1,0.5,0d 00:00:01.5\r\n\r\nD,3.2,-0.5,0d 00:01:00\r\n"
        try AtomicFile.write(withState, to: url)
        let s = try RecordingLoader.load(url)
        #expect(s.time == [1.5, 60])
        #expect(s.current == [0.5, -0.5])
    }
}

extension ParallelParserTests {
    /// Step and cycle indices are stored as integers while parsing: an empty cell repeats the row before
    /// (also across chunk boundaries), a column empty throughout is absent (every row is cycle 1), and a
    /// value that is not an integer, in a later chunk, is an error naming its line and column.
    /// Oracle: the values and line numbers the test writes.
    @Test func integerColumnsAcrossChunks() throws {
        let rows = 120_000
        var text = "Time(s),Voltage(V),Current(mA),Step_Index,Cycle_Index\n"
        text.reserveCapacity(rows * 30)
        for i in 0..<rows { text += "\(i),3.5,\(i / 100 % 2 == 0 ? 1 : -1),\(i % 7 == 3 ? "" : String(i / 100 + 1)),\n" }
        let url = Fixtures.temporaryDirectory("integers").appendingPathComponent("steps.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try AtomicFile.write(text, to: url)
        let r = try RecordingLoader.load(url)
        #expect(r.count == rows)
        var expected: Int32 = 0
        var mismatches = 0
        for i in 0..<rows {
            if i % 7 != 3 { expected = Int32(i / 100 + 1) }
            if r.stepIndex[i] != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(r.cycleIndex.allSatisfy { $0 == 1 })

        var bad = "Time(s),Voltage(V),Current(mA),Step_Index,Cycle_Index\n"
        for i in 0..<rows { bad += "\(i),3.5,1,1,\(i == 100_000 ? "2.5" : "2")\n" }
        try AtomicFile.write(bad, to: url)
        let error = expectInterphaseError(.invalidData) { try RecordingLoader.load(url) }
        #expect(error?.line == 1 + 100_000 + 1, "\(String(describing: error))")
        #expect(error?.column == "cycle")
    }
}

@Suite struct FastNumberTests {
    /// Oracle: strtod (Foundation's Double(String)) on random decimal texts of 1–17 significant digits,
    /// with and without exponents and signs, in comma- and tab-separated files read by the fast path.
    @Test func fastPathEqualsStrtod() throws {
        var generator = SplitMix64(state: 2026)
        var texts: [String] = []
        for _ in 0..<20_000 {
            let integerDigits = Int(generator.next() % 7)
            let fractionDigits = Int(generator.next() % 11)
            var text = generator.next() % 3 == 0 ? "-" : ""
            text += integerDigits == 0 ? "0" : String((0..<integerDigits).map { _ in Character(String(generator.next() % 10)) })
            if fractionDigits > 0 { text += "." + String((0..<fractionDigits).map { _ in Character(String(generator.next() % 10)) }) }
            if generator.next() % 5 == 0 { text += "E" + (generator.next() % 2 == 0 ? "-" : "+") + String(generator.next() % 25) }
            texts.append(text)
        }
        for delimiter in [",", "\t"] {
            var csv = "Time(s)\(delimiter)Voltage(V)\(delimiter)Current(A)\n"
            for (k, text) in texts.enumerated() { csv += "\(k)\(delimiter)\(text)\(delimiter)1\n" }
            let url = Fixtures.temporaryDirectory("numbers").appendingPathComponent("n.csv")
            defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
            try AtomicFile.write(csv, to: url)
            let r = try RecordingLoader.load(url)
            for (k, text) in texts.enumerated() {
                #expect(r.voltage[k] == Double(text)!, "\(text)")
            }
        }
    }
}
