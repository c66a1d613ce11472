import InterphaseCore
import InterphaseData

/// How the real and imaginary residuals of a complex fit are weighted: each residual is
/// (Z_model − Z_data)/σ, and the fit minimises Σ of their squares (Orazem & Tribollet, Electrochemical
/// Impedance Spectroscopy, 2nd ed. (Wiley 2017); Boukamp, Solid State Ionics 20, 31 (1986)).
public enum ImpedanceWeighting: String, Sendable, Equatable, CaseIterable, Codable {
    /// σ = 1 Ω for every residual: impedance.py's default (absolute errors; large-|Z| points dominate).
    case unit
    /// Data-proportional: σ = |Z′ᵢ| for the real and |Z″ᵢ| for the imaginary residual (relative errors
    /// per component; needs no zero component).
    case proportional
    /// Modulus: σ = |Zᵢ| for both residuals of point i — impedance.py's `weight_by_modulus=True`.
    case modulus

    /// σ for the real and the imaginary residual of each point (Ω).
    /// - Throws: `.invalidData` naming the point when a σ would be zero.
    public func sigmas(_ spectrum: ImpedanceSpectrum) throws -> (real: [Double], imaginary: [Double]) {
        let n = spectrum.count
        let result: ([Double], [Double])
        switch self {
        case .unit:
            result = ([Double](repeating: 1, count: n), [Double](repeating: 1, count: n))
        case .proportional:
            result = (spectrum.real.map { Swift.abs($0) }, spectrum.imaginary.map { Swift.abs($0) })
        case .modulus:
            let m = spectrum.modulus
            result = (m, m)
        }
        for i in 0..<n where result.0[i] == 0 || result.1[i] == 0 {
            throw InterphaseError(
                .invalidData, "\(rawValue) weighting divides by a zero impedance component at f = \(spectrum.frequency[i]) Hz",
                file: spectrum.source, line: i + 1, lineLabel: "point", parameter: "weight")
        }
        return result
    }
}
