import Foundation
@testable import Impedance
import ImpedanceReaders
import InterphaseCore
import InterphaseData
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// The DRT against pyDRTtools 0.2 `simple_run` on the same files and settings
/// (`References/kk_drt_reference.py` → `Reference/drt.json`): ε, the quadrature of A_re and A_im
/// (scipy quad there), the penalty matrix, the GCV score, and — at the λ pyDRTtools used — R∞, L, the
/// fitted impedance and the peak time constants (within 5 %). pyDRTtools' SLSQP often stays at its
/// starting λ; the reference also records the true minimiser of the same GCV score (grid + bounded
/// Brent), which ours must match.
@Suite struct DRTTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var data: String
            var data_used: String
            var induct_used: Int
            var der_used: String
            var cv_type: String
            var epsilon: Double
            var lambda: Double
            var R_inf: Double
            var L: Double
            var fit_real: [Double]
            var fit_imag: [Double]
            var A_re_column0: [Double]
            var A_re_row0: [Double]
            var A_im_column0: [Double]
            var A_im_row0: [Double]
            var M_row0: [Double]
            var gcv_lambdas: [Double]
            var gcv_scores: [Double]
            var gcv_minimiser_lambda: Double
            var gcv_minimiser_score: Double
            var peak_tau: [Double]
            var tight: Tight
        }
        struct Tight: Decodable {
            var R_inf: Double
            var L: Double
            var fit_real: [Double]
            var fit_imag: [Double]
            var peak_tau: [Double]
        }
        var cases: [Case]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("ImpedanceTests", "drt.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    static func options(_ c: Reference.Case, lambda: DRTOptions.Regularisation) -> DRTOptions {
        let used: DRTOptions.DataUsed = c.data_used.hasPrefix("Combined") ? .combined : c.data_used.hasPrefix("Re") ? .real : .imaginary
        return DRTOptions(dataUsed: used, inductance: c.induct_used == 1, penalty: c.der_used.hasPrefix("2") ? .second : .first,
                          regularisation: lambda)
    }

    @Test(arguments: reference.cases.map(\.name)) func sameDRTAsPyDRTtools(_ name: String) throws {
        let c = try #require(Self.reference.cases.first { $0.name == name })
        let spectrum = try ImpedanceLoader.load(Fixtures.root.appendingPathComponent(c.data)).spectra[0]
        let f = spectrum.frequency
        let epsilon = DRT.epsilon(frequency: f, coefficient: 0.5)
        #expect(abs(epsilon - c.epsilon) < 1e-10 * c.epsilon)
        let (aRe, aIm) = DRT.discretisation(frequency: f, tau: f.map { 1 / $0 }, epsilon: epsilon)
        let scaleRe = c.A_re_column0.map(abs).max()!, scaleIm = c.A_im_column0.map(abs).max()!
        for k in 0..<f.count {
            #expect(abs(aRe[k, 0] - c.A_re_column0[k]) < 1e-8 * scaleRe && abs(aRe[0, k] - c.A_re_row0[k]) < 1e-8 * scaleRe, "\(name): A_re \(k)")
            #expect(abs(aIm[k, 0] - c.A_im_column0[k]) < 1e-8 * scaleIm && abs(aIm[0, k] - c.A_im_row0[k]) < 1e-8 * scaleIm, "\(name): A_im \(k)")
        }
        let m = DRT.penaltyMatrix(tau: f.map { 1 / $0 }, epsilon: epsilon, order: Self.options(c, lambda: .fixed(1)).penalty)
        #expect(firstMismatch((0..<f.count).map { m[0, $0] }, c.M_row0, rel: 1e-10, abs: 1e-12) == nil, "\(name): M")

        // The regression at pyDRTtools' λ, against the exact optimum of the same program (cvxopt converged
        // to 1e-12: "tight"); pyDRTtools' default tolerances stop ~1e-3 above it in the objective, and its
        // R∞ within 2e-4 |Z| of these (checked below).
        let result = try DRT.compute(spectrum, options: Self.options(c, lambda: .fixed(c.lambda)))
        let scale = spectrum.modulus.max()!
        #expect(abs(result.seriesResistance - c.tight.R_inf) < 1e-6 * scale, "\(name): R∞ \(result.seriesResistance) vs \(c.tight.R_inf)")
        #expect(firstMismatch(result.fitted.map(\.re), c.tight.fit_real, rel: 0, abs: 1e-6 * scale) == nil, "\(name): fitted Z′")
        #expect(firstMismatch(result.fitted.map(\.im), c.tight.fit_imag, rel: 0, abs: 1e-6 * scale) == nil, "\(name): fitted Z″")
        #expect(result.peaks.count == c.tight.peak_tau.count, "\(name): peaks \(result.peaks.map(\.tau)) vs \(c.tight.peak_tau)")
        for (ours, theirs) in zip(result.peaks.map(\.tau), c.tight.peak_tau) {
            #expect(abs(ours / theirs - 1) < 0.05, "\(name): peak τ \(ours) vs pyDRTtools \(theirs)")
        }
        #expect(abs(result.seriesResistance - c.R_inf) < 2e-4 * scale, "\(name): R∞ vs pyDRTtools' default run")

        // GCV: the score, and its minimiser.
        if c.cv_type == "GCV" {
            let chosen = try DRT.compute(spectrum, options: Self.options(c, lambda: .generalizedCrossValidation))
            let score = try #require(chosen.gcvScore)
            #expect(score <= c.gcv_minimiser_score * (1 + 1e-6), "\(name): GCV \(score) vs \(c.gcv_minimiser_score)")
            #expect(abs(log(chosen.lambda / c.gcv_minimiser_lambda)) < 0.05, "\(name): λ \(chosen.lambda) vs \(c.gcv_minimiser_lambda)")
        }
    }

    @Test func knownDistributionComesBack() throws {
        // Oracle: an RC element with τ = 1 ms and a ZARC-free RC at 1 s give γ peaks at those τ (peak τ
        // within 10 %, Rp = ∫γ within 2 %), R∞ = 10 Ω.
        let f = (0..<71).map { pow(10, 5 - Double($0) / 10) }
        let z = try Circuit("R0-p(R1,C1)-p(R2,C2)").impedance([10, 100, 1e-5, 50, 2e-2], frequencies: f)
        let s = try ImpedanceSpectrum(frequency: f, real: z.map(\.re), imaginary: z.map(\.im))
        let result = try DRT.compute(s, options: DRTOptions(inductance: false, regularisation: .fixed(1e-6)))
        #expect(abs(result.seriesResistance - 10) < 0.2, "R∞ \(result.seriesResistance)")
        let taus = result.peaks.sorted { $0.gamma > $1.gamma }.prefix(2).map(\.tau).sorted()
        #expect(taus.count == 2 && abs(taus[0] / 1e-3 - 1) < 0.1 && abs(taus[1] / 1.0 - 1) < 0.1, "peaks \(taus)")
        #expect(abs(result.polarisationResistance / 150 - 1) < 0.02, "Rp \(result.polarisationResistance)")
    }

    @Test func nonNegativeQuadraticMatchesTheAnalyticCase() throws {
        // min ½xᵀx − dᵀx, x ≥ 0 has x = max(d, 0); a coupled 2×2 case by hand: Q = [[2,1],[1,2]], d = [1,−3]
        // → x₂ = 0 (its gradient stays negative), x₁ = 1/2.
        let identity = try NonNegativeQuadratic.solve(q: Matrix.identity(4), d: [1, -2, 3, 0])
        #expect(identity == [1, 0, 3, 0])
        let coupled = try NonNegativeQuadratic.solve(q: [[2, 1], [1, 2]], d: [1, -3])
        #expect(abs(coupled[0] - 0.5) < 1e-14 && coupled[1] == 0)
    }

    @Test func badSettingsAreNamed() throws {
        let f = [1e3, 1e2, 10, 1, 0.1, 0.01]
        let s = try ImpedanceSpectrum(frequency: f, real: f.map { _ in 1 }, imaginary: f.map { _ in -1 })
        #expect(expectInterphaseError(.invalidParameter) { try DRT.compute(s, options: DRTOptions(regularisation: .fixed(0))) }?.parameter == "lambda")
        let short = try ImpedanceSpectrum(frequency: [1, 2], real: [1, 1], imaginary: [0, 0])
        #expect(expectInterphaseError(.invalidParameter) { try DRT.compute(short) } != nil)
    }
}
