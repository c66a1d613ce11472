import ArgumentParser
import Foundation
import Interphase

/// `interphase eis fit FILE --circuit STR`: fits every sweep of one impedance file (or the one chosen by
/// `--sweep`).
struct EISFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit an equivalent circuit to an impedance file: parameters with standard errors, χ², Re and Ri (circuit and arc).")

    @Argument(help: "Impedance file (Gamry .DTA, EC-Lab .mpr/.mpt, ZPlot/ZView .z, CHI, VersaStudio .par, Parstat, PowerSuite, Maccor FRA, f/Z′/Z″ table).")
    var file: String

    @Option(name: .long, help: "Fit only this sweep (1-based) of a multi-sweep file.")
    var sweep: Int?

    @OptionGroup var fit: EISFitArguments
    @OptionGroup var output: OutputOptions

    func run() throws {
        let options = try fit.fitOptions()
        let read = try ImpedanceLoader.load(URL(fileURLWithPath: file), options: try fit.readOptions())
        var spectra = read.spectra
        if let sweep {
            guard let chosen = spectra.first(where: { $0.loop == sweep }) else {
                throw InterphaseError(.invalidParameter, "the file has sweeps 1–\(spectra.count)", file: file, parameter: "--sweep")
            }
            spectra = [chosen]
        }
        try EISFitRun.run(spectra, sources: [(file, read.format, read.warnings)], options: options, fit: fit, output: output)
    }
}

/// What `eis fit` and `eis batch` share once the spectra are read: fit, print, write.
enum EISFitRun {
    static func run(_ spectra: [ImpedanceSpectrum], sources: [(file: String, format: FileFormat, warnings: [String])],
                    options: SpectrumFitOptions, fit: EISFitArguments, output: OutputOptions) throws {
        let bar = ProgressBar(label: "fitting", total: Double(spectra.count), quiet: output.quiet || spectra.count < 4)
        let outcomes = try SpectrumFitting.run(spectra, options: options) { bar.update(Double($0)) }
        bar.finish()
        let failed = outcomes.filter { !$0.converged }
        if failed.count == outcomes.count, let first = failed.first?.error {
            throw first  // nothing fitted: no summary.json
        }
        let summary = SpectrumFitSummary(sources: sources, outcomes: outcomes, options: options)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv: output.emit(String(decoding: summary.table.renderedCSV(), as: UTF8.self))
        case .table: output.emit(summary.text)
        }
        if let directory = output.outURL {
            try SpectrumFitFiles.write(summary, to: directory, excludedReason: fit.excludedReason)
            output.info("wrote \(directory.path)")
        }
        if !failed.isEmpty {
            throw InterphaseError(.notConverged, "\(failed.count) of \(outcomes.count) fits failed (sweeps \(failed.map { String($0.spectrum.loop) }.joined(separator: ", "))); summary.json marks them converged: false",
                                  file: sources.first?.file)
        }
    }
}
