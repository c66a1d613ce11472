import ArgumentParser
import Foundation
import Interphase

struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "The main job: analyse the bundled files and write DIR/index.html and DIR/summary.json.")

    @Option(name: .long, help: "Directory with the bundled inputs (default: ./Data, or the repository's Data next to the executable).")
    var data: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Sections to leave out, by id: \(ReproductionSections.all.map(\.id).joined(separator: ", ")).")
    var skip: [String] = []

    @OptionGroup var output: OutputOptions

    func dataDirectory() throws -> URL {
        if let data { return URL(fileURLWithPath: data) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Data"),
            executable.deletingLastPathComponent().appendingPathComponent("../../../Data").standardizedFileURL,
            executable.deletingLastPathComponent().appendingPathComponent("../../../../Data").standardizedFileURL,
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("cycler/SOURCES.md").path) {
            return candidate
        }
        throw InterphaseError(.fileNotFound, "bundled data not found (looked for Data/cycler/SOURCES.md in \(candidates.map(\.path).joined(separator: ", ")))",
                              parameter: "--data", expected: "the repository's Data directory")
    }

    func run() throws {
        let directory = output.outURL ?? URL(fileURLWithPath: "reproduce-out")
        let known = ReproductionSections.all.map(\.id)
        if let unknown = skip.first(where: { !known.contains($0) }) {
            throw InterphaseError(.invalidParameter, "no report section '\(unknown)'", parameter: "--skip", expected: known.joined(separator: ", "))
        }
        let sections = ReproductionSections.all.filter { !skip.contains($0.id) }
        let report = Report(title: "Interphase — reproduction of the reference study's computations", sections: sections)
        let bar = ProgressBar(label: "reproduce", total: Double(sections.count), quiet: output.quiet)
        let outcome = try report.run(ReportContext(dataDirectory: try dataDirectory(), quiet: output.quiet), to: directory, progress: bar)
        bar.finish()
        switch output.format {
        case .json:
            output.emit((try? String(contentsOf: outcome.summary, encoding: .utf8)) ?? "")
        case .csv, .table:
            output.emit("wrote \(outcome.index.path)\nwrote \(outcome.summary.path)\n")
        }
    }
}
