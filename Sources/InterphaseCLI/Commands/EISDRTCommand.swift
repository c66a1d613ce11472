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
        let read = try ImpedanceLoader.load(URL(fileURLWithPath: file))
        let results = try read.spectra.map { spectrum -> (spectrum: ImpedanceSpectrum, result: DRTResult) in
            let used = try SpectrumPreparation(dropInductive: dropInductive).apply(spectrum)
            return (used, try DRT.compute(used, options: options))
        }
        let summary = DRTSummary(file: file, results: results)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv: output.emit(String(decoding: summary.table.renderedCSV(), as: UTF8.self))
        case .table: output.emit(summary.text)
        }
        if let directory = output.outURL {
            let figures = results.prefix(SpectrumFitFiles.figureLimit).map { item in
                (results.count == 1 ? "drt" : "drt_\(item.spectrum.loop)", ImpedanceFigures.drt(item.result))
            }
            try AnalysisFiles.write(summary: summary.json, table: summary.table, tableName: "drt.csv", figures: Array(figures), to: directory)
            output.info("wrote \(directory.path)")
        }
    }
}
