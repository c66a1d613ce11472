import Foundation
import Impedance
import InterphaseCore
import InterphaseData

/// `summary.json`, `kk_residuals.csv` and the text of `interphase eis kk`: per sweep the M and μ chosen,
/// the largest residual in %, and the residuals per frequency.
public struct LinKKSummary: Sendable {
    public var file: String
    /// Each sweep as tested (the points given to `LinKK.validate`) with its result.
    public var results: [(spectrum: ImpedanceSpectrum, result: LinKKResult)]

    /// - Precondition: each result was computed from its spectrum (same points).
    public init(file: String, results: [(spectrum: ImpedanceSpectrum, result: LinKKResult)]) {
        self.file = file
        precondition(results.allSatisfy { $0.spectrum.count == $0.result.frequency.count }, "LinKKSummary: a result of other points")
        self.results = results
    }

    static func fields(_ s: ImpedanceSpectrum, _ r: LinKKResult) -> [(String, JSONValue)] {
        [("loop", .integer(s.loop)), ("points", .integer(s.count)), ("M", .integer(r.elementCount)), ("mu", .number(r.mu)),
         ("max_residual_pct", .number(100 * r.maximumResidual)),
         ("R0_ohm", .number(r.seriesResistance)), ("L_H", .number(r.inductance)),
         ("inverse_C_per_F", .number(r.inverseCapacitance)),
         ("mu_trace", .array(r.muTrace.map { .number($0) }))]
    }

    public var json: JSONValue {
        var top: [(String, JSONValue)] = [("file", .string(file))]
        if let first = results.first {
            let o = first.result.options
            top.append(("settings", .object([
                ("c", .number(o.cutoff)), ("max_M", .integer(o.maxElements)), ("fit_type", .string(o.fitType.rawValue)),
                ("add_cap", .bool(o.addCapacitance)),
                ("method", .string("Schönleber et al. 2014 lin-KK as impedance.py 1.7.1 validation.linKK")),
            ])))
        }
        if results.count == 1, let only = results.first { top += Self.fields(only.spectrum, only.result).dropFirst() }
        top.append(("spectra", .array(results.map { .object(Self.fields($0.spectrum, $0.result)) })))
        top.append(("residuals", .table(table)))
        return .object(top)
    }

    /// One row per point: sweep, frequency, Z′, Z″, the model's Z′, Z″, residuals in %.
    public var table: ResultTable {
        var t = ResultTable(columns: [
            .init("loop"), .init("frequency_Hz", significantDigits: 6), .init("Zre_ohm", significantDigits: 6), .init("Zim_ohm", significantDigits: 6),
            .init("fit_Zre_ohm", significantDigits: 6), .init("fit_Zim_ohm", significantDigits: 6),
            .init("residual_real_pct", decimals: 4), .init("residual_imag_pct", decimals: 4),
        ])
        for (s, r) in results {
            for k in 0..<s.count {
                t.append([.integer(s.loop), .number(s.frequency[k]), .number(s.real[k]), .number(s.imaginary[k]), .number(r.fitted[k].re),
                          .number(r.fitted[k].im), .number(100 * r.realResiduals[k]), .number(100 * r.imaginaryResiduals[k])])
            }
        }
        return t
    }

    public var text: String {
        var table = TextTable(header: ["sweep", "points", "M", "μ", "max |residual| (%)"])
        for (s, r) in results {
            table.append([String(s.loop), String(s.count), String(r.elementCount), String(format: "%.4f", r.mu),
                          String(format: "%.3f", 100 * r.maximumResidual)])
        }
        return "file:       \(file)\nlin-KK:     Schönleber et al. 2014 (impedance.py's linKK)\n\n" + table.renderedText()
    }
}
