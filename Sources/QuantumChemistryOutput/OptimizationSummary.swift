import Foundation
import InterphaseCore
import QuantumChemistry

/// What `interphase qc optimize` prints and writes: each step's energy (Eh), largest and RMS force
/// (Eh/bohr) and step (bohr) against Gaussian's criteria, the optimised geometry (Å), and the full
/// single-point summary at the minimum (`SinglePointSummary`'s keys).
public struct OptimizationSummary: Sendable {
    public let optimization: GeometryOptimization
    public let criteria: OptimizationOptions
    public let source: String?

    public init(_ optimization: GeometryOptimization, criteria: OptimizationOptions, source: String?) {
        self.optimization = optimization
        self.criteria = criteria
        self.source = source
    }

    public var steps: ResultTable {
        var t = ResultTable(columns: [
            .init("step"), .init("energy_hartree", decimals: 10), .init("max_force_hartree_per_bohr", decimals: 7),
            .init("rms_force_hartree_per_bohr", decimals: 7), .init("max_step_bohr", decimals: 6), .init("rms_step_bohr", decimals: 6),
            .init("trust_radius_bohr", decimals: 4),
        ])
        for (k, s) in optimization.steps.enumerated() {
            t.append([.integer(k + 1), .number(s.energy), .number(s.maxForce), .number(s.rmsForce), .number(s.maxDisplacement),
                      .number(s.rmsDisplacement), .number(s.trustRadius)])
        }
        return t
    }

    public var json: JSONValue {
        guard case .object(var fields) = SinglePointSummary(optimization.final, source: source).json else { return .null }
        let geometry: [JSONValue] = optimization.molecule.atoms.map { atom in
            let p = atom.position / Units.angstromToBohr
            return .array([.string(atom.element.symbol), .number(p.x), .number(p.y), .number(p.z)])
        }
        let first = optimization.steps.first?.energy
        fields += [
            ("optimized", .bool(true)), ("optimization_steps", .integer(optimization.steps.count)),
            ("energy_change_hartree", .number(first.map { optimization.final.result.energy - $0 })),
            ("criteria", .object([("max_force_hartree_per_bohr", .number(criteria.maxForce)), ("rms_force_hartree_per_bohr", .number(criteria.rmsForce)),
                                  ("max_step_bohr", .number(criteria.maxDisplacement)), ("rms_step_bohr", .number(criteria.rmsDisplacement))])),
            ("geometry_angstrom", .array(geometry)), ("steps", .array(steps.jsonRows())),
            ("optimization_wall_s", .number(optimization.wallSeconds)),
        ]
        return .object(fields)
    }

    public var text: String {
        let final = optimization.final.result
        return steps.textTable().renderedText()
            + String(format: "converged in %d steps (%.1f s): E = %.10f Eh, %.2e Eh below the start\n", optimization.steps.count,
                     optimization.wallSeconds, final.energy, (optimization.steps.first?.energy ?? final.energy) - final.energy)
            + SinglePointSummary(optimization.final, source: source).text
    }
}
