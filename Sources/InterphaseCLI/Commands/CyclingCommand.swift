import ArgumentParser
import Foundation
import Interphase

struct CyclingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycling",
        abstract: "Cycling metrics of a Li||Li, Li||Cu or full cell: summary.json, cycles.csv and figures.")

    @Argument(help: "Cycler file.")
    var file: String

    @Option(name: .long, help: "auto, symmetric, li-cu or full.")
    var cell: String = "auto"

    @Option(name: .customLong("area-cm2"), help: "Electrode area (cm²).")
    var areaCm2: Double?

    @Option(name: .customLong("active-mass-mg"), help: "Active material mass (mg).")
    var activeMassMg: Double?

    @Option(name: .customLong("one-c-mA-g"), help: "Specific current that defines 1C (mA g⁻¹), e.g. 170 for LFP.")
    var oneCmAg: Double?

    @Option(name: .customLong("reference-cycle"), help: "Cycle that capacity retention refers to (default: first complete cycle).")
    var referenceCycle: Int?

    @Option(name: .customLong("ce-cycles"), help: "Li||Cu: cycles averaged for the average CE (default 10).")
    var ceCycles: Int?

    @Option(name: .customLong("window-h"), help: "Li||Li: split long one-direction runs into windows of this many hours.")
    var windowHours: Double?

    @Option(name: .customLong("dqdv-cycles"), help: "Full cell: cycles for dQ/dV, comma-separated (default: reference and last).")
    var dqdvCycles: String?

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if cell != "auto" && CellType(rawValue: cell) == nil {
            throw ValidationError("--cell must be auto, symmetric, li-cu or full (got '\(cell)')")
        }
    }

    func options() throws -> CyclingOptions {
        var options = CyclingOptions()
        options.cellType = CellType(rawValue: cell)
        options.electrodeArea = areaCm2.map { $0 * 1e-4 }
        options.activeMass = activeMassMg.map { $0 * 1e-6 }
        options.oneCSpecificCurrent = oneCmAg
        options.referenceCycle = referenceCycle
        if let ceCycles { options.averageCECycles = ceCycles }
        options.windowHours = windowHours
        if let dqdvCycles {
            options.dqdvCycles = try dqdvCycles.split(separator: ",").map { item in
                guard let value = Int(item.trimmingCharacters(in: .whitespaces)) else {
                    throw InterphaseError(.invalidParameter, "'\(item)' is not a cycle number", parameter: "--dqdv-cycles")
                }
                return value
            }
        }
        try options.validate()
        return options
    }

    func run() throws {
        let options = try options()
        // The analysis uses the role columns only.
        let recording = try input.load(file, quiet: output.quiet, auxiliary: false)
        let analysis = try CyclingAnalysis(recording: recording, options: options)
        if let directory = output.outURL {
            try CyclingFiles.write(analysis, to: directory)
            output.info("wrote \(directory.path)/summary.json, cycles.csv and figures")
        }
        switch output.format {
        case .json: output.emit(analysis.summaryJSON.rendered() + "\n")
        case .csv: output.emit(analysis.cycleTable.renderedCSV())
        case .table:
            output.emit("cell type: \(analysis.cellType.rawValue) (\(analysis.decision.rule))\n\n")
            output.emit(analysis.cycleTable.renderedText())
            output.emit("\nsummary:\n" + analysis.summaryObject.rendered(indent: 0) + "\n")
            for warning in analysis.warnings { output.emit("warning: \(warning)\n") }
        }
    }
}
