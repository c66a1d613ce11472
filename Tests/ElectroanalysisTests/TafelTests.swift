import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Tafel, micro-polarisation and Butler–Volmer analyses on generated polarisation curves. Independent
/// source: the Butler–Volmer law itself (i₀, α_a, α_c, limits chosen here) evaluated in
/// `VoltammetryFixtures`, and its exact symmetric-cell form i = 2 i₀ sinh(FV/4RT) for α = 0.5.
@Suite struct TafelTests {
    static let area = 1.131e-4 // m² (the study's 12 mm electrode)
    static let i0 = 0.5e-3 / 1e-4 * 1.131e-4 // 0.5 mA cm⁻² → A

    /// A sweep from −0.25 to +0.25 V around E_eq = 0.1 V, 1 mV steps.
    static func curve(alphaA: Double = 0.6, alphaC: Double = 0.4, limitA: Double = .infinity, limitC: Double = .infinity,
                      noise: Double = 0, eEq: Double = 0.1) -> Recording {
        let eta = VoltammetryFixtures.grid(-0.25, 0.25, 0.001)
        let deviates = VoltammetryFixtures.normals(eta.count, seed: 14)
        let current = eta.indices.map { k in
            VoltammetryFixtures.butlerVolmer(eta[k], i0: i0, alphaA: alphaA, alphaC: alphaC, limitA: limitA, limitC: limitC)
                * (1 + noise * deviates[k])
        }
        return VoltammetryFixtures.recording(potential: eta.map { $0 + eEq }, current: current, dt: 0.2, area: area)
    }

    @Test func butlerVolmerCurveGivesBackI0AndAlphas() throws {
        let a = try TafelAnalysis(recording: TafelTests.curve())
        // E_eq from the zero crossing: the curve crosses at exactly 0.1 V, a grid point.
        #expect(isClose(a.equilibriumPotential, 0.1, abs: 1e-9))
        #expect(a.equilibriumFromData)
        // Full Butler–Volmer fit of noise-free data: the generating parameters to solver precision.
        let bv = try #require(a.butlerVolmer)
        #expect(isClose(bv.exchangeCurrent, TafelTests.i0, rel: 1e-6))
        #expect(isClose(bv.alphaAnodic, 0.6, rel: 1e-6) && isClose(bv.alphaCathodic, 0.4, rel: 1e-6))
        // Tafel lines: the back reaction bends the curve by exp(−(α_a+α_c)Fη/RT) ≤ 0.3 % beyond 150 mV;
        // the windows chosen lie there, so slopes and intercepts are within 1 % (α) and 3 % (i₀).
        let anodic = try #require(a.anodic), cathodic = try #require(a.cathodic)
        #expect(isClose(anodic.alpha, 0.6, rel: 0.01), "α_a \(anodic.alpha), window \(anodic.window)")
        #expect(isClose(cathodic.alpha, 0.4, rel: 0.01), "α_c \(cathodic.alpha), window \(cathodic.window)")
        #expect(isClose(a.exchangeCurrent, TafelTests.i0, rel: 0.03), "i0 \(a.exchangeCurrent)")
        // b = 2.303 RT/(αF): 98.6 mV/dec for α = 0.6, −147.9 for α = 0.4.
        #expect(isClose(anodic.tafelSlope, log(10) / (0.6 * VoltammetryFixtures.f), rel: 0.01))
        #expect(isClose(cathodic.tafelSlope, -log(10) / (0.4 * VoltammetryFixtures.f), rel: 0.01))
        #expect(anodic.window.lowerBound >= 0.05 && cathodic.window.upperBound <= -0.05)
        #expect(isClose(try #require(a.exchangeCurrentDensity), 5.0, rel: 0.03)) // A m⁻² = 0.5 mA cm⁻²
        // Micro-polarisation: i ≈ i₀ F η/RT for α_a + α_c = 1 (linearisation error < 1 % within ±10 mV).
        let micro = try #require(a.microPolarisation)
        #expect(isClose(micro.exchangeCurrent, TafelTests.i0, rel: 0.01))
        #expect(isClose(micro.resistance, 1 / (VoltammetryFixtures.f * TafelTests.i0), rel: 0.01))
    }

    @Test func noisyCurveStaysWithinItsStandardErrors() throws {
        // 3 % multiplicative Gaussian noise (seeded): the fit's i₀ and α within 3 standard errors and 3 %.
        let a = try TafelAnalysis(recording: TafelTests.curve(noise: 0.03))
        let bv = try #require(a.butlerVolmer)
        #expect(abs(bv.exchangeCurrent - TafelTests.i0) <= 3 * bv.exchangeCurrentStandardError + 1e-12)
        #expect(abs(bv.alphaAnodic - 0.6) <= 3 * bv.alphaAnodicStandardError)
        #expect(abs(bv.alphaCathodic - 0.4) <= 3 * bv.alphaCathodicStandardError)
        #expect(bv.exchangeCurrentStandardError > 0 && bv.alphaAnodicStandardError > 0)
        #expect(isClose(bv.exchangeCurrent, TafelTests.i0, rel: 0.03))
        // Tafel lines through the noise: α within 5 %, i₀ within 10 %.
        #expect(isClose(try #require(a.anodic).alpha, 0.6, rel: 0.05))
        #expect(isClose(try #require(a.cathodic).alpha, 0.4, rel: 0.05))
        #expect(isClose(a.exchangeCurrent, TafelTests.i0, rel: 0.10), "i0 \(a.exchangeCurrent)")
    }

