import Foundation
import InterphaseCore
import QuantumChemistry

/// What `interphase scf` prints and writes: the total energy (Eh), the frontier orbitals in eV (the
/// study's unit; `Units.hartreeToElectronvolt`, CODATA 2018), every orbital energy, and how the SCF
/// converged.
public struct SCFSummary: Sendable {
    public let molecule: Molecule
    public let basis: BasisSet
    public let result: SCFResult
    public let source: String?

    public init(molecule: Molecule, basis: BasisSet, result: SCFResult, source: String?) {
        self.molecule = molecule
        self.basis = basis
        self.result = result
        self.source = source
    }

    public var json: JSONValue {
        let ev = Units.hartreeToElectronvolt
        return .object([
            ("file", .string(source)), ("title", .string(molecule.title)), ("method", .string(result.method)),
            ("basis", .string(basis.name.name)), ("spherical", .bool(basis.spherical)),
            ("atoms", .integer(molecule.atoms.count)), ("charge", .integer(molecule.charge)), ("multiplicity", .integer(molecule.multiplicity)),
            ("electrons", .integer(molecule.electronCount)), ("basis_functions", .integer(result.functionCount)),
            ("energy_Eh", .number(result.energy)), ("nuclear_repulsion_Eh", .number(result.nuclearRepulsion)),
            ("homo_eV", .number(result.homo.map { $0 * ev })), ("lumo_eV", .number(result.lumo.map { $0 * ev })),
            ("gap_eV", .number(result.homo.flatMap { h in result.lumo.map { ($0 - h) * ev } })),
            ("converged", .bool(true)), ("iterations", .integer(result.iterations)),
            ("last_energy_change_Eh", .number(result.lastEnergyChange)), ("last_commutator_Eh", .number(result.lastCommutator)),
            ("orbital_energies_Eh", .array(result.orbitalEnergies.map { .number($0) })),
            ("occupations", .array(result.occupations.map { .number($0) })),
        ])
    }

    public var text: String {
        let ev = Units.hartreeToElectronvolt
        var lines = [
            "molecule:   \(molecule.title.isEmpty ? (source ?? "") : molecule.title)",
            "method:     \(result.method)/\(basis.name.name) (\(basis.spherical ? "spherical 5D/7F" : "Cartesian 6D/10F")), \(result.functionCount) basis functions, \(molecule.electronCount) electrons",
            String(format: "energy:     %.10f Eh (%d cycles; |ΔE| %.1e, commutator %.1e)", result.energy, result.iterations,
                   result.lastEnergyChange, result.lastCommutator),
        ]
        if let h = result.homo { lines.append(String(format: "HOMO:       %.4f eV", h * ev)) }
        if let l = result.lumo { lines.append(String(format: "LUMO:       %.4f eV", l * ev)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
