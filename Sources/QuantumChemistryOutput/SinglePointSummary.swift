import Foundation
import InterphaseCore
import QuantumChemistry

/// What `interphase qc energy` prints and writes: the total energy (Eh), the frontier orbitals and
/// every orbital energy in eV (the study's unit; `Units.hartreeToElectronvolt`, CODATA 2018), Mulliken
/// and Löwdin charges (e), the dipole moment (D), how the SCF converged, and the grid of a DFT run.
/// Keys carry their unit (`energy_hartree`, `homo_ev`, `dipole_debye`).
public struct SinglePointSummary: Sendable {
    public let calculation: SinglePoint
    public let source: String?

    public init(_ calculation: SinglePoint, source: String?) {
        self.calculation = calculation
        self.source = source
    }

    public var json: JSONValue {
        let ev = Units.hartreeToElectronvolt
        let c = calculation, r = c.result, p = c.properties
        let dipole = p.dipoleDebye
        let homo: Double? = r.homo.map { $0 * ev }, lumo: Double? = r.lumo.map { $0 * ev }
        let gap: Double? = homo.flatMap { h in lumo.map { $0 - h } }
        var fields: [(String, JSONValue)] = [
            ("file", .string(source)), ("title", .string(c.molecule.title)), ("method", .string(r.method)),
            ("basis", .string(c.basis.name.name)), ("spherical", .bool(c.basis.spherical)), ("grid", .string(r.grid)),
            ("grid_points", r.gridPoints.map { .integer($0) } ?? .null), ("grid_electrons", .number(r.gridElectrons)),
            ("atoms", .integer(c.molecule.atoms.count)), ("charge", .integer(c.molecule.charge)),
            ("multiplicity", .integer(c.molecule.multiplicity)), ("electrons", .integer(c.molecule.electronCount)),
            ("basis_functions", .integer(r.functionCount)),
        ]
        fields += [
            ("energy_hartree", .number(r.energy)), ("nuclear_repulsion_hartree", .number(r.nuclearRepulsion)),
            ("exchange_correlation_hartree", .number(r.exchangeCorrelationEnergy)),
            ("homo_ev", .number(homo)), ("lumo_ev", .number(lumo)), ("gap_ev", .number(gap)),
            ("converged", .bool(true)), ("iterations", .integer(r.iterations)),
            ("last_energy_change_hartree", .number(r.lastEnergyChange)), ("last_commutator_hartree", .number(r.lastCommutator)),
        ]
        let symbols: [JSONValue] = c.molecule.atoms.map { .string($0.element.symbol) }
        let mulliken: [JSONValue] = p.mullikenCharges.map { .number($0) }
        let lowdin: [JSONValue] = p.lowdinCharges.map { .number($0) }
        let dipoleComponents: [JSONValue] = [dipole.x, dipole.y, dipole.z].map { .number($0) }
        let orbitals: [JSONValue] = r.orbitalEnergies.map { .number($0 * ev) }
        let occupations: [JSONValue] = r.occupations.map { .number($0) }
        fields += [
            ("symbols", .array(symbols)), ("mulliken_charges", .array(mulliken)), ("lowdin_charges", .array(lowdin)),
            ("dipole_debye", .array(dipoleComponents)), ("dipole_magnitude_debye", .number(p.dipoleMagnitudeDebye)),
            ("orbital_energies_ev", .array(orbitals)), ("occupations", .array(occupations)), ("wall_s", .number(c.wallSeconds)),
        ]
        if let g = c.gradient {
            let rows: [JSONValue] = g.values.map { .array([.number($0.x), .number($0.y), .number($0.z)]) }
            fields += [("gradient_hartree_per_bohr", .array(rows)), ("max_force_hartree_per_bohr", .number(g.maxComponent)),
                       ("rms_force_hartree_per_bohr", .number(g.rms))]
        }
        return .object(fields)
    }

    public var text: String {
        let ev = Units.hartreeToElectronvolt
        let c = calculation, r = c.result
        let grid = r.grid.map { ", grid \($0) (\(r.gridPoints ?? 0) points)" } ?? ""
        var lines = [
            "molecule:   \(c.molecule.title.isEmpty ? (source ?? "") : c.molecule.title)",
            "method:     \(r.method)/\(c.basis.name.name) (\(c.basis.spherical ? "spherical 5D/7F" : "Cartesian 6D/10F")), \(r.functionCount) basis functions, \(c.molecule.electronCount) electrons\(grid)",
            String(format: "energy:     %.10f Eh (%d cycles; |ΔE| %.1e, commutator %.1e; %.1f s)", r.energy, r.iterations,
                   r.lastEnergyChange, r.lastCommutator, c.wallSeconds),
        ]
        if let h = r.homo { lines.append(String(format: "HOMO:       %.4f eV", h * ev)) }
        if let l = r.lumo { lines.append(String(format: "LUMO:       %.4f eV", l * ev)) }
        lines.append(String(format: "dipole:     %.4f D", c.properties.dipoleMagnitudeDebye))
        let charges = zip(c.molecule.atoms, c.properties.mullikenCharges).enumerated().map { k, pair in
            String(format: "%@%d %+.4f", pair.0.element.symbol, k + 1, pair.1)
        }
        lines.append("Mulliken:   " + charges.joined(separator: ", "))
        if let g = c.gradient {
            lines.append(String(format: "gradient:   max %.2e, RMS %.2e Eh/bohr", g.maxComponent, g.rms))
            for (k, (atom, v)) in zip(c.molecule.atoms, g.values).enumerated() {
                lines.append(String(format: "  %@%-3d %+14.8f %+14.8f %+14.8f", atom.element.symbol, k + 1, v.x, v.y, v.z))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
