import CyclingOutput
import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import InterphasePlot
import InterphaseReport
import Reproduction
import Testing
import _InterphaseTestSupport

/// Li‖Cu cycles whose capacities are known by construction: plating 1/3 h at 1.131 mA = 0.377 mAh, a
/// number with more digits than cycles.csv writes (5 decimals).
private func lithiumCopper(cycles: Int = 3) throws -> CyclingAnalysis {
    var b = SyntheticRecording(dt: 4)
    let current = 1.131e-3, hours = 1.0 / 3
    for _ in 0..<cycles {
        b.add(.init(current: -current, duration: hours * 3600) { _ in -0.030 })
        let duration = 0.9 * hours * 3600
        b.add(.init(current: current, duration: duration) { t in t > 0.95 * duration ? 0.020 + (t - 0.95 * duration) / (0.05 * duration) : 0.020 })
    }
    var options = CyclingOptions()
    options.cellType = .lithiumCopper
    return try CyclingAnalysis(recording: b.build(area: 1.131e-4), options: options)
}

@Suite struct CyclingSummaryTests {
    /// Numbers stay numbers: summary.json's rows carry the computed values at full precision (oracle:
    /// the construction, 1.131 mA × 1/3 h), cycles.csv the same values at its column's decimals.
    @Test func jsonKeepsFullPrecisionCSVItsDecimals() throws {
        let analysis = try lithiumCopper()
        let expected = 1.131 / 3 // mAh
        let row = try #require(analysis.summaryJSON["cycles"]?.arrayValue?.first)
        let json = try #require(row["plating_capacity_mAh"]?.doubleValue)
        #expect(isClose(json, expected, rel: 1e-12))
        #expect(row["index"] == .integer(1))
        let csv = analysis.cycleTable
        let column = try #require(csv.header.firstIndex(of: "plating_capacity_mAh"))
        #expect(csv.rows[0][column] == formatNumber(expected, decimals: 5))
        #expect(csv.rows[0][column] == "0.37700")
        // Every row and column agree between the two renderings of the one table.
        let table = analysis.cycleResults
        let rows = try #require(analysis.summaryJSON["cycles"]?.arrayValue)
        #expect(rows.count == table.rows.count)
        for (k, cells) in table.rows.enumerated() {
            for (column, cell) in zip(table.columns, cells) {
                if case let .number(value) = cell, let value, value.isFinite {
                    #expect(rows[k][column.name]?.doubleValue == value, "\(column.name) row \(k)")
                    #expect(csv.rows[k][csv.header.firstIndex(of: column.name)!] == formatNumber(value, decimals: column.decimals))
                }
            }
        }
    }

    /// Every registered cell type has a presentation: forced on one recording, each gives a summary, a
    /// table with rows, and figures.
    @Test func everyCellTypeIsPresented() throws {
        var b = SyntheticRecording(dt: 20)
        for _ in 0..<4 {
            b.add(.init(current: 1e-3, duration: 3600) { 3.4 + 0.5 * $0 / 3600 })
            b.add(.init(current: -1e-3, duration: 3600) { 3.9 - 0.5 * $0 / 3600 })
        }
        let recording = b.build(area: 1e-4, mass: 5e-6)
        for type in CellType.all {
            var options = CyclingOptions()
            options.cellType = type
            options.dqdvWindow = 5
            let analysis = try CyclingAnalysis(recording: recording, options: options)
            #expect(analysis.presentation != nil, "\(type)")
            #expect(!analysis.cycleResults.rows.isEmpty, "\(type)")
            #expect(analysis.summaryObject["cycle_count"] != nil, "\(type)")
            #expect(!CyclingFigures.figures(for: analysis).isEmpty, "\(type)")
            #expect(analysis.summaryJSON["cell_type"] == .string(type.rawValue))
        }
    }

    /// `cycling --out` writes the tables, the figures and summary.json (last), all readable.
    @Test func filesWrittenTogether() throws {
        let directory = Fixtures.temporaryDirectory("cycling-files")
        defer { try? FileManager.default.removeItem(at: directory) }
        let analysis = try lithiumCopper()
        try CyclingFiles.write(analysis, to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.contains("cycles.csv") && names.contains("summary.json"))
        #expect(names.contains("ce_vs_cycle.svg") && names.contains("ce_vs_cycle.png"))
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(summary["summary"]?["cycle_count"]?.doubleValue == 3)
    }
}

/// The report infrastructure on sections made for the test.
@Suite struct ReportTests {
    struct Good: ReportSection {
        let id = "good"
        let title = "A good section"
        func build(_ context: ReportContext) throws -> SectionResult {
            var table = TextTable(header: ["x", "y"])
            table.append(["1", "<2>"])
            var axes = Axes(x: Axis("x"), y: Axis("y"))
            axes.add(.line([0, 1], [0, 1], color: .black))
            return SectionResult(blocks: [.heading("Heading"), .paragraph("text & more"), .table(table, caption: "T"),
                                          .figure(name: "line", figure: Figure(width: 3, height: 2, panels: [axes]), caption: "F")],
                                 summary: .object([("value", .number(0.1))]))
        }
    }

    struct Failing: ReportSection {
        let id = "failing"
        let title = "A failing section"
        func build(_ context: ReportContext) throws -> SectionResult { throw InterphaseError(.invalidData, "no data here") }
    }

    /// A failing section is shown as failed and makes the run throw, after the good one and the files
    /// are written; HTML text is escaped; figures land under figures/ with the section's id.
    @Test func failingSectionDoesNotHideTheOthers() throws {
        let directory = Fixtures.temporaryDirectory("report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = Report(title: "Test report", sections: [Good(), Failing()])
        let error = expectInterphaseError(.output) {
            try report.run(ReportContext(dataDirectory: directory, quiet: true), to: directory)
        }
        #expect(error?.message.contains("report section 'failing' failed") == true)
        let html = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("text &amp; more") && html.contains("&lt;2&gt;"))
        #expect(html.contains("This section failed") && html.contains("no data here"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("figures/good_line.svg").path))
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(summary["sections"]?["good"]?["value"]?.doubleValue == 0.1)
        #expect(summary["sections"]?["failing"]?["error"]?.stringValue?.contains("no data here") == true)
    }
}

@Suite struct ReproductionRegistryTests {
    /// The registry lists each engine's section once, with distinct ids (the keys of summary.json).
    @Test func sectionsHaveDistinctIds() {
        let ids = ReproductionSections.all.map(\.id)
        #expect(ids.contains("cycling"))
        #expect(Set(ids).count == ids.count)
    }
}

@Suite struct CyclingFigureTests {
    /// The voltage–capacity profiles show about ten cycles, the first and the last among them, so the
    /// colour bar spans the whole test (it used to stop at the last multiple of the stride).
    @Test func profilesIncludeTheLastCycle() throws {
        var b = SyntheticRecording(dt: 60)
        for _ in 0..<37 {
            b.add(.init(current: 1e-3, duration: 3600) { 3.4 + 0.5 * $0 / 3600 })
            b.add(.init(current: -1e-3, duration: 3600) { 3.9 - 0.5 * $0 / 3600 })
        }
        var options = CyclingOptions()
        options.cellType = .full
        options.dqdvWindow = 5
        let analysis = try CyclingAnalysis(recording: b.build(), options: options)
        let figure = try #require(CyclingFigures.figures(for: analysis).first { $0.0 == "voltage_capacity_profiles" }?.1)
        let labels = try #require(figure.panels.first?.colorbar?.labels)
        #expect(labels.first == "1")
        #expect(labels.last == "37")
        #expect(labels.count <= 12)
    }
}
