import ArgumentParser
import Foundation
import Interphase

/// The level of theory and SCF settings every `qc` subcommand takes.
struct QCArguments: ParsableArguments {
    @Option(name: .long, help: "rhf, uhf (open shells are always unrestricted), or a functional: \(XCFunctional.registry.map(\.name).joined(separator: ", ")).")
    var method: String = "b3lyp"

    @Option(name: .long, help: "Basis set: \(BasisSetName.all.map(\.name).joined(separator: ", ")).")
    var basis: String = "6-31G(d,p)"

    @Flag(name: .long, help: "Cartesian d/f shells (6D/10F; Gaussian's default for Pople sets).")
    var cartesian = false

    @Flag(name: .long, help: "Spherical d/f shells (5D/7F; the default for Dunning and Karlsruhe sets).")
    var spherical = false

    @Option(name: .long, help: "DFT grid: a level 0–9 (PySCF's; default 3) or (radial,angular) such as '(99,590)' (Gaussian's UltraFine).")
    var grid: String = "3"

    @Option(name: .customLong("max-cycles"), help: "SCF cycles before giving up.")
    var maxCycles: Int = 50

    @Option(name: .customLong("level-shift"), help: "Virtual-orbital level shift (Eh) for hard cases.")
    var levelShift: Double = 0

    @Option(name: .customLong("memory-gb"), help: "Memory the two-electron integrals may keep (GB); larger systems are direct.")
    var memoryGB: Double = 4

    /// The library options these arguments describe.
    /// - Throws: `InterphaseError` naming the option that is wrong.
    func options() throws -> SinglePointOptions {
        guard let name = BasisSetName.named(basis) else {
            throw InterphaseError(.invalidParameter, "unknown basis set '\(basis)'", parameter: "--basis",
                                  expected: BasisSetName.all.map(\.name).joined(separator: ", "))
        }
        guard !(cartesian && spherical) else {
            throw InterphaseError(.invalidParameter, "--cartesian and --spherical exclude each other", parameter: "--cartesian")
        }
        guard maxCycles >= 1 else { throw InterphaseError(.invalidParameter, "\(maxCycles) cycles", parameter: "--max-cycles", expected: "≥ 1") }
        guard levelShift >= 0, levelShift.isFinite else {
            throw InterphaseError(.invalidParameter, "level shift \(levelShift) Eh", parameter: "--level-shift", expected: "≥ 0")
        }
        guard memoryGB >= 0, memoryGB.isFinite else {
            throw InterphaseError(.invalidParameter, "\(memoryGB) GB", parameter: "--memory-gb", expected: "≥ 0")
        }
        let scfMethod: SCFMethod
        do { scfMethod = try SCFMethod.named(method) } catch var error as InterphaseError {
            error.parameter = "--method"
            throw error
        }
        var o = SinglePointOptions(method: scfMethod, basis: name)
        o.scf.unrestricted = method.lowercased() == "uhf"
        o.spherical = cartesian ? false : spherical ? true : nil
        o.scf.maxIterations = maxCycles
        o.scf.levelShift = levelShift
        do { o.scf.grid = try GridSpecification.parse(grid) } catch var error as InterphaseError {
            error.parameter = "--grid"
            throw error
        }
        o.memoryLimit = memoryGB * 1e9
        return o
    }
}
