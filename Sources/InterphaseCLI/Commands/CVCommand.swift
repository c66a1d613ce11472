import ArgumentParser
import Foundation
import Interphase

struct CVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Cyclic voltammetry per cycle: peaks, peak separation, plating/stripping charges and their ratio.")

    @Argument(help: "Voltammetry file (Gamry .DTA, EC-Lab CVA .mpt/.mpr, CSV with time, voltage, current, cycle).")
    var files: [String]

    @Option(name: .customLong("area-cm2"), help: "Electrode area (cm²); default: the file's.")
    var areaCm2: Double?

    @Option(name: .long, help: "Peak baseline: linear (pre-peak line, extrapolated) or zero.")
    var baseline: String = "linear"

    @Option(name: .customLong("baseline-fraction"), help: "Pre-peak region: fraction of each sweep's span from its start (default 0.15).")
    var baselineFraction: Double?

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func options() throws -> CyclicVoltammetryOptions {
        var o = CyclicVoltammetryOptions()
        o.electrodeArea = areaCm2.map { $0 * Units.squareMetresPerSquareCentimetre }
        guard let kind = CyclicVoltammetryOptions.Baseline(rawValue: baseline) else {
            throw InterphaseError(.invalidParameter, "unknown baseline '\(baseline)'", parameter: "--baseline", expected: "linear or zero")
        }
        o.baseline = kind
        if let baselineFraction { o.baselineFraction = baselineFraction }
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        let recording = try input.load(files, quiet: output.quiet, auxiliary: false)
        let analysis = try CyclicVoltammetryAnalysis(recording: recording, options: options)
        let table = analysis.cycleTable
        let summary = analysis.summaryJSON(source: recording.metadata.provenance, rows: recording.count, cycles: table)
        if let directory = output.outURL {
            try AnalysisFiles.write(summary: summary, table: table, tableName: "cv_cycles.csv",
                                       figures: [("cv", VoltammetryFigures.cyclicVoltammogram(analysis))], to: directory)
            output.info("wrote \(directory.path)/summary.json, cv_cycles.csv and cv.svg/png")
        }
        switch output.format {
        case .json: output.emit(summary.rendered(indent: 0) + "\n")
        case .csv: output.emit(String(decoding: table.renderedCSV(), as: UTF8.self))
        case .table:
            output.emit(table.textTable().renderedText())
            for warning in analysis.warnings { output.emit("warning: \(warning)\n") }
        }
    }
}
