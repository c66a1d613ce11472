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
        let results = try SweepAnalysisRun.results(file, dropInductive: dropInductive) { try LinKK.validate($0, options: options) }
        let summary = LinKKSummary(file: file, results: results)
        try SweepAnalysisRun.present(results, json: summary.json, table: summary.table, text: summary.text, name: "kk_residuals",
                                     tableName: "kk_residuals.csv", figure: ImpedanceFigures.kkResiduals, output: output)
    }
}
