import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// Runs the built `interphase` executable as a user would and checks exit status, stdout and the one-line
/// error on stderr.
enum CLI {
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("interphase"),
            Bundle.main.bundleURL.appendingPathComponent("interphase"),
            Fixtures.root.appendingPathComponent(".build/debug/interphase"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

@Suite(.serialized) struct CLITests {
    @Test func readPrintsFormatAndColumns() throws {
        let r = try CLI.run(["read", "Data/cycler/neware/test.nda"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("neware-nda"))
        #expect(r.stdout.contains("rows:       439"))
        let json = try CLI.run(["read", "Data/cycler/neware/test.nda", "--format", "json"])
        let parsed = try JSONValue.parse(Data(json.stdout.utf8))
        #expect(parsed["rows"]?.doubleValue == 439)
    }

    @Test func readToCSVWritesTheNormalisedRecording() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["read", "Data/cycler/arbin/arbin_example.res", "--to", "csv", "--out", directory.path, "--quiet"])
        #expect(r.status == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("arbin_example.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("time_s,voltage_V,current_A,step_index,cycle_index,step_kind") == true)
        #expect(lines.count == 2151)
    }

    @Test func cyclingWritesSummaryCyclesAndFigures() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["cycling", "Data/cycler/neware/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax",
                             "--out", directory.path, "--format", "json", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        for name in ["summary.json", "cycles.csv", "dqdv.csv", "capacity_ce_vs_cycle.svg", "capacity_ce_vs_cycle.png",
                     "voltage_capacity_profiles.png", "dqdv.png"] {
            #expect(files.contains(name), "missing \(name)")
        }
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        for key in ["cell_type", "source", "cycles", "summary", "warnings"] { #expect(summary[key] != nil, "no \(key)") }
        #expect(summary["cell_type"]?.stringValue == "full")
        #expect(summary["source"]?["rows"]?.doubleValue == 77745)
    }

    /// Each bad input gives one clear line on stderr naming the file/parameter, and exit status 1.
    @Test func badInputsGiveOneClearError() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let textAsBinary = directory.appendingPathComponent("notes.mpr")
        try AtomicFile.write("time,voltage\n1,2\n", to: textAsBinary)
        let empty = directory.appendingPathComponent("empty.csv")
        try AtomicFile.write("", to: empty)
        let backwards = directory.appendingPathComponent("backwards.csv")
        try AtomicFile.write("Time(s),Voltage(V),Current(mA)\n0,3.0,1\n10,3.1,1\n5,3.2,1\n", to: backwards)
        let cases: [([String], [String])] = [
            (["read", "does-not-exist.csv"], ["does-not-exist.csv", "no such file"]),
            (["read", textAsBinary.path], ["notes.mpr", "extension says .mpr", "text"]),
            (["read", empty.path], ["empty.csv", "empty"]),
            (["read", backwards.path], ["backwards.csv", "record 3", "time goes backwards"]),
            (["cycling", "Data/cycler/neware/test.nda", "--area-cm2=-1"], ["--area-cm2", "positive"]),
            (["read", "Data/cycler/neware/test.nda", "--columns", "time=T,volts=V"], ["--columns", "unknown quantity 'volts'"]),
            // Every option-domain error names a flag the command has.
            (["cycling", "Data/cycler/neware/test.nda", "--plateau-exclusion", "0.7"], ["--plateau-exclusion", "[0, 0.5)"]),
            (["cycling", "Data/cycler/neware/test.nda", "--dqdv-step-mV", "0"], ["--dqdv-step-mV", "positive"]),
            (["cycling", "Data/cycler/neware/test.nda", "--dqdv-window", "4"], ["--dqdv-window", "odd"]),
            (["cycling", "Data/cycler/neware/test.nda", "--divergence-factor", "0.5"], ["--divergence-factor", "> 1"]),
            (["cycling", "Data/cycler/neware/test.nda", "--short-factor", "2"], ["--short-factor", "(0, 1)"]),
            (["cycling", "Data/cycler/neware/test.nda", "--failure-persistence", "0"], ["--failure-persistence", "≥ 1"]),
        ]
        for (arguments, needles) in cases {
            let r = try CLI.run(arguments)
            #expect(r.status == 1, "\(arguments): status \(r.status)")
            #expect(r.stderr.hasPrefix("error: "), "\(arguments): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
            for needle in needles { #expect(r.stderr.contains(needle), "\(arguments): '\(needle)' not in \(r.stderr)") }
        }
    }

    /// `--cell` is parsed by the argument parser: a wrong value is refused with the registered names.
    @Test func cellTypeIsParsedWithItsValues() throws {
        let r = try CLI.run(["cycling", "Data/cycler/neware/test.nda", "--cell", "lithium"])
        #expect(r.status != 0)
        for name in ["auto", "symmetric", "li-cu", "full"] { #expect(r.stderr.contains(name), "\(name) not in \(r.stderr)") }
        let forced = try CLI.run(["cycling", "Data/cycler/neware/test.nda", "--cell", "full", "--format", "json", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("\"cell_type\": \"full\""))
        #expect(forced.stdout.contains("given with --cell full"))
    }

    @Test func reproduceWritesReportAndSummary() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The quantum-chemistry section (minutes of B3LYP in a debug build) has its own test in OutputTests.
        let r = try CLI.run(["reproduce", "--out", directory.path, "--skip", "quantum_chemistry", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("id=\"cycling\""))
        #expect(html.contains("figures/cycling_li_li_voltage_time.svg"))
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(summary["sections"]?["cycling"]?["full_cell"]?["cell_type"]?.stringValue == "full")
        let files = summary["sections"]?["cycling"]?["files"]?.arrayValue ?? []
        #expect(files.count == 35) // every data file in Data/cycler (not .mpl/.mps settings nor the Arbin metadata companion)
    }
}
