import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// The chunked two-core parser (`readNumericColumns`) against the line-by-line general parser
/// (`readColumns` with line numbers kept, which takes the other path) on randomly generated tables.
/// Oracle: the general parser, whose numbers equal `strtod`'s; both must give the same bits for every
/// cell (NaN for empty or non-numeric ones), the same row count and the same dropped last line.
/// The tables mix what instrument exports contain: plain, signed and exponent numbers, long mantissas,
/// decimal commas with a semicolon delimiter, quoted fields, blanks around numbers, empty cells,
/// durations, blank lines, CR LF line ends, a header preamble, and a last line cut short.
@Suite struct ParserDifferentialTests {
    static func randomField(_ g: inout SplitMix64, comma: Bool) -> String {
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(g.next() % 10)) }) }
        let point = comma ? "," : "."
        switch g.next() % 16 {
        case 0: return ""
        case 1: return " " + digits(2) + point + digits(3) + " "
        case 2: return "\"" + digits(1) + point + digits(4) + "\""
        case 3: return "-" + digits(1) + point + digits(6) + "E-0" + digits(1)
        case 4: return digits(9) + point + digits(12)  // more than 18 digits: the general path
        case 5: return "0d 0" + digits(1) + ":" + String(g.next() % 60 + 10) + ":" + digits(2) + point + "5"
        case 6: return "n/a"
        case 7: return "+" + digits(3)
        case 8: return digits(8) + digits(2)  // 10-digit integer: past the first 8-byte run
        default: return (g.next() % 3 == 0 ? "-" : "") + digits(Int(g.next() % 5) + 1) + point + digits(Int(g.next() % 9))
        }
    }

    static func table(seed: UInt64, rows: Int, comma: Bool) -> String {
        var g = SplitMix64(state: seed)
        let delimiter = comma ? ";" : (g.next() % 2 == 0 ? "," : "\t")
        let crlf = g.next() % 2 == 0
        let newline = crlf ? "\r\n" : "\n"
        var text = "exported by a test" + newline + ["Time(s)", "Voltage(V)", "Current(mA)", "Step", "Extra"].joined(separator: delimiter) + newline
        for r in 0..<rows {
            if g.next() % 97 == 0 { text += newline }
            text += (0..<5).map { k in k == 0 ? String(r) : randomField(&g, comma: comma) }.joined(separator: delimiter) + newline
        }
        // A last line cut off inside its third field.
        text += String(rows) + delimiter + "3" + (comma ? "," : ".") + "1" + delimiter + "0"
        return text
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, false), (5, true)])
    func chunkedParserEqualsLineParser(seed: UInt64, comma: Bool) throws {
        let rows = 40_000  // ~1 MB: about 16 chunks
        let url = Fixtures.temporaryDirectory("differential").appendingPathComponent("t\(seed).csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try AtomicFile.write(Self.table(seed: seed, rows: rows, comma: comma), to: url)
        let text = DelimitedText(url)
        let layout = try text.detectLayout(mapping: nil)
        if comma { #expect(layout.decimalComma) }
        let requests = (0..<5).map { DelimitedText.Request(index: $0, text: false) }
        let fast = try text.readNumericColumns(layout: layout, requests: requests, progress: nil)
        let general = try text.readColumns(layout: layout, requests: requests, keepLineNumbers: true, progress: nil)
        #expect(fast.rows == general.rows)
        #expect(fast.rows == rows)
        #expect(fast.droppedTruncatedLine == general.droppedTruncatedLine)
        #expect(fast.firstDataLine == general.firstDataLine)
        for k in 0..<5 {
            let a = try #require(fast.numbers[k]), b = try #require(general.numbers[k])
            #expect(a.count == b.count)
            let mismatches = zip(a, b).enumerated().filter { !($0.element.0.bitPattern == $0.element.1.bitPattern
                || ($0.element.0.isNaN && $0.element.1.isNaN)) }
            #expect(mismatches.isEmpty, "column \(k): first mismatch at row \(mismatches.first?.offset ?? -1): \(String(describing: mismatches.first?.element))")
        }
    }
}
