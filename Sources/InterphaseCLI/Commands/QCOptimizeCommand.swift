import ArgumentParser
import Foundation
import Interphase

/// `interphase qc optimize MOLECULE.xyz`: the minimum-energy geometry, its trajectory and properties.
struct QCOptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Geometry optimisation (analytic gradients, Gaussian's criteria): steps, optimised XYZ, trajectory, final properties.")

    @Argument(help: "XYZ file (Å): the starting geometry.")
    var file: String

    @OptionGroup var level: QCArguments

    @OptionGroup var criteria: QCOptimizationArguments

    @Option(name: .long, help: "Total charge (e).")
    var charge: Int = 0

    @Option(name: .long, help: "Spin multiplicity 2S+1 (above 1: unrestricted, UHF or UKS).")
    var multiplicity: Int = 1

    @OptionGroup var output: OutputOptions

    func run() throws {
        let options = try level.options()
        let optimization = try criteria.options()
        let molecule = try Molecule.readXYZ(URL(fileURLWithPath: file), charge: charge, multiplicity: multiplicity)
        let bar = ProgressBar(label: "optimize", total: Double(optimization.maxSteps), quiet: output.quiet)
        var count = 0
        let result = try GeometryOptimization.run(molecule, options: options, optimization: optimization) { _ in
            count += 1
            bar.update(Double(count))
        }
        bar.finish()
        let summary = OptimizationSummary(result, criteria: optimization, source: file)
        output.present(json: summary.json, csv: summary.steps.renderedCSV(), text: summary.text)
        if let directory = output.outURL {
            try OutputDirectory.create(directory)
            try AtomicFile.write(Data(result.trajectory.utf8), to: directory.appendingPathComponent("trajectory.xyz"))
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            try AtomicFile.write(Data(result.molecule.xyz(comment: "\(name) optimised, \(result.final.result.method)/\(result.final.basis.name.name), E = \(result.final.result.energy) Eh").utf8),
                                 to: directory.appendingPathComponent("optimized.xyz"))
            try AtomicFile.write(Data(summary.steps.renderedCSV()), to: directory.appendingPathComponent("steps.csv"))
            try AtomicFile.write(Data(summary.json.renderedBytes(newline: true)), to: directory.appendingPathComponent("summary.json"))
            output.info("wrote \(directory.path)")
        }
    }
}

/// Convergence criteria of `qc optimize` and `qc screen --optimize`.
struct QCOptimizationArguments: ParsableArguments {
    @Flag(name: .long, help: "Gaussian's Opt=Tight criteria (forces 1.5e-5 Eh/bohr) instead of its defaults (4.5e-4).")
    var tight = false

    @Option(name: .customLong("max-steps"), help: "Geometries before giving up.")
    var maxSteps: Int = 100

    func options() throws -> OptimizationOptions {
        guard maxSteps >= 1 else { throw InterphaseError(.invalidParameter, "\(maxSteps) steps", parameter: "--max-steps", expected: "≥ 1") }
        var o = tight ? OptimizationOptions.tight : OptimizationOptions()
        o.maxSteps = maxSteps
        return o
    }
}
