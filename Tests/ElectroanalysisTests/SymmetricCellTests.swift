import CyclerData
import Electroanalysis
import Foundation
import CyclingOutput
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Li||Li analysis on constructed profiles whose plateau, failure time and rate schedule are known by
/// construction (the oracle is the construction itself).
@Suite struct SymmetricCellTests {
    /// One plating (−I, V < 0) + stripping (+I, V > 0) cycle with a nucleation peak in the first 5 % of
    /// each half and a flat plateau `plateau` (V) afterwards.
    static func cycle(_ builder: inout SyntheticRecording, current: Double, hours: Double, plateau: Double, peak: Double? = nil,
                      noise: Double = 0, seed: inout UInt64) {
        let duration = hours * 3600
        seed &+= 1
        let base = seed
        for sign in [-1.0, 1.0] {
            let p = peak ?? plateau * 1.3
            builder.add(.init(current: sign * current, duration: duration) { t in
                // Deterministic pseudo-random jitter in [−noise, noise] from (seed, t).
                var generator = SplitMix64(state: base ^ t.bitPattern ^ (sign > 0 ? 0xABCD : 0))
                let jitter = noise * (Double(generator.next() >> 11) / Double(1 << 53) - 0.5) * 2
                let shape = t < 0.05 * duration ? p : plateau
                return sign * (shape + jitter * plateau)
            })
        }
    }

