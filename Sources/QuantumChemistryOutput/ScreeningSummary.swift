import Foundation
import InterphaseCore
import QuantumChemistry

/// The SEI screening table: per species HOMO, LUMO, the LUMO's margin above the reduction reference
/// (all eV) and the verdict the reference study draws from it; the reference level and its source.
public struct ScreeningSummary: Sendable {
    public let entries: [SEIScreening.Entry]
    public let reference: ReductionReference
    public let options: SinglePointOptions

    public init(_ entries: [SEIScreening.Entry], reference: ReductionReference, options: SinglePointOptions) {
        self.entries = entries
        self.reference = reference
        self.options = options
    }

    /// "stable" (LUMO above the reference) or "reduced by Li" (below).
    public static func verdict(_ entry: SEIScreening.Entry) -> String {
        guard let stable = entry.stable else { return "no LUMO" }
        return stable ? "stable (LUMO above μ_Li)" : "reduced by Li (LUMO below μ_Li)"
    }

    public var table: ResultTable {
        var t = ResultTable(columns: [
            .init("species"), .init("method"), .init("basis_functions"), .init("energy_hartree", decimals: 8), .init("homo_eV", decimals: 3),
            .init("lumo_eV", decimals: 3), .init("lumo_minus_reference_eV", decimals: 3), .init("verdict"), .init("iterations"), .init("geometry"), .init("wall_s", decimals: 1),
        ])
        for e in entries {
            let r = e.calculation.result
            t.append([.text(e.name), .text("\(r.method)/\(e.calculation.basis.name.name)"), .integer(r.functionCount), .number(r.energy),
                      .number(e.homoEV), .number(e.lumoEV), .number(e.marginEV), .text(Self.verdict(e)), .integer(r.iterations),
                      .text(e.optimization.map { "optimised (\($0.steps.count) steps)" } ?? "as given"),
                      .number(e.optimization?.wallSeconds ?? e.calculation.wallSeconds)])
        }
        return t
    }

    public var json: JSONValue {
        .object([
            ("method", .string(options.method.description)), ("basis", .string(options.basis.name)),
            ("grid", .string(options.method.functional == nil ? nil : options.scf.grid.description)),
            ("reference_ev", .number(reference.energyEV)), ("reference_source", .string(reference.source)),
            ("species", .array(table.jsonRows())),
        ])
    }

    public var text: String {
        String(format: "reference: %.2f eV (%@)\n", reference.energyEV, reference.source) + table.textTable().renderedText()
    }
}
