import Foundation
import Impedance
import InterphaseCore
import InterphaseData

/// `summary.json`, `drt.csv` and the text of `interphase eis drt`: per sweep the λ (and how chosen), R∞,
/// L, the polarisation resistance and the peaks (τ s, f Hz, γ Ω).
public struct DRTSummary: Sendable {
    public var file: String
    public var results: [(spectrum: ImpedanceSpectrum, result: DRTResult)]

    public init(file: String, results: [(spectrum: ImpedanceSpectrum, result: DRTResult)]) {
        self.file = file
        self.results = results
    }

    static func fields(_ s: ImpedanceSpectrum, _ r: DRTResult) -> [(String, JSONValue)] {
        [("loop", .integer(s.loop)), ("points", .integer(s.count)), ("lambda", .number(r.lambda)), ("gcv_score", .number(r.gcvScore)),
         ("epsilon", .number(r.epsilon)), ("R_inf_ohm", .number(r.seriesResistance)), ("L_H", .number(r.inductance)),
         ("polarisation_resistance_ohm", .number(r.polarisationResistance)),
         ("peaks", .array(r.peaks.map { p in
             .object([("tau_s", .number(p.tau)), ("frequency_Hz", .number(p.frequency)), ("gamma_ohm", .number(p.gamma))])
         }))]
    }

    public var json: JSONValue {
        var top: [(String, JSONValue)] = [("file", .string(file))]
        if let o = results.first?.result.options {
            let lambda: JSONValue
            switch o.regularisation {
            case let .fixed(value): lambda = .number(value)
            case .generalizedCrossValidation: lambda = .string("GCV")
            }
            top.append(("settings", .object([
                ("basis", .string("Gaussian RBF, FWHM coefficient \(o.fwhmCoefficient)")), ("data_used", .string(o.dataUsed.rawValue)),
                ("inductance", .bool(o.inductance)), ("penalty_derivative", .integer(o.penalty.rawValue)), ("lambda", lambda),
                ("method", .string("Tikhonov-regularised non-negative DRT as pyDRTtools 0.2 simple_run")),
            ])))
        }
        if results.count == 1, let only = results.first { top += Self.fields(only.spectrum, only.result).dropFirst() }
        top.append(("spectra", .array(results.map { .object(Self.fields($0.spectrum, $0.result)) })))
        return .object(top)
    }

    /// γ(τ) of every sweep, long format.
    public var table: ResultTable {
        var t = ResultTable(columns: [.init("loop"), .init("tau_s", significantDigits: 6), .init("gamma_ohm", significantDigits: 6)])
        for (s, r) in results {
            for k in r.fineTau.indices { t.append([.integer(s.loop), .number(r.fineTau[k]), .number(r.gamma[k])]) }
        }
        return t
    }

    public var text: String {
        var lines = ["file:       \(file)", "DRT:        Tikhonov, non-negative, Gaussian RBF (pyDRTtools' simple_run)", ""]
        var table = TextTable(header: ["sweep", "λ", "R∞ (Ω)", "Rp (Ω)", "peaks τ (s)"])
        for (s, r) in results {
            table.append([String(s.loop), String(format: "%.3g", r.lambda), String(format: "%.5g", r.seriesResistance),
                          String(format: "%.5g", r.polarisationResistance), r.peaks.map { String(format: "%.3g", $0.tau) }.joined(separator: ", ")])
        }
        lines.append(table.renderedText().trimmingCharacters(in: .newlines))
        return lines.joined(separator: "\n") + "\n"
    }
}
