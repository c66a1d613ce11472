import Foundation
import Impedance
import ImpedanceReaders
import InterphaseCore
import InterphaseData
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// Lin-KK against impedance.py 1.7.1's `validation.linKK` on the same data and settings
/// (`References/kk_drt_reference.py` → `Reference/linkk.json`): the same M and μ, elements, fitted Z and
/// residuals; and analytic oracles: a KK-compliant circuit spectrum has residuals ≈ 0, a spectrum
/// violating causality (a drifting real part) does not.
@Suite struct LinKKTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var data: String
            var preprocessing: String
            var c: Double
            var max_M: Int
            var fit_type: String
            var add_cap: Bool
            var M: Int
            var mu: Double
            var elements: [Double]
            var fit_real: [Double]
            var fit_imag: [Double]
            var residuals_real: [Double]
            var residuals_imag: [Double]
        }
        var cases: [Case]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("ImpedanceTests", "linkk.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    @Test(arguments: reference.cases.map(\.name)) func sameModelAsImpedancePy(_ name: String) throws {
        let c = try #require(Self.reference.cases.first { $0.name == name })
        var spectrum = try ImpedanceLoader.load(Fixtures.root.appendingPathComponent(c.data)).spectra[0]
        if c.preprocessing == "ignoreBelowX" { spectrum = try spectrum.capacitivePoints() }
        let options = LinKKOptions(cutoff: c.c, maxElements: c.max_M, fitType: try #require(LinKKOptions.FitType(rawValue: c.fit_type)),
                                   addCapacitance: c.add_cap)
        let result = try LinKK.validate(spectrum, options: options)
        #expect(result.elementCount == c.M, "\(name): M \(result.elementCount), impedance.py \(c.M)")
        // μ to 1e-4: at M = 27 the complex fit's normal equations are ill-conditioned enough that LU
        // (ours) and numpy's inv differ in the sixth digit of the resistances; Z and residuals agree to 1e-6.
        #expect(abs(result.mu - c.mu) < 1e-4, "\(name): μ \(result.mu), impedance.py \(c.mu)")
        guard result.elementCount == c.M else { return }
        let scale = spectrum.modulus.max()!
        for (what, ours, theirs) in [("Z′", result.fitted.map(\.re), c.fit_real), ("Z″", result.fitted.map(\.im), c.fit_imag)] {
            if let (k, a, b) = firstMismatch(ours, theirs, rel: 0, abs: 1e-6 * scale) { Issue.record("\(name): fitted \(what)[\(k)] \(a) vs \(b)") }
        }
        for (what, ours, theirs) in [("real", result.realResiduals, c.residuals_real), ("imaginary", result.imaginaryResiduals, c.residuals_imag)] {
            if let (k, a, b) = firstMismatch(ours, theirs, rel: 0, abs: 1e-6) { Issue.record("\(name): \(what) residual[\(k)] \(a) vs \(b)") }
        }
        #expect(result.elements.count == c.elements.count)
    }

    static func circuitSpectrum(_ circuit: String, _ p: [Double], drift: Double = 0) throws -> ImpedanceSpectrum {
        let f = (0..<61).map { pow(10, 5 - Double($0) / 10) }
        let z = try Circuit(circuit).impedance(p, frequencies: f)
        // A drift: the real part grows with measurement time (low frequencies last), which no
        // causal, linear, time-invariant system produces.
        let re = z.indices.map { z[$0].re * (1 + drift * Double($0) / 60) }
        return try ImpedanceSpectrum(frequency: f, real: re, imaginary: z.map(\.im))
    }

    @Test func circuitDataAreKKCompliantAndDriftIsNot() throws {
        let valid = try LinKK.validate(try Self.circuitSpectrum("R0-p(R1,CPE1)-p(R2,C2)", [10, 100, 1e-5, 0.85, 50, 1e-2]))
        #expect(valid.maximumResidual < 2e-3, "max residual \(valid.maximumResidual)")
        let drifting = try LinKK.validate(try Self.circuitSpectrum("R0-p(R1,CPE1)-p(R2,C2)", [10, 100, 1e-5, 0.85, 50, 1e-2], drift: 0.2),
                                          options: LinKKOptions(fitType: .complex))
        #expect(drifting.maximumResidual > 10 * valid.maximumResidual, "drift \(drifting.maximumResidual) vs \(valid.maximumResidual)")
        #expect(valid.muTrace.count == valid.elementCount && valid.muTrace.last == valid.mu)
    }

    @Test func badSettingsAreNamed() throws {
        let s = try Self.circuitSpectrum("R0-p(R1,C1)", [1, 10, 1e-3])
        #expect(expectInterphaseError(.invalidParameter) { try LinKK.validate(s, options: LinKKOptions(cutoff: 1.5)) }?.parameter == "c")
        #expect(expectInterphaseError(.invalidParameter) { try LinKK.validate(s, options: LinKKOptions(maxElements: 0)) }?.parameter == "max_M")
    }
}
