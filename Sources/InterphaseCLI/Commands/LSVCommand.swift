import ArgumentParser
import Foundation
import Interphase

struct LSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsv",
        abstract: "Oxidation onset potential of a linear sweep: current-density threshold and tangent intersection.")

    @Argument(help: "Linear-sweep file (Gamry .DTA, EC-Lab .mpt/.mpr, CSV with time, voltage, current).")
    var files: [String]

    @Option(name: .customLong("area-cm2"), help: "Electrode area (cm²); default: the file's (one is needed).")
    var areaCm2: Double?

    @Option(name: .customLong("threshold-mA-cm2"), help: "Onset threshold (mA cm⁻², default 0.01).")
    var thresholdMilliampsPerSquareCentimetre: Double?

    @Option(name: .customLong("sustained-points"), help: "Consecutive points above the threshold (default 5).")
    var sustainedPoints: Int?

    @Option(name: .customLong("baseline-fraction"), help: "Baseline tangent: fraction of the sweep's span from its start (default 0.2).")
    var baselineFraction: Double?

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func options() throws -> LinearSweepOptions {
        var o = LinearSweepOptions()
        o.electrodeArea = areaCm2.map { $0 * Units.squareMetresPerSquareCentimetre }
        if let thresholdMilliampsPerSquareCentimetre {
            o.thresholdDensity = thresholdMilliampsPerSquareCentimetre / Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre
        }
        if let sustainedPoints { o.sustainedPoints = sustainedPoints }
        if let baselineFraction { o.baselineFraction = baselineFraction }
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        let recording = try input.load(files, quiet: output.quiet, auxiliary: false)
        let analysis = try LinearSweepAnalysis(recording: recording, options: options)
        let summary = analysis.summaryJSON(source: recording.metadata.provenance, rows: recording.count)
        let points = analysis.pointsTable
        if let directory = output.outURL {
            try AnalysisFiles.write(summary: summary, table: points, tableName: "lsv.csv",
                                       figures: [("lsv", VoltammetryFigures.linearSweep(analysis))], to: directory)
            output.info("wrote \(directory.path)/summary.json, lsv.csv and lsv.svg/png")
        }
        switch output.format {
        case .json: output.emit(summary.rendered(indent: 0) + "\n")
        case .csv: output.emit(String(decoding: points.renderedCSV(), as: UTF8.self))
        case .table:
            var t = TextTable(header: ["rule", "onset_V"])
            t.append(["threshold \(formatNumber(options.thresholdDensity * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre, decimals: 3)) mA cm-2 (\(options.sustainedPoints) points)",
                      analysis.thresholdOnset.map { formatNumber($0, decimals: 4) } ?? "not reached"])
            t.append(["tangent intersection", analysis.tangent.map { formatNumber($0.onsetPotential, decimals: 4) } ?? "-"])
            output.emit(t.renderedText())
            for warning in analysis.warnings { output.emit("warning: \(warning)\n") }
        }
    }
}
