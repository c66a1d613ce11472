import Foundation
import Impedance
import ImpedanceReaders
import InterphaseCore
import InterphaseData

/// `summary.json` and `fits.csv` of `interphase eis fit` / `eis batch`, built from the computed values
/// (JSON at full precision). Keys carry units (`_ohm`, `_s`, `_Hz`, `_deg`); per spectrum:
/// `circuit`, `parameters` (name → value), `standard_errors`, `units`, `chi_square`,
/// `reduced_chi_square`, `converged`, `points_used`, `re_ohm`, `ri_ohm` (from the circuit) and
/// `arc` (model-free R_e, R_i); a file of one sweep repeats its spectrum's keys at the top level.
public struct SpectrumFitSummary: Sendable {
    /// The files read, in order, with their formats and warnings.
    public var sources: [(file: String, format: FileFormat, warnings: [String])]
    public var outcomes: [SpectrumFitOutcome]
    public var options: SpectrumFitOptions

    public init(sources: [(file: String, format: FileFormat, warnings: [String])], outcomes: [SpectrumFitOutcome],
                options: SpectrumFitOptions) {
        self.sources = sources
        self.outcomes = outcomes
        self.options = options
    }

    /// True when every spectrum's fit converged.
    public var allConverged: Bool { outcomes.allSatisfy(\.converged) }

    public var json: JSONValue {
        var top: [(String, JSONValue)] = [
            ("sources", .array(sources.map { source in
                .object([("file", .string(source.file)), ("format", .string(source.format.id)),
                         ("warnings", .array(source.warnings.map { .string($0) }))])
            })),
            ("circuit", .string(options.circuit.text)),
            ("weighting", .string(options.fit.weighting.rawValue)),
            ("constants", .object(options.fit.constants.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
            ("preparation", .object([
                ("frequency_min_Hz", .number(options.preparation.frequencyRange?.lowerBound)),
                ("frequency_max_Hz", .number(options.preparation.frequencyRange?.upperBound)),
                ("drop_inductive", .bool(options.preparation.dropInductive)),
            ])),
            ("converged", .bool(allConverged)),
            ("spectra_count", .integer(outcomes.count)),
        ]
        let spectra = outcomes.map(Self.spectrumFields)
        if outcomes.count == 1, let only = spectra.first {
            top += only.filter { key, _ in !["circuit", "converged"].contains(key) }
        }
        top.append(("spectra", .array(spectra.map { .object($0) })))
        return .object(top)
    }

    static func spectrumFields(_ o: SpectrumFitOutcome) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("loop", .integer(o.spectrum.loop)),
            ("source", .string(o.spectrum.source)),
            ("start_time_s", .number(o.spectrum.time?.first)),
            ("points", .integer(o.spectrum.count)),
            ("points_used", .integer(o.fit?.pointsUsed ?? o.fitted?.count ?? 0)),
            ("converged", .bool(o.converged)),
            ("seeded_from_previous", .bool(o.seeded)),
        ]
        if let fit = o.fit {
            let names = fit.parameterNames
            fields += [
                ("parameters", .object(names.indices.map { (names[$0], .number(fit.parameters[$0])) })),
                ("standard_errors", .object(names.indices.map { (names[$0], .number(fit.standardErrors[$0])) })),
                ("units", .object(names.indices.map { (names[$0], .string(fit.units[$0])) })),
                ("constant", .array(names.indices.filter { fit.isConstant[$0] }.map { .string(names[$0]) })),
                ("chi_square", .number(fit.chiSquare)),
                ("reduced_chi_square", .number(fit.reducedChiSquare)),
                ("re_ohm", .number(o.resistances?.electrolyte)),
                ("re_ohm_error", .number(o.resistances?.electrolyteError)),
                ("ri_ohm", .number(o.resistances?.interfacial)),
                ("ri_ohm_error", .number(o.resistances?.interfacialError)),
                ("re_parameters", .array((o.resistances?.electrolyteParameters ?? []).map { .string($0) })),
                ("ri_parameters", .array((o.resistances?.interfacialParameters ?? []).map { .string($0) })),
                ("at_bounds", .array(fit.parametersAtBounds.map { .string($0) })),
                ("solver", .object([("stop", .string(fit.solver.stop.rawValue)), ("evaluations", .integer(fit.solver.evaluations)),
                                    ("starts_tried", .integer(fit.startsTried))])),
            ]
        } else {
            fields.append(("error", .string(o.error?.description)))
        }
        if let arc = o.arc {
            fields.append(("arc", .object([
                ("re_ohm", .number(arc.electrolyteResistance)), ("ri_ohm", .number(arc.interfacialResistance)),
                ("measured_intercept_ohm", .number(arc.measuredIntercept)), ("apex_frequency_Hz", .number(arc.apexFrequency)),
                ("depression_angle_deg", .number(arc.depressionAngle)), ("points_used", .integer(arc.pointsUsed.count)),
                ("relative_residual", .number(arc.relativeResidual)),
            ])))
        } else {
            fields.append(("arc", .null))
            fields.append(("arc_error", .string(o.arcError?.message)))
        }
        return fields
    }

