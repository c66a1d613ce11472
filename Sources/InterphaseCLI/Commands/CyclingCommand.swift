import ArgumentParser
import Foundation
import Interphase

struct CyclingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycling",
        abstract: "Cycling metrics of a Li||Li, Li||Cu or full cell: summary.json, cycles.csv and figures.")

    @Argument(help: "Cycler file; several files of one test (an EC-Lab sequence's numbered files, a restarted channel) are joined in time order.")
    var files: [String]

    @Option(name: .long, help: "Cell type: \(CellChoice.allValueStrings.joined(separator: ", ")) (auto: decided from the data).")
    var cell: CellChoice = .auto

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

    @Option(name: .customLong("plateau-exclusion"), help: "Li||Li: fraction of each half cycle excluded at each end before the plateau mean (default 0.10).")
    var plateauExclusion: Double?

    @Option(name: .customLong("divergence-factor"), help: "Li||Li: divergence when the plateau exceeds this × its stable value (default 3).")
    var divergenceFactor: Double?

    @Option(name: .customLong("short-factor"), help: "Li||Li: soft short when the plateau falls below this × its stable value (default 0.3).")
    var shortFactor: Double?

    @Option(name: .customLong("failure-persistence"), help: "Li||Li: consecutive half cycles a failure criterion must hold (default 3).")
    var failurePersistence: Int?

    @Option(name: .customLong("dqdv-step-mV"), help: "Full cell: dQ/dV voltage grid step (mV, default 1).")
    var dqdvStepMillivolts: Double?

    @Option(name: .customLong("dqdv-window"), help: "Full cell: Savitzky–Golay window of the dQ/dV filter in grid points, odd (default 41).")
    var dqdvWindow: Int?

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func options() throws -> CyclingOptions {
        var options = CyclingOptions()
        options.cellType = cell.cellType
        options.electrodeArea = areaCm2.map { $0 * Units.squareMetresPerSquareCentimetre }
        options.activeMass = activeMassMg.map { $0 * Units.kilogramsPerMilligram }
        options.oneCSpecificCurrent = oneCmAg
        options.referenceCycle = referenceCycle
        if let ceCycles { options.averageCECycles = ceCycles }
        options.windowHours = windowHours
        if let plateauExclusion { options.plateauExclusion = plateauExclusion }
        if let divergenceFactor { options.divergenceFactor = divergenceFactor }
        if let shortFactor { options.shortFactor = shortFactor }
        if let failurePersistence { options.failurePersistence = failurePersistence }
        if let dqdvStepMillivolts { options.dqdvStep = dqdvStepMillivolts * Units.milli }
        if let dqdvWindow { options.dqdvWindow = dqdvWindow }
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
        let recording = try input.load(files, quiet: output.quiet, auxiliary: false)
        let analysis = try CyclingAnalysis(recording: recording, options: options)
        // One cycle table (and one summary) for the files and for standard output.
        let cycles = analysis.cycleResults
        var summary: Data?
        if let directory = output.outURL {
            summary = try CyclingFiles.write(analysis, cycles: cycles, to: directory)
            output.info("wrote \(directory.path)/summary.json, cycles.csv and figures")
        }
        switch output.format {
        case .json:
            output.emit(String(decoding: summary ?? Data(analysis.summaryJSON(cycles: cycles).renderedBytes(newline: true)), as: UTF8.self))
        case .csv: output.emit(String(decoding: cycles.renderedCSV(), as: UTF8.self))
        case .table:
            output.emit("cell type: \(analysis.cellType.rawValue) (\(analysis.decision.rule))\n\n")
            output.emit(cycles.textTable().renderedText())
            output.emit("\nsummary:\n" + analysis.summaryObject.rendered(indent: 0) + "\n")
            for warning in analysis.warnings { output.emit("warning: \(warning)\n") }
        }
    }
}

/// `--cell`: `auto` or one of the registered cell types (`CellType.all`), parsed by the argument parser,
/// which lists the values when one is wrong.
enum CellChoice: ExpressibleByArgument {
    case auto
    case given(CellType)

    init?(argument: String) {
        if argument == "auto" { self = .auto; return }
        guard let type = CellType(rawValue: argument) else { return nil }
        self = .given(type)
    }

    static var allValueStrings: [String] { ["auto"] + CellType.all.map(\.rawValue) }

    var defaultValueDescription: String {
        switch self {
        case .auto: return "auto"
        case let .given(type): return type.rawValue
        }
    }

    /// The forced cell type, nil for `auto`.
    var cellType: CellType? {
        if case let .given(type) = self { return type }
        return nil
    }
}