    @Test func plateauPeakHysteresisAndAreaQuantities() throws {
        var builder = SyntheticRecording(dt: 10)
        var seed: UInt64 = 1
        for _ in 0..<6 { SymmetricCellTests.cycle(&builder, current: 1.131e-3, hours: 1, plateau: 0.050, peak: 0.080, seed: &seed) }
        let area = 1.131e-4 // 1.131 cm², the study's 12 mm electrode
        let recording = builder.build(area: area)
        let analysis = try CyclingAnalysis(recording: recording)
        #expect(analysis.cellType == .symmetric)
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.cycles.count == 6)
        for c in a.cycles {
            // Plateau: the 10 % exclusion removes the 5 % peak, so the mean is exactly 50 mV.
            #expect(isClose(c.plating!.plateau, 0.050, rel: 1e-12))
            #expect(isClose(c.stripping!.plateau, 0.050, rel: 1e-12))
            #expect(isClose(c.plating!.peak, 0.080, rel: 1e-12))
            #expect(isClose(c.hysteresis!, 0.100, rel: 1e-12)) // +50 − (−50) mV
            #expect(isClose(c.currentDensity!, 10.0, rel: 1e-9)) // 1.131 mA / 1.131 cm² = 1 mA cm⁻² = 10 A m⁻²
            #expect(isClose(c.arealCapacity!, 10.0, rel: 2e-3)) // 1 mAh cm⁻² = 10 Ah m⁻² (one sample of 10 s in 1 h)
        }
        #expect(a.failureMode == .none)
        #expect(a.cycleLife == 6)
        let json = analysis.summaryJSON
        #expect(json["summary"]?["failure_mode"]?.stringValue == "none")
        #expect(json["cycles"]?.arrayValue?.first?["plating_overpotential_mV"]?.doubleValue.map { isClose($0, 50, rel: 1e-9) } == true)
        #expect(json["cycles"]?.arrayValue?.first?["current_density_mA_cm2"]?.doubleValue.map { isClose($0, 1.0, rel: 1e-6) } == true)
    }

    /// The study's bare Li at 3 mA cm⁻²: stable ~150 mV, then ~900 mV divergence after ~80 h.
    @Test func divergenceFoundAtItsConstructedTime() throws {
        var builder = SyntheticRecording(dt: 20)
        var seed: UInt64 = 7
        let current = 3.393e-3 // 3 mA cm⁻² on 1.131 cm²
        // 1 mAh cm⁻² at 3 mA cm⁻² = 20 min per half cycle; 40 min per cycle; 80 h = 120 cycles.
        for k in 0..<140 {
            let plateau = k < 120 ? 0.150 : 0.900
            SymmetricCellTests.cycle(&builder, current: current, hours: 1.0 / 3, plateau: plateau, noise: 0.02, seed: &seed)
        }
        let analysis = try CyclingAnalysis(recording: builder.build(area: 1.131e-4))
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.failureMode == .divergence)
        let hours = try #require(a.failureTime) / 3600
        // Cycle 121 starts at 120 × (2 × 20 min + 2 samples of 20 s) = 81.33 h (the study: "after ~80 h").
        #expect(abs(hours - 120 * (2 * 1200 + 2 * 20.0) / 3600) < 1e-6, "failure at \(hours) h")
        #expect(a.cycleLife == 120)
    }

    /// A soft short: the plateau collapses to an ohmic 5 mV from cycle 51.
    @Test func softShortFound() throws {
        var builder = SyntheticRecording(dt: 30)
        var seed: UInt64 = 3
        for k in 0..<70 {
            SymmetricCellTests.cycle(&builder, current: 1e-3, hours: 1, plateau: k < 50 ? 0.060 : 0.005, peak: k < 50 ? 0.09 : 0.005, seed: &seed)
        }
        let analysis = try CyclingAnalysis(recording: builder.build(), options: { var o = CyclingOptions(); o.cellType = .symmetric; return o }())
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.failureMode == .softShort)
        // Half cycle 101 (cycle 51) starts after 50 cycles of 2 h + 2 samples each.
        let expected = 50 * (2 * 3600 + 2 * 30.0) / 3600
        #expect(abs(try #require(a.failureTime) / 3600 - expected) < 0.01)
        #expect(a.cycleLife == 50)
    }

    @Test func erraticNoiseFound() throws {
        var builder = SyntheticRecording(dt: 30)
        var seed: UInt64 = 11
        for k in 0..<40 {
            SymmetricCellTests.cycle(&builder, current: 1e-3, hours: 1, plateau: 0.060, noise: k < 25 ? 0.01 : 0.9, seed: &seed)
        }
        let analysis = try CyclingAnalysis(recording: builder.build(), options: { var o = CyclingOptions(); o.cellType = .symmetric; return o }())
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.failureMode == .noise)
        #expect(a.cycleLife == 25)
    }

    /// The study's bare Li at 1 mA cm⁻²: hysteresis "rises markedly after ~200 h" (no outright failure).
    @Test func hysteresisRiseTime() throws {
        var builder = SyntheticRecording(dt: 60)
        var seed: UInt64 = 5
        // 1 h half cycles: 2 h per cycle; rise from cycle 101 (≈ 200 h), growing 3 % per cycle.
        for k in 0..<130 {
            let plateau = k < 100 ? 0.050 : 0.050 * pow(1.03, Double(k - 99))
            SymmetricCellTests.cycle(&builder, current: 1.131e-3, hours: 1, plateau: plateau, seed: &seed)
        }
        let analysis = try CyclingAnalysis(recording: builder.build(area: 1.131e-4))
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        let rise = try #require(a.hysteresisRiseTime) / 3600
        // 1.5× is first exceeded when 1.03^m > 1.5, m = 14: cycle 114 starts at 113 × (2 h + 2 min) ≈ 229.8 h.
        let expected = 113 * (2 * 3600 + 2 * 60.0) / 3600
        #expect(abs(rise - expected) < 0.01, "rise at \(rise) h, expected \(expected) h")
    }

    /// The study's rate test: 0.5 → 5.0 mA cm⁻² at 1 mAh cm⁻², five cycles per step.
    @Test func rateStepsGroupedByCurrentDensity() throws {
        var builder = SyntheticRecording(dt: 5)
        var seed: UInt64 = 9
        let area = 1.131e-4
        let densities = [0.5, 1.0, 2.0, 3.0, 5.0] // mA cm⁻²
        let overpotentials = [0.023, 0.035, 0.055, 0.075, 0.110] // oCB values of the study at the ends
        for (j, rate) in densities.enumerated() {
            for _ in 0..<5 {
                SymmetricCellTests.cycle(&builder, current: rate * 1.131e-3, hours: 1 / rate, plateau: overpotentials[j], seed: &seed)
            }
        }
        let analysis = try CyclingAnalysis(recording: builder.build(area: area))
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.rateSteps.count == 5)
        for (k, step) in a.rateSteps.enumerated() {
            #expect(isClose(try #require(step.currentDensity) * 0.1, densities[k], rel: 1e-6))
            #expect(isClose(step.meanOverpotential, overpotentials[k], rel: 1e-9))
            #expect(step.halfCycles == 10)
        }
    }

    @Test func windowsSplitAUnidirectionalRun() throws {
        var builder = SyntheticRecording(dt: 10)
        builder.add(.init(current: 4e-4, duration: 5 * 3600) { t in 0.05 + 0.01 * floor(t / 3600) })
        var options = CyclingOptions()
        options.cellType = .symmetric
        options.windowHours = 1
        let analysis = try CyclingAnalysis(recording: builder.build(), options: options)
        guard let a = analysis.detail as? SymmetricCellAnalysis else { Issue.record("not symmetric"); return }
        #expect(a.halves.count == 5)
        for (k, h) in a.halves.enumerated() { #expect(isClose(h.plateau, 0.05 + 0.01 * Double(k), rel: 1e-9)) }
    }
}