    /// One row per spectrum: loop, time, R_e, R_i (circuit and arc), χ², then every parameter with its
    /// standard error. Ω, s, Hz.
    public var table: ResultTable {
        let names = options.circuit.parameterNames, units = options.circuit.parameterUnits
        var columns: [ResultTable.Column] = [
            .init("loop"), .init("start_time_s", decimals: 1), .init("converged"),
            .init("re_ohm", significantDigits: 6), .init("ri_ohm", significantDigits: 6),
            .init("arc_re_ohm", significantDigits: 6), .init("arc_ri_ohm", significantDigits: 6),
            .init("chi_square", significantDigits: 6),
        ]
        for (name, unit) in zip(names, units) {
            let suffix = unit.isEmpty ? "" : " [\(unit)]"
            columns.append(.init(name + suffix, significantDigits: 6))
            columns.append(.init(name + " error" + suffix, significantDigits: 3))
        }
        var table = ResultTable(columns: columns)
        for o in outcomes {
            var row: [ResultTable.Cell] = [
                .integer(o.spectrum.loop), .number(o.spectrum.time?.first), .text(o.converged ? "yes" : "no"),
                .number(o.resistances?.electrolyte), .number(o.resistances?.interfacial),
                .number(o.arc?.electrolyteResistance), .number(o.arc?.interfacialResistance), .number(o.fit?.chiSquare),
            ]
            for k in names.indices {
                row.append(.number(o.fit?.parameters[k]))
                row.append(.number(o.fit?.standardErrors[k]))
            }
            table.append(row)
        }
        return table
    }
}

extension SpectrumFitSummary {
    /// What `eis fit` prints: for one spectrum every parameter with its standard error and unit, then
    /// R_e and R_i from the circuit and from the arc; for a series one row per spectrum.
    public var text: String {
        var lines = ["circuit:    \(options.circuit.text) (weighting: \(options.fit.weighting.rawValue))"]
        for source in sources {
            lines.append("file:       \(source.file) (\(source.format.id))")
            for warning in source.warnings { lines.append("warning:    \(warning)") }
        }
        func ohm(_ value: Double?, _ error: Double? = nil) -> String {
            guard let value else { return "–" }
            return String(format: "%.5g Ω", value) + (error.map { String(format: " ± %.2g", $0) } ?? "")
        }
        if outcomes.count == 1, let o = outcomes.first {
            guard let fit = o.fit else {
                return (lines + ["error:      \(o.error?.description ?? "the fit failed")"]).joined(separator: "\n") + "\n"
            }
            lines.append("points:     \(fit.pointsUsed) of \(o.spectrum.count); χ² \(String(format: "%.6g", fit.chiSquare)); reduced χ² \(String(format: "%.6g", fit.reducedChiSquare)); \(fit.solver.stop.rawValue)")
            var table = TextTable(header: ["parameter", "value", "std error", "unit", ""])
            for k in fit.parameterNames.indices {
                table.append([fit.parameterNames[k], String(format: "%.6g", fit.parameters[k]),
                              fit.isConstant[k] ? "" : String(format: "%.3g", fit.standardErrors[k]), fit.units[k],
                              fit.isConstant[k] ? "constant" : ""])
            }
            lines.append("")
            lines.append(table.renderedText().trimmingCharacters(in: .newlines))
            let bound = fit.parametersAtBounds
            if !bound.isEmpty {
                lines.append("note:       \(bound.joined(separator: ", ")) ended on a bound: not determined by these data")
            }
            lines.append("")
            lines.append("Re (circuit): \(ohm(o.resistances?.electrolyte, o.resistances?.electrolyteError))   Ri (circuit): \(ohm(o.resistances?.interfacial, o.resistances?.interfacialError))")
            if let arc = o.arc {
                lines.append("Re (arc):     \(ohm(arc.electrolyteResistance))   Ri (arc):     \(ohm(arc.interfacialResistance))   apex \(String(format: "%.4g", arc.apexFrequency)) Hz, depression \(String(format: "%.1f", arc.depressionAngle))°")
            } else if let error = o.arcError {
                lines.append("arc:          \(error.message)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        var table = TextTable(header: ["sweep", "time (h)", "Re (Ω)", "Ri (Ω)", "Re arc (Ω)", "Ri arc (Ω)", "χ²", "status"])
        for o in outcomes {
            table.append([
                String(o.spectrum.loop), o.spectrum.time?.first.map { String(format: "%.2f", $0 / Units.secondsPerHour) } ?? "",
                o.resistances?.electrolyte.map { String(format: "%.5g", $0) } ?? "", o.resistances?.interfacial.map { String(format: "%.5g", $0) } ?? "",
                o.arc.map { String(format: "%.5g", $0.electrolyteResistance) } ?? "", o.arc.map { String(format: "%.5g", $0.interfacialResistance) } ?? "",
                o.fit.map { String(format: "%.4g", $0.chiSquare) } ?? "", status(o),
            ])
        }
        lines.append("")
        lines.append(table.renderedText().trimmingCharacters(in: .newlines))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "ok", "ok (seeded)", "at bound: R0", "failed".
    private func status(_ o: SpectrumFitOutcome) -> String {
        guard let fit = o.fit else { return "failed" }
        let bound = fit.parametersAtBounds
        if !bound.isEmpty { return "at bound: " + bound.joined(separator: ", ") }
        return o.seeded ? "ok (seeded)" : "ok"
    }
}