    @Test func massTransportLimitsAreFitted() throws {
        let limitA = 8 * TafelTests.i0, limitC = 5 * TafelTests.i0
        let recording = TafelTests.curve(alphaA: 0.5, alphaC: 0.5, limitA: limitA, limitC: limitC)
        var options = TafelOptions()
        options.massTransport = true
        let a = try TafelAnalysis(recording: recording, options: options)
        let bv = try #require(a.butlerVolmer)
        #expect(isClose(bv.exchangeCurrent, TafelTests.i0, rel: 1e-5))
        #expect(isClose(bv.alphaAnodic, 0.5, rel: 1e-5) && isClose(bv.alphaCathodic, 0.5, rel: 1e-5))
        #expect(isClose(try #require(bv.limitingAnodic), limitA, rel: 1e-5))
        #expect(isClose(try #require(bv.limitingCathodic), limitC, rel: 1e-5))
        // Without the limits in the model the same data are fitted worse (it cannot bend).
        options.massTransport = false
        let plain = try #require(try TafelAnalysis(recording: recording, options: options).butlerVolmer)
        #expect(plain.reducedChiSquare > 1e3 * max(bv.reducedChiSquare, 1e-30))
    }

    @Test func symmetricCellUsesTheTwoElectrodeFactors() throws {
        // Li‖Li with α = 0.5 on both electrodes: V = 2·(2RT/F)·asinh(i/2i₀), i.e. i = 2 i₀ sinh(FV/4RT).
        // ±0.5 V: the back reaction, exp(−FV/2RT), is below 1 % only beyond 180 mV of cell voltage.
        let f = VoltammetryFixtures.f
        let volts = VoltammetryFixtures.grid(-0.5, 0.5, 0.001)
        let current = volts.map { 2 * TafelTests.i0 * sinh(f * $0 / 4) }
        var options = TafelOptions()
        options.electrodes = .symmetric
        let a = try TafelAnalysis(recording: VoltammetryFixtures.recording(potential: volts, current: current, area: TafelTests.area),
                                  options: options)
        let bv = try #require(a.butlerVolmer)
        #expect(isClose(bv.exchangeCurrent, TafelTests.i0, rel: 1e-6))
        #expect(isClose(bv.alphaAnodic, 0.25, rel: 1e-6) && isClose(bv.alphaCathodic, 0.25, rel: 1e-6)) // apparent
        let anodic = try #require(a.anodic)
        #expect(isClose(anodic.alphaApparent, 0.25, rel: 0.03) && isClose(anodic.alpha, 0.5, rel: 0.03), "\(anodic.alpha)")
        #expect(isClose(a.exchangeCurrent, TafelTests.i0, rel: 0.05), "i0 \(a.exchangeCurrent)")
        // R_cell = 2RT/(F i₀): the factor 2 gives i₀ back (linearisation error 0.2 % at ±10 mV).
        let micro = try #require(a.microPolarisation)
        #expect(isClose(micro.resistance, 2 / (f * TafelTests.i0), rel: 0.005))
        #expect(isClose(micro.exchangeCurrent, TafelTests.i0, rel: 0.005))
    }

    @Test func givenEquilibriumPotentialIsUsed() throws {
        var options = TafelOptions()
        options.equilibriumPotential = 0.1
        let a = try TafelAnalysis(recording: TafelTests.curve(), options: options)
        #expect(a.equilibriumPotential == 0.1 && !a.equilibriumFromData)
        #expect(isClose(a.overpotential.first ?? .nan, -0.25, abs: 1e-12))
    }

    @Test func badInputNamesWhatIsMissing() throws {
        // All currents positive: no zero crossing.
        let eta = VoltammetryFixtures.grid(0.05, 0.3, 0.001)
        let anodicOnly = VoltammetryFixtures.recording(potential: eta, current: eta.map { 1e-4 * exp(20 * $0) })
        let crossing = expectInterphaseError(.invalidData) { try TafelAnalysis(recording: anodicOnly) }
        #expect(crossing?.parameter == "--equilibrium-potential")
        #expect(crossing?.message.contains("no current crossing zero") == true)
        // Only ±30 mV: no point reaches the 50 mV minimum; the message names both branches.
        let small = VoltammetryFixtures.grid(-0.03, 0.03, 0.001)
        let narrow = VoltammetryFixtures.recording(potential: small, current: small.map {
            VoltammetryFixtures.butlerVolmer($0, i0: 1e-3, alphaA: 0.5, alphaC: 0.5)
        })
        let region = expectInterphaseError(.invalidData) { try TafelAnalysis(recording: narrow) }
        #expect(region?.message.contains("Tafel region not found") == true)
        #expect(region?.message.contains("anodic branch: 0 point(s) with |η| ≥ 50.0 mV") == true, "\(region?.message ?? "")")
        #expect(region?.message.contains("cathodic branch") == true)
        // Enough overpotential but less than half a decade: the windows tried are counted.
        var options = TafelOptions()
        options.minimumDecades = 5
        let decades = expectInterphaseError(.invalidData) { try TafelAnalysis(recording: TafelTests.curve(), options: options) }
        #expect(decades?.message.contains("window(s) of ≥ 5 points spanning ≥ 5.0 decade were tried") == true, "\(decades?.message ?? "")")
        options = TafelOptions()
        options.electrodeArea = -1
        #expect(expectInterphaseError(.invalidParameter) { try TafelAnalysis(recording: TafelTests.curve(), options: options) }?.parameter == "--area-cm2")
        let tiny = VoltammetryFixtures.recording(potential: [0, 0.1], current: [0, 1])
        _ = expectInterphaseError(.invalidData) { try TafelAnalysis(recording: tiny) }
    }
}
