import ArgumentParser
import Foundation
import Interphase

struct TafelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tafel",
        abstract: "Tafel analysis of a polarisation sweep: slopes, α, i0 (Tafel, micro-polarisation, Butler–Volmer fit).")

    @Argument(help: "Polarisation file (Gamry .DTA, EC-Lab .mpt/.mpr, CSV with time, voltage, current).")
    var files: [String]

    @Option(name: .customLong("area-cm2"), help: "Electrode area (cm²); default: the file's.")
    var areaCm2: Double?

    @Option(name: .customLong("temperature-k"), help: "Temperature (K, default 298.15).")
    var temperatureK: Double?

    @Option(name: .customLong("equilibrium-potential"), help: "Equilibrium potential E_eq (V); default: the zero-current crossing.")
    var equilibriumPotential: Double?

    @Option(name: .customLong("electrons"), help: "Electrons n in the rate-determining step (default 1).")
    var electrons: Int?

    @Flag(name: .customLong("symmetric"), help: "The voltage is a symmetric two-electrode (Li||Li) cell's: factor 2 for α and the micro-polarisation i0.")
    var symmetric = false

    @Option(name: .customLong("min-overpotential-mV"), help: "Smallest |η| of the Tafel window (mV, default 50).")
    var minOverpotential: Double?

    @Option(name: .customLong("max-overpotential-mV"), help: "Largest |η| of the Tafel window (mV, default: the end of the branch).")
    var maxOverpotential: Double?

    @Option(name: .customLong("min-decades"), help: "Smallest span of the Tafel window in decades of current (default 0.5).")
    var minDecades: Double?

    @Flag(name: .customLong("mass-transport"), help: "Fit anodic and cathodic limiting currents in the Butler–Volmer fit.")
    var massTransport = false

    @Flag(name: .customLong("no-butler-volmer"), help: "Skip the Butler–Volmer fit.")
    var noButlerVolmer = false

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func options() throws -> TafelOptions {
        var o = TafelOptions()
        o.electrodeArea = areaCm2.map { $0 * Units.squareMetresPerSquareCentimetre }
        if let temperatureK { o.temperature = temperatureK }
        o.equilibriumPotential = equilibriumPotential
        if let electrons { o.electrons = electrons }
        o.electrodes = symmetric ? .symmetric : .single
        if let minOverpotential { o.minimumOverpotential = minOverpotential * Units.milli }
        o.maximumOverpotential = maxOverpotential.map { $0 * Units.milli }
        if let minDecades { o.minimumDecades = minDecades }
        o.massTransport = massTransport
        o.fitsButlerVolmer = !noButlerVolmer
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        let recording = try input.load(files, quiet: output.quiet, auxiliary: false)
        let analysis = try TafelAnalysis(recording: recording, options: options)
        let summary = analysis.summaryJSON(source: recording.metadata.provenance, rows: recording.count)
        let points = analysis.pointsTable
        if let directory = output.outURL {
            try AnalysisFiles.write(summary: summary, table: points, tableName: "tafel_points.csv",
                                       figures: [("tafel", VoltammetryFigures.tafel(analysis))], to: directory)
            output.info("wrote \(directory.path)/summary.json, tafel_points.csv and tafel.svg/png")
        }
        switch output.format {
        case .json: output.emit(summary.rendered(indent: 0) + "\n")
        case .csv: output.emit(String(decoding: points.renderedCSV(), as: UTF8.self))
        case .table:
            output.emit(analysis.resultTable.renderedText())
            for warning in analysis.warnings { output.emit("warning: \(warning)\n") }
        }
    }
}
