import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

@Suite struct InterphaseErrorTests {
    @Test func descriptionNamesFileLineColumnAndExpectation() {
        let e = InterphaseError(.malformed, "expected a number, found \"n/a\"", file: "cells.csv", line: 41, column: "Current(mA)")
        #expect(e.description == "cells.csv:41: column 'Current(mA)': expected a number, found \"n/a\"")
        let r = InterphaseError(.malformed, "file ends inside a record", file: "run.nda", line: 7, lineLabel: "record", expected: "a complete file")
        #expect(r.description == "run.nda (record 7): file ends inside a record (expected a complete file)")
        let p = InterphaseError(.invalidParameter, "must be positive", parameter: "--area-cm2")
        #expect(p.description == "parameter --area-cm2: must be positive")
    }
}

@Suite struct JSONValueTests {
    /// Oracle: Foundation's JSONSerialization reads back what we render (round trip), keys keep their order.
    @Test func renderAndParseRoundTrip() throws {
        let value = JSONValue.object([
            ("b", .number(0.1)), ("a", .integer(3)), ("nan", .number(.nan)), ("text", .string("µ \"q\"\n")),
            ("list", .array([.number(1.5), .null, .bool(true)])),
        ])
        let text = value.rendered()
        #expect(text.range(of: "\"b\"")!.lowerBound < text.range(of: "\"a\"")!.lowerBound)
        let parsed = try JSONValue.parse(Data(text.utf8))
        #expect(parsed["b"]?.doubleValue == 0.1)
        #expect(parsed["a"]?.doubleValue == 3)
        #expect(parsed["nan"] == .null)
        #expect(parsed["text"]?.stringValue == "µ \"q\"\n")
        #expect(parsed["list"]?.arrayValue?.count == 3)
    }
}

@Suite struct OutputTests {
    @Test func atomicWriteLeavesNoTemporaryAndReplaces() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("sub/summary.json")
        try AtomicFile.write("one", to: url)
        try AtomicFile.write("two", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["summary.json"])
    }

    /// A stream that fails half way leaves the destination untouched and no temporary file behind.
    @Test func failedStreamLeavesNothing() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cycles.csv")
        #expect(throws: InterphaseError.self) {
            try AtomicFile.withStream(to: url) { writer in
                try writer.write("a,b\n")
                throw InterphaseError(.output, "interrupted")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func outDirectoryThatIsAFileIsAnError() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("f")
        try AtomicFile.write("x", to: file)
        let error = expectInterphaseError(.output) { try OutputDirectory.create(file) }
        #expect(error?.description.contains("not a directory") == true)
    }

    @Test func tableRendersCSVWithQuotingAndAlignedText() {
        var table = TextTable(header: ["name", "value_mV"])
        table.append(["a, b", "1.50"])
        table.append(["say \"hi\"", "−2.00"])
        #expect(table.renderedCSV() == "name,value_mV\n\"a, b\",1.50\n\"say \"\"hi\"\"\",−2.00\n")
        let lines = table.renderedText().split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2].hasSuffix(" 1.50"))
    }
}

@Suite struct FormatNumberTests {
    /// Oracle: printf's %.Nf (String(format:)) on values away from exact decimal ties — except that a
    /// value rounding to zero is written "0.00", not printf's "-0.00".
    @Test func matchesPrintf() {
        func printf(_ value: Double, _ decimals: Int) -> String {
            let text = String(format: "%.\(decimals)f", value)
            return text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : text
        }
        var generator = SplitMix64(state: 99)
        for _ in 0..<2000 {
            let magnitude = pow(10, Double(generator.next() % 12) - 6)
            let value = (Double(generator.next() % 2_000_000) / 1_000_000 - 1) * magnitude
            for decimals in [0, 1, 2, 3, 4, 6] {
                #expect(formatNumber(value, decimals: decimals) == printf(value, decimals), "\(value) \(decimals)")
            }
        }
        #expect(formatNumber(nil, decimals: 2) == "")
        #expect(formatNumber(.nan, decimals: 2) == "")
        #expect(formatNumber(-0.004, decimals: 2) == "0.00")
        #expect(formatNumber(-1.5, decimals: 0) == "-2") // half to even, as printf
    }
}

@Suite struct TextTableAlignmentTests {
    /// Numbers are right-aligned; names that start with a minus (`-Im(Z)/Ohm`) are text, left-aligned.
    @Test func namesStartingWithMinusAreText() {
        var table = TextTable(header: ["column", "min"])
        table.append(["-Im(Z)/Ohm", "-3.5"])
        table.append(["freq/Hz", "1000"])
        let lines = table.renderedText().split(separator: "\n")
        #expect(lines[2].hasPrefix("-Im(Z)/Ohm"))
        #expect(lines[3].hasPrefix("freq/Hz   "))
        #expect(lines[2].hasSuffix("-3.5"))
        #expect(lines[3].hasSuffix("1000"))
    }
}

@Suite struct ExpectErrorTests {
    /// The helper records why it failed: no error, or an error of another kind.
    @Test func recordsWhyItFailed() {
        withKnownIssue { _ = expectInterphaseError(.malformed) { 42 } } matching: { $0.comments.contains { $0.rawValue.contains("no error was thrown") } }
        withKnownIssue {
            _ = expectInterphaseError(.malformed) { throw InterphaseError(.emptyInput, "nothing") }
        } matching: { $0.comments.contains { $0.rawValue.contains("got kind") && $0.rawValue.contains("nothing") } }
        #expect(expectInterphaseError(.emptyInput) { throw InterphaseError(.emptyInput, "nothing") }?.message == "nothing")
    }
}

@Suite struct ResultTableTests {
    /// The same table as values: text with each column's decimals, CSV bytes equal to the text table's
    /// CSV, JSON at full precision with no value as null.
    @Test func oneTableThreeRenderings() throws {
        var table = ResultTable(columns: [.init("index"), .init("q_mAh", decimals: 3), .init("note")])
        table.append([.integer(1), .number(1.0 / 3), .text("a, b")])
        table.append([.integer(2), .number(nil), .text("x")])
        table.append([.integer(3), .number(-0.0004), .text("y")])
        let text = table.textTable()
        #expect(text.rows[0] == ["1", "0.333", "a, b"])
        #expect(text.rows[1][1] == "")
        #expect(text.rows[2][1] == "0.000" || text.rows[2][1] == "-0.000")
        #expect(String(decoding: table.renderedCSV(), as: UTF8.self) == text.renderedCSV())
        let rows = table.jsonRows()
        #expect(rows[0]["q_mAh"]?.doubleValue == 1.0 / 3)
        #expect(rows[1]["q_mAh"] == .null)
        #expect(rows[0]["index"] == .integer(1))
        // Kept as a table inside a document, it renders the values of the array of its row objects (one row
        // per line).
        let direct = JSONValue.object([("cycles", .table(table)), ("n", .integer(3))])
        let expanded = JSONValue.object([("cycles", .array(rows)), ("n", .integer(3))])
        #expect(try JSONValue.parse(Data(direct.rendered().utf8)) == JSONValue.parse(Data(expanded.rendered().utf8)))
        #expect(direct.rendered().contains("{\"index\": 1, \"q_mAh\": "))
        #expect(direct == expanded)
        #expect(JSONValue.table(ResultTable(columns: [.init("x")])).rendered() == "[]")
    }
}
