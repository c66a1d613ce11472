import Foundation
import Impedance
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Model-free and circuit R_e/R_i, and the series fit. Oracles: an R–(R‖CPE) spectrum is an exact
/// depressed circular arc (Cole & Cole 1941) cutting the real axis at R0 and R0 + R1 with its centre
/// (1 − n)·90° below the axis; a series of spectra generated from known parameters must come back.
@Suite struct ResistanceTests {
    static func spectrum(_ circuit: String, _ parameters: [Double], decades: ClosedRange<Double> = -2...6, perDecade: Int = 10,
                         loop: Int = 1, noise: Double = 0, seed: UInt64 = 1) throws -> ImpedanceSpectrum {
        let c = try Circuit(circuit)
        let count = Int((decades.upperBound - decades.lowerBound) * Double(perDecade)) + 1
        let f = (0..<count).map { pow(10, decades.upperBound - Double($0) / Double(perDecade)) }
        let z = try c.impedance(parameters, frequencies: f)
        var rng = SplitMix64(state: seed)
        func gauss() -> Double {
            let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300), u2 = Double(rng.next() >> 11) / Double(1 << 53)
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        let re = z.map { $0.re * (1 + noise * gauss()) }, im = z.map { $0.im * (1 + noise * gauss()) }
        return try ImpedanceSpectrum(frequency: f, real: re, imaginary: im, loop: loop, source: "synthetic \(circuit)")
    }

    @Test func depressedArcGivesItsInterceptsAndAngle() throws {
        let s = try Self.spectrum("R0-p(R1,CPE1)", [5, 100, 1e-5, 0.85])
        let arc = try ArcResistances.measure(s)
        #expect(abs(arc.electrolyteResistance - 5) < 1e-6)
        #expect(abs(arc.interfacialResistance - 100) < 1e-6)
        #expect(abs(arc.depressionAngle - 0.15 * 90) < 1e-6)
        #expect(arc.relativeResidual < 1e-9)
    }

    @Test func arcBeforeADiffusionTailIsTheFirstArc() throws {
        // Two well separated arcs and a Warburg tail: the first arc is R1's.
        let s = try Self.spectrum("R0-p(R1,CPE1)-p(R2,CPE2)-W1", [2, 40, 1e-7, 0.9, 120, 1e-3, 0.9, 5])
        let arc = try ArcResistances.measure(s)
        #expect(abs(arc.electrolyteResistance - 2) / 2 < 0.05)
        #expect(abs(arc.interfacialResistance - 40) / 40 < 0.05)
    }

    @Test func noArcIsANamedError() throws {
        let s = try Self.spectrum("R0-W1", [10, 50])
        let error = expectInterphaseError(.invalidData) { try ArcResistances.measure(s) }
        #expect(error?.message.contains("no arc") == true)
    }

    @Test func circuitResistancesSumByPlaceInTheTree() throws {
        let s = try Self.spectrum("R0-p(R1,C1)-p(R2-Wo1,C2)", [0.01, 0.005, 0.1, 0.005, 0.05, 100, 1], decades: -3...5)
        let fit = try CircuitFit.fit(try Circuit("R0-p(R1,C1)-p(R2-Wo1,C2)"), to: s, initialGuess: [0.01, 0.01, 100, 0.01, 0.05, 100, 1])
        let r = CircuitResistances(fit)
        #expect(r.electrolyteParameters == ["R0"] && r.interfacialParameters == ["R1", "R2"])
        let r0 = try #require(fit.value("R0")), r1 = try #require(fit.value("R1")), r2 = try #require(fit.value("R2"))
        #expect(r.electrolyte == r0.value && r.electrolyteError == r0.standardError)
        #expect(r.interfacial == r1.value + r2.value)
        // σ(R1 + R2)² = σ1² + σ2² + 2 ρ12 σ1 σ2 from the fit's correlation matrix.
        let i = try #require(fit.freeParameterNames.firstIndex(of: "R1")), j = try #require(fit.freeParameterNames.firstIndex(of: "R2"))
        let expected = (r1.standardError * r1.standardError + r2.standardError * r2.standardError
            + 2 * fit.correlation[i, j] * r1.standardError * r2.standardError).squareRoot()
        #expect(isClose(r.interfacialError!, expected, rel: 1e-9))
        #expect(r.interfacialError! >= 0)
    }

    @Test func seriesFitFollowsChangingParameters() throws {
        // Twelve spectra whose R1 grows 100 → 210 Ω with 0.3 % noise; fitted on both cores, seeded.
        let spectra = try (0..<12).map { k in
            try Self.spectrum("R0-p(R1,CPE1)", [5 + 0.2 * Double(k), 100 + 10 * Double(k), 2e-5, 0.8], loop: k + 1, noise: 0.003,
                              seed: UInt64(k + 7))
        }
        let options = SpectrumFitOptions(circuit: try Circuit("R0-p(R1,CPE1)"))
        let outcomes = try SpectrumFitting.run(spectra, options: options)
        #expect(outcomes.count == 12 && outcomes.allSatisfy { $0.converged })
        #expect(outcomes.dropFirst().contains { $0.seeded })
        for (k, outcome) in outcomes.enumerated() {
            let r1 = try #require(outcome.fit?.value("R1")?.value)
            #expect(abs(r1 - (100 + 10 * Double(k))) / (100 + 10 * Double(k)) < 0.01, "spectrum \(k + 1): R1 \(r1)")
            let arc = try #require(outcome.arc)
            #expect(abs(arc.interfacialResistance - r1) / r1 < 0.03)
        }
        let wrong = SpectrumFitOptions(circuit: try Circuit("R0-p(R1,CPE1)"), initialGuess: [1, 2])
        let error = expectInterphaseError(.invalidParameter) { try SpectrumFitting.run(spectra, options: wrong) }
        #expect(error?.message.contains("R0, R1, CPE1_0, CPE1_1") == true)
    }
}
