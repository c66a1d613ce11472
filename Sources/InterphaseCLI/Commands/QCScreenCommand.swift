import ArgumentParser
import Foundation
import Interphase

/// `interphase qc screen A.xyz B.xyz …`: HOMO/LUMO of each species against Li's electron energy.
struct QCScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "SEI screening: HOMO/LUMO (eV) of each molecule against μ_Li, the verdict (stable/reduced), a level chart.")

    @Argument(help: "XYZ files (Å), neutral closed-shell species; each is named by its file name.")
    var files: [String]

    @OptionGroup var level: QCArguments

    @Option(name: .customLong("reference-ev"), help: "Reduction reference on the vacuum scale (eV); default μ_Li = −1.40 eV.")
    var referenceEV: Double?

    @Flag(name: .long, help: "Optimise each geometry at this level first (see qc optimize).")
    var optimize = false

    @OptionGroup var criteria: QCOptimizationArguments

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard !files.isEmpty else { throw InterphaseError(.invalidParameter, "no molecules given", parameter: "FILES", expected: "one or more .xyz files") }
        let options = try level.options()
        var reference = ReductionReference.lithium
        if let referenceEV {
            guard referenceEV.isFinite else { throw InterphaseError(.invalidParameter, "\(referenceEV) eV", parameter: "--reference-ev", expected: "a finite energy") }
            reference = ReductionReference(energyEV: referenceEV, source: "given with --reference-ev")
        }
        let species = try files.map { path -> (name: String, molecule: Molecule) in
            (URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, try Molecule.readXYZ(URL(fileURLWithPath: path)))
        }
        let bar = ProgressBar(label: "screening", total: Double(species.count), quiet: output.quiet)
        let entries = try SEIScreening.run(species, options: options, reference: reference, optimize: optimize ? try criteria.options() : nil) { k, _ in
            bar.update(Double(k))
        }
        bar.finish()
        let summary = ScreeningSummary(entries, reference: reference, options: options)
        output.present(json: summary.json, csv: summary.table.renderedCSV(), text: summary.text)
        if let directory = output.outURL {
            try AnalysisFiles.write(summary: summary.json, table: summary.table, tableName: "screening.csv",
                                    figures: [("orbital_levels", QuantumChemistryFigures.orbitalLevels(entries, reference: reference))], to: directory)
            for entry in entries {
                guard let optimization = entry.optimization else { continue }
                try AtomicFile.write(Data(optimization.molecule.xyz(comment: "\(entry.name) optimised, E = \(optimization.final.result.energy) Eh").utf8),
                                     to: directory.appendingPathComponent("\(entry.name).optimized.xyz"))
            }
            output.info("wrote \(directory.path)")
        }
    }
}
