import ArgumentParser
import Foundation
import Interphase

/// `interphase eis drt FILE`: the distribution of relaxation times of every sweep.
struct EISDRTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drt",
        abstract: "Distribution of relaxation times (Tikhonov, non-negative, Gaussian RBF, as pyDRTtools): γ(τ), peaks, R∞, Rp.")

    @Argument(help: "Impedance file.")
    var file: String

    @Option(name: .long, help: "Regularisation parameter λ, or 'gcv' to choose it by generalized cross-validation.")
    var lambda: String = "1e-3"

    @Option(name: .long, help: "Penalised derivative: 1 or 2.")
    var derivative: Int = 1

    @Option(name: .customLong("data-used"), help: "combined, real or imaginary.")
    var dataUsed: String = "combined"

    @Flag(name: .customLong("no-inductance"), help: "Do not fit a series inductance.")
    var noInductance = false

    @Option(name: .customLong("fwhm-coefficient"), help: "Gaussian basis width: FWHM = spacing / coefficient.")
    var fwhmCoefficient: Double = 0.5

    @Flag(name: .customLong("drop-inductive"), help: "Use only the points with Z″ < 0.")
    var dropInductive = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let used = DRTOptions.DataUsed(rawValue: dataUsed) else {
            throw InterphaseError(.invalidParameter, "unknown part '\(dataUsed)'", parameter: "--data-used", expected: "combined, real, imaginary")
        }
        guard let penalty = DRTOptions.Penalty(rawValue: derivative) else {
            throw InterphaseError(.invalidParameter, "derivative \(derivative)", parameter: "--derivative", expected: "1 or 2")
        }
        let regularisation: DRTOptions.Regularisation
        if lambda.lowercased() == "gcv" { regularisation = .generalizedCrossValidation } else {
            guard let value = Double(lambda) else {
                throw InterphaseError(.invalidParameter, "'\(lambda)' is not a number or 'gcv'", parameter: "--lambda")
            }
            regularisation = .fixed(value)
        }
        let options = DRTOptions(dataUsed: used, inductance: !noInductance, penalty: penalty, regularisation: regularisation,
                                 fwhmCoefficient: fwhmCoefficient)
        let results = try SweepAnalysisRun.results(file, dropInductive: dropInductive) { try DRT.compute($0, options: options) }
        let summary = DRTSummary(file: file, results: results)
        try SweepAnalysisRun.present(results, json: summary.json, table: summary.table, text: summary.text, name: "drt",
                                     tableName: "drt.csv", figure: ImpedanceFigures.drt, output: output)
    }
}
