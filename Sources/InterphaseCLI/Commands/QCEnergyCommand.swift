import ArgumentParser
import Foundation
import Interphase

/// `interphase qc energy MOLECULE.xyz`: one SCF (RHF or Kohn–Sham DFT) and its properties.
struct QCEnergyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "energy",
        abstract: "Single point: energy (Eh), HOMO/LUMO and orbital energies (eV), Mulliken charges, dipole (D).")

    @Argument(help: "XYZ file (Å).")
    var file: String

    @OptionGroup var level: QCArguments

    @Option(name: .long, help: "Total charge (e).")
    var charge: Int = 0

    @Option(name: .long, help: "Spin multiplicity 2S+1 (closed shells only for now: 1).")
    var multiplicity: Int = 1

    @OptionGroup var output: OutputOptions

    func run() throws {
        let options = try level.options()
        let molecule = try Molecule.readXYZ(URL(fileURLWithPath: file), charge: charge, multiplicity: multiplicity)
        let bar = ProgressBar(label: "SCF", total: Double(options.scf.maxIterations), quiet: output.quiet)
        let calculation = try SinglePoint.run(molecule, options: options) { cycle, _ in bar.update(Double(cycle)) }
        bar.finish()
        let summary = SinglePointSummary(calculation, source: file)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv, .table: output.emit(summary.text)
        }
        if let directory = output.outURL {
            try OutputDirectory.create(directory)
            try AtomicFile.write(Data(summary.json.renderedBytes(newline: true)), to: directory.appendingPathComponent("summary.json"))
            output.info("wrote \(directory.path)")
        }
    }
}
