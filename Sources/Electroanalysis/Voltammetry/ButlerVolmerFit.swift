import Foundation
import InterphaseCore
import InterphaseNumerics

/// A least-squares fit of the Butler–Volmer law, optionally with mass-transport limits, to current
/// against overpotential.
///
/// Model (Bard & Faulkner, *Electrochemical Methods*, 2nd ed., Wiley 2001, ch. 3: the current–overpotential
/// equation with mass-transfer effects), with f = nF/(RT):
///
///     i(η) = i₀ (e_a − e_c) / (1 + i₀ e_a / i_lim,a + i₀ e_c / i_lim,c),   e_a = exp(α_a f η),  e_c = exp(−α_c f η)
///
/// Without the limits (i_lim → ∞) this is i₀ [exp(α_a f η) − exp(−α_c f η)]; far out on one branch it is
/// 1/i = 1/i_k + 1/i_lim. Limits are positive magnitudes (the cathodic limit bounds −i).
///
/// Parameters fitted: log₁₀ i₀, α_a, α_c (bounded to [0.01, 3]) and, with mass transport, log₁₀ i_lim,a and
/// log₁₀ i_lim,c. Residuals are asinh(i_model/s) − asinh(i/s) with s the initial i₀: logarithmic (like
/// a Tafel plot) where |i| ≫ s, linear near equilibrium, so points of every magnitude count and the
/// zero crossing does not diverge. Solver: `LeastSquares` (trust-region reflective); standard errors
/// from its covariance (as `curve_fit` with `absolute_sigma=False`), propagated to i₀ and the limits
/// through the logarithm (σ_i = i ln 10 σ_log).
public struct ButlerVolmerFit: Sendable {
    /// - Units: the current's (A, or A m⁻² when fitted on densities).
    public let exchangeCurrent: Double
    public let exchangeCurrentStandardError: Double
    public let alphaAnodic: Double
    public let alphaAnodicStandardError: Double
    public let alphaCathodic: Double
    public let alphaCathodicStandardError: Double
    /// Anodic and cathodic limiting currents (magnitudes), nil without mass transport. - Units: as `exchangeCurrent`.
    public let limitingAnodic: Double?
    public let limitingAnodicStandardError: Double?
    public let limitingCathodic: Double?
    public let limitingCathodicStandardError: Double?
    /// Points fitted.
    public let points: Int
    /// χ²/(m − n) of the asinh residuals (dimensionless).
    public let reducedChiSquare: Double
    /// The solver's outcome (parameters in the log form above).
    public let result: LeastSquaresResult
    /// f = nF/(RT). - Units: V⁻¹.
    public let inverseThermalVoltage: Double

    /// Fits the model to (η, i).
    /// - Parameters:
    ///   - f: nF/(RT) (V⁻¹).
    ///   - initial: starting i₀ (current units), α_a, α_c.
    ///   - massTransport: fit the two limits too (both branches must hold points).
    /// - Throws: `.invalidData` for fewer points than parameters + 1 or a missing branch with
    ///   `massTransport`; `.notConverged` (from `LeastSquares`) when the fit does not converge.
    public init(overpotential eta: [Double], current i: [Double], inverseThermalVoltage f: Double,
                initial: (exchangeCurrent: Double, alphaAnodic: Double, alphaCathodic: Double), massTransport: Bool) throws {
        let parameters = massTransport ? 5 : 3
        guard eta.count == i.count, eta.count > parameters else {
            throw InterphaseError(.invalidData, "Butler–Volmer fit: \(eta.count) points for \(parameters) parameters",
                                  expected: "more points than parameters")
        }
        let anodicMax = zip(eta, i).filter { $0.0 > 0 && $0.1 > 0 }.map(\.1).max()
        let cathodicMax = zip(eta, i).filter { $0.0 < 0 && $0.1 < 0 }.map { -$0.1 }.max()
        if massTransport && (anodicMax == nil || cathodicMax == nil) {
            throw InterphaseError(.invalidData, "Butler–Volmer fit with mass transport needs both branches; the \(anodicMax == nil ? "anodic" : "cathodic") branch has no points",
                                  parameter: "--mass-transport")
        }
        let scale = initial.exchangeCurrent > 0 && initial.exchangeCurrent.isFinite
            ? initial.exchangeCurrent : max(i.map(abs).max() ?? 1, 1e-30) * 1e-2
        let target = i.map { asinh($0 / scale) }
        let names = massTransport
            ? ["log10_i0", "alpha_a", "alpha_c", "log10_ilim_a", "log10_ilim_c"] : ["log10_i0", "alpha_a", "alpha_c"]
        let logScale = log10(scale)
        var lower = [logScale - 12, 0.01, 0.01], upper = [logScale + 12, 3.0, 3.0]
        var start = [log10(scale), min(max(initial.alphaAnodic, 0.02), 2.9), min(max(initial.alphaCathodic, 0.02), 2.9)]
        if massTransport, let anodicMax, let cathodicMax {
            lower += [logScale - 12, logScale - 12]
            upper += [logScale + 12, logScale + 12]
            start += [log10(1.2 * anodicMax), log10(1.2 * cathodicMax)]
        }
        for j in start.indices { start[j] = min(max(start[j], lower[j]), upper[j]) }
        let problem = try LeastSquaresProblem(parameterNames: names, lowerBounds: lower, upperBounds: upper, residuals: { p in
            let model = ButlerVolmerFit.current(eta, parameters: p, f: f)
            return model.indices.map { asinh(model[$0] / scale) - target[$0] }
        })
        let fit: LeastSquaresResult
        do {
            fit = try LeastSquares.solve(problem, initial: start, options: LeastSquaresOptions(maxEvaluations: 2000))
        } catch let error as InterphaseError {
            var error = error
            error.message = "Butler–Volmer fit: " + error.message
            throw error
        }
        let p = fit.parameters, se = fit.standardErrors
        let ln10 = log(10.0)
        exchangeCurrent = pow(10, p[0])
        exchangeCurrentStandardError = exchangeCurrent * ln10 * se[0]
        alphaAnodic = p[1]
        alphaAnodicStandardError = se[1]
        alphaCathodic = p[2]
        alphaCathodicStandardError = se[2]
        if massTransport {
            limitingAnodic = pow(10, p[3])
            limitingAnodicStandardError = pow(10, p[3]) * ln10 * se[3]
            limitingCathodic = pow(10, p[4])
            limitingCathodicStandardError = pow(10, p[4]) * ln10 * se[4]
        } else {
            limitingAnodic = nil
            limitingAnodicStandardError = nil
            limitingCathodic = nil
            limitingCathodicStandardError = nil
        }
        points = eta.count
        reducedChiSquare = fit.reducedChiSquare
        result = fit
        inverseThermalVoltage = f
    }

    /// The model at `eta` for parameters in the fitted (log) form.
    static func current(_ eta: [Double], parameters p: [Double], f: Double) -> [Double] {
        let i0 = pow(10, p[0])
        let la = p.count > 3 ? pow(10, p[3]) : .infinity, lc = p.count > 4 ? pow(10, p[4]) : .infinity
        return eta.map { x in
            let ea = exp(p[1] * f * x), ec = exp(-p[2] * f * x)
            return i0 * (ea - ec) / (1 + i0 * ea / la + i0 * ec / lc)
        }
    }

    /// The fitted current at each η (current units).
    public func current(at eta: [Double]) -> [Double] {
        ButlerVolmerFit.current(eta, parameters: result.parameters, f: inverseThermalVoltage)
    }
}
