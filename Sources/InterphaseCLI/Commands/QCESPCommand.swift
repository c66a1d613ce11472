import ArgumentParser
import Foundation
import Interphase

/// `interphase qc esp MOLECULE.xyz`: the electrostatic potential on the isodensity surface, its extrema
/// and a map.
struct QCESPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esp",
        abstract: "Electrostatic potential on the 0.001 a.u. density surface: extrema (kcal/mol) with their atoms, a map.")

    @Argument(help: "XYZ file (Å).")
    var file: String

    @OptionGroup var level: QCArguments

    @Option(name: .long, help: "Isodensity of the surface (e/bohr³).")
    var isovalue: Double = 0.001

    @OptionGroup var output: OutputOptions

    func run() throws {
        var options = try level.options()
        guard isovalue > 0, isovalue.isFinite else {
            throw InterphaseError(.invalidParameter, "isodensity \(isovalue)", parameter: "--isovalue", expected: "> 0 e/bohr³ (0.001 is customary)")
        }
        options.surfaceIsovalue = isovalue
        let molecule = try Molecule.readXYZ(URL(fileURLWithPath: file))
        let bar = ProgressBar(label: "SCF", total: Double(options.scf.maxIterations), quiet: output.quiet)
        let calculation = try SinglePoint.run(molecule, options: options) { cycle, _ in bar.update(Double(cycle)) }
        bar.finish()
        let surface = ElectrostaticSurfaceSummary(calculation.surface!, molecule: molecule)
        var json = SinglePointSummary(calculation, source: file).json
        if case .object(let fields) = json { json = .object(fields + [("electrostatic_surface", surface.json)]) }
        output.present(json: json, csv: surface.table.renderedCSV(), text: SinglePointSummary(calculation, source: file).text + surface.text)
        if let directory = output.outURL {
            try AnalysisFiles.write(summary: json, table: surface.table, tableName: "esp_surface.csv",
                                    figures: [("esp_map", QuantumChemistryFigures.electrostaticMap(calculation.surface!, molecule: molecule))],
                                    to: directory)
            output.info("wrote \(directory.path)")
        }
    }
}
