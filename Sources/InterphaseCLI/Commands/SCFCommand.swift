import ArgumentParser
import Foundation
import Interphase

/// `interphase scf MOLECULE.xyz --basis NAME`: a closed-shell Hartree–Fock calculation.
struct SCFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scf",
        abstract: "Hartree–Fock (RHF) of a molecule from an XYZ file: energy, HOMO/LUMO (eV), orbital energies.")

    @Argument(help: "XYZ file (Å).")
    var file: String

    @Option(name: .long, help: "Basis set: \(BasisSetName.all.map(\.name).joined(separator: ", ")).")
    var basis: String = "6-31G(d,p)"

    @Option(name: .long, help: "Total charge (e).")
    var charge: Int = 0

    @Option(name: .long, help: "Spin multiplicity 2S+1 (RHF needs 1).")
    var multiplicity: Int = 1

    @Flag(name: .long, inversion: .prefixedNo, help: "Spherical (5D/7F) instead of the basis family's default.")
    var spherical: Bool?

    @Option(name: .customLong("max-cycles"), help: "SCF cycles before giving up.")
    var maxCycles: Int = 50

    @Option(name: .customLong("level-shift"), help: "Virtual-orbital level shift (Eh) for hard cases.")
    var levelShift: Double = 0

    @Option(name: .customLong("memory-gb"), help: "Memory the two-electron integrals may keep (GB); larger systems are direct.")
    var memoryGB: Double = 4

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let name = BasisSetName.named(basis) else {
            throw InterphaseError(.invalidParameter, "unknown basis set '\(basis)'", parameter: "--basis",
                                  expected: BasisSetName.all.map(\.name).joined(separator: ", "))
        }
        let molecule = try Molecule.readXYZ(URL(fileURLWithPath: file), charge: charge, multiplicity: multiplicity)
        let set = try BasisSet(name, for: molecule, spherical: spherical)
        var options = SCFOptions()
        options.maxIterations = maxCycles
        options.levelShift = levelShift
        let bar = ProgressBar(label: "SCF", total: Double(maxCycles), quiet: output.quiet)
        guard memoryGB >= 0, memoryGB.isFinite else {
            throw InterphaseError(.invalidParameter, "\(memoryGB) GB", parameter: "--memory-gb", expected: "≥ 0")
        }
        let result = try RestrictedSCF.run(try Integrals(set, molecule: molecule, memoryLimit: memoryGB * 1e9), options: options) { cycle, _ in bar.update(Double(cycle)) }
        bar.finish()
        let summary = SCFSummary(molecule: molecule, basis: set, result: result, source: file)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv, .table: output.emit(summary.text)
        }
        if let directory = output.outURL {
            try AtomicFile.write(Data(summary.json.renderedBytes(newline: true)), to: directory.appendingPathComponent("summary.json"))
            output.info("wrote \(directory.path)")
        }
    }
}
