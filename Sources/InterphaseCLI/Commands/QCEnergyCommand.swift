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

    @Option(name: .long, help: "Spin multiplicity 2S+1 (above 1: unrestricted, UHF or UKS).")
    var multiplicity: Int = 1

    @Option(name: .long, parsing: .upToNextOption,
            help: "Gaussian cube files to write into --out: density, homo, lumo, esp, or an orbital number (1-based).")
    var cube: [String] = []

    @Option(name: .customLong("cube-spacing"), help: "Cube grid step (bohr); ESP cubes cost one integral set per point.")
    var cubeSpacing: Double = 0.2

    @Flag(name: .long, help: "Also the analytic nuclear gradient (Eh/bohr).")
    var gradient = false

    @Flag(name: .long, help: "Write the orbitals as DIR/orbitals.molden (Avogadro, Jmol, VMD).")
    var molden = false

    @OptionGroup var output: OutputOptions

    /// Cube names → quantities (HOMO/LUMO need the electron count).
    func cubeQuantities(_ molecule: Molecule) throws -> [(String, CubeFile.Quantity)] {
        let homo = molecule.electronCount / 2 - 1
        return try cube.map { name -> (String, CubeFile.Quantity) in
            switch name.lowercased() {
            case "density": return ("density", .density)
            case "esp": return ("esp", .electrostaticPotential)
            case "homo": return ("homo", .orbital(homo))
            case "lumo": return ("lumo", .orbital(homo + 1))
            default:
                guard let k = Int(name), k >= 1 else {
                    throw InterphaseError(.invalidParameter, "unknown cube '\(name)'", parameter: "--cube", expected: "density, homo, lumo, esp or an orbital number ≥ 1")
                }
                return ("orbital_\(k)", .orbital(k - 1))
            }
        }
    }

    func run() throws {
        var options = try level.options()
        let molecule = try Molecule.readXYZ(URL(fileURLWithPath: file), charge: charge, multiplicity: multiplicity)
        let cubes = try cubeQuantities(molecule)
        guard cubes.isEmpty || output.outURL != nil else {
            throw InterphaseError(.invalidParameter, "cube files need a directory", parameter: "--cube", expected: "--out DIR")
        }
        guard !molden || output.outURL != nil else {
            throw InterphaseError(.invalidParameter, "the Molden file needs a directory", parameter: "--molden", expected: "--out DIR")
        }
        options.molden = molden
        options.gradient = gradient
        options.cubes = cubes.map(\.1)
        options.cubeSpacing = cubeSpacing
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
            for ((name, _), file) in zip(cubes, calculation.cubes) {
                try AtomicFile.write(Data(file.text.utf8), to: directory.appendingPathComponent("\(name).cube"))
            }
            if let text = calculation.molden { try AtomicFile.write(Data(text.utf8), to: directory.appendingPathComponent("orbitals.molden")) }
            try AtomicFile.write(Data(summary.json.renderedBytes(newline: true)), to: directory.appendingPathComponent("summary.json"))
            output.info("wrote \(directory.path)")
        }
    }
}
