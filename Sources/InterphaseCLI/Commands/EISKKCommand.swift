import ArgumentParser
import Foundation
import Interphase

/// `interphase eis kk FILE`: the lin-KK validity test of every sweep.
struct EISKKCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kk",
        abstract: "Lin-KK validity test (Schönleber 2014, as impedance.py): M, μ and residuals (%) per sweep.")

    @Argument(help: "Impedance file.")
    var file: String

    @Option(name: .customLong("c"), help: "μ cut-off (0 < c ≤ 1).")
    var cutoff: Double = 0.85

    @Option(name: .customLong("max-M"), help: "Largest number of RC elements.")
    var maxElements: Int = 50

    @Option(name: .customLong("fit-type"), help: "real, imag or complex.")
    var fitType: String = "real"

    @Flag(name: .customLong("add-cap"), help: "Add a series capacitance (no low-frequency intercept).")
    var addCapacitance = false

    @Flag(name: .customLong("drop-inductive"), help: "Test only the points with Z″ < 0.")
    var dropInductive = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let kind = LinKKOptions.FitType(rawValue: fitType) else {
            throw InterphaseError(.invalidParameter, "unknown fit type '\(fitType)'", parameter: "--fit-type", expected: "real, imag, complex")
        }
        let options = LinKKOptions(cutoff: cutoff, maxElements: maxElements, fitType: kind, addCapacitance: addCapacitance)
        let read = try ImpedanceLoader.load(URL(fileURLWithPath: file))
        let results = try read.spectra.map { spectrum -> (spectrum: ImpedanceSpectrum, result: LinKKResult) in
            let used = try SpectrumPreparation(dropInductive: dropInductive).apply(spectrum)
            return (used, try LinKK.validate(used, options: options))
        }
        let summary = LinKKSummary(file: file, results: results)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv: output.emit(String(decoding: summary.table.renderedCSV(), as: UTF8.self))
        case .table: output.emit(summary.text)
        }
        if let directory = output.outURL {
            let figures = results.prefix(SpectrumFitFiles.figureLimit).map { item in
                (results.count == 1 ? "kk_residuals" : "kk_residuals_\(item.spectrum.loop)", ImpedanceFigures.kkResiduals(item.result))
            }
            try AnalysisFiles.write(summary: summary.json, table: summary.table, tableName: "kk_residuals.csv", figures: Array(figures), to: directory)
            output.info("wrote \(directory.path)")
        }
    }
}
