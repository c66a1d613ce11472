import ArgumentParser
import Foundation
import Interphase

/// `interphase eis batch FILE… --circuit STR`: every sweep of every file, in order, fitted on both
/// cores (each fit seeded by the previous one), with the Re/Ri series figure.
struct EISBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Fit one circuit to every sweep of many impedance files (both cores, each fit seeded by the previous); Re and Ri against time.")

    @Argument(help: "Impedance files, in measurement order.")
    var files: [String]

    @OptionGroup var fit: EISFitArguments
    @OptionGroup var output: OutputOptions

    func run() throws {
        let options = try fit.fitOptions()
        let readOptions = try fit.readOptions()
        let bar = ProgressBar(label: "reading", total: Double(files.count), quiet: output.quiet || files.count < 8)
        var spectra: [ImpedanceSpectrum] = []
        var sources: [(file: String, format: FileFormat, warnings: [String])] = []
        for (k, file) in files.enumerated() {
            let read = try ImpedanceLoader.load(URL(fileURLWithPath: file), options: readOptions)
            spectra += read.spectra
            sources.append((file, read.format, read.warnings))
            bar.update(Double(k + 1))
        }
        bar.finish()
        try EISFitRun.run(spectra, sources: sources, options: options, fit: fit, output: output)
    }
}
