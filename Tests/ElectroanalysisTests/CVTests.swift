import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Cyclic-voltammetry peaks and charges on generated voltammograms. Independent source: the waveform
/// itself — Gaussian waves of known position, height and area (∫ A·exp(−(E−E₀)²/2w²) dE = A w √(2π),
/// charge = that / scan rate) on linear baselines, sampled at 1 mV and 10 mV s⁻¹.
@Suite struct CVTests {
    static let w = 0.04, rate = 0.01, dt = 0.1

    static func gauss(_ e: Double, _ centre: Double) -> Double { exp(-(e - centre) * (e - centre) / (2 * w * w)) }

    /// Cycles of 0 → 1 → 0 V; `anodic`/`cathodic` give i(E) on each sweep of cycle k (1-based).
    static func cv(cycles: Int, anodic: @escaping (Int, Double) -> Double, cathodic: @escaping (Int, Double) -> Double) -> Recording {
        var e: [Double] = [], i: [Double] = [], c: [Int32] = []
        for k in 1...cycles {
            for n in 0...1000 { let x = Double(n) / 1000; e.append(x); i.append(anodic(k, x)); c.append(Int32(k)) }
            for n in stride(from: 999, through: 0, by: -1) { let x = Double(n) / 1000; e.append(x); i.append(cathodic(k, x)); c.append(Int32(k)) }
        }
        return VoltammetryFixtures.recording(potential: e, current: i, dt: dt, cycles: c, area: 1e-4)
    }

    @Test func peaksOnLinearBaselines() throws {
        let recording = CVTests.cv(cycles: 1, anodic: { _, e in 1e-5 + 2e-5 * e + 3e-4 * CVTests.gauss(e, 0.55) },
                                   cathodic: { _, e in -1e-5 + 2e-5 * e - 2e-4 * CVTests.gauss(e, 0.45) })
        let a = try CyclicVoltammetryAnalysis(recording: recording)
        #expect(a.voltammogram.sweeps.map(\.direction) == [1, -1])
        #expect(isClose(a.voltammogram.sweeps[0].scanRate, CVTests.rate, rel: 1e-9))
        let cycle = try #require(a.cycles.first)
        let pa = try #require(cycle.anodicPeak), pc = try #require(cycle.cathodicPeak)
        // Peak at the Gaussian's centre (a grid point); height above the extrapolated baseline = amplitude.
        #expect(isClose(pa.potential, 0.55, abs: 1e-12) && isClose(pc.potential, 0.45, abs: 1e-12))
        #expect(isClose(pa.height, 3e-4, rel: 1e-9) && isClose(pc.height, -2e-4, rel: 1e-9))
        #expect(isClose(pa.baselineCurrent, 1e-5 + 2e-5 * 0.55, rel: 1e-9))
        #expect(isClose(try #require(cycle.peakSeparation), 0.10, abs: 1e-12))
        let baseline = try #require(cycle.anodicBaseline)
        #expect(isClose(baseline.slope, 2e-5, rel: 1e-9) && isClose(baseline.intercept, 1e-5, rel: 1e-9))
        // A zero baseline instead: the raw current at the peak is the height.
        var options = CyclicVoltammetryOptions()
        options.baseline = .zero
        let raw = try #require(try CyclicVoltammetryAnalysis(recording: recording, options: options).cycles.first?.anodicPeak)
        #expect(isClose(raw.height, 1e-5 + 2e-5 * 0.55 + 3e-4, rel: 1e-9) && raw.baselineCurrent == 0)
    }

    @Test func chargesAndTheirRatioPerCycle() throws {
        // Cycle 1 strips 90 % of what it plates, cycle 2 75 %; no baseline current.
        let amplitudes: [(Double, Double)] = [(0.9e-4, 1e-4), (0.75e-4, 1e-4)]
        let recording = CVTests.cv(cycles: 2, anodic: { k, e in amplitudes[k - 1].0 * CVTests.gauss(e, 0.6) },
                                   cathodic: { k, e in -amplitudes[k - 1].1 * CVTests.gauss(e, 0.3) })
        let a = try CyclicVoltammetryAnalysis(recording: recording)
        #expect(a.cycles.map(\.cycle) == [1, 2])
        for (cycle, (qa, qc)) in zip(a.cycles, amplitudes) {
            // Trapezoid sums of a Gaussian sampled at w/40 equal its integral to ~1e-15.
            #expect(isClose(cycle.anodicCharge, qa * CVTests.w * (2 * Double.pi).squareRoot() / CVTests.rate, rel: 1e-9))
            #expect(isClose(cycle.cathodicCharge, qc * CVTests.w * (2 * Double.pi).squareRoot() / CVTests.rate, rel: 1e-9))
            #expect(isClose(try #require(cycle.chargeRatio), qa / qc * 100, rel: 1e-9))
            #expect(isClose(try #require(cycle.peakSeparation), 0.3, abs: 1e-12))
        }
    }

    @Test func chargesSplitAtTheZeroCrossing() {
        // i from −1 to +1 A over 2 s: −0.5 C then +0.5 C (two triangles), not 0 for the interval.
        let q = CyclicVoltammetryAnalysis.charges(current: [-1, 1], time: [0, 2], range: 0..<2)
        #expect(isClose(q.anodic, 0.5, rel: 1e-15) && isClose(q.cathodic, 0.5, rel: 1e-15))
    }

    @Test func sweepsSplitAtReversalsNotAtNoiseOrHolds() throws {
        // A 10-point hold at 0 V, then 0 → 0.5 → 0 V with ±0.05 mV noise: two sweeps, split at the vertex.
        var e = [Double](repeating: 0, count: 10)
        e += (1...500).map { Double($0) / 1000 } + (0..<500).reversed().map { Double($0) / 1000 }
        let noise = VoltammetryFixtures.normals(e.count, seed: 3)
        let noisy = e.indices.map { e[$0] + 5e-5 * max(-1, min(1, noise[$0])) }
        let v = try Voltammogram(recording: VoltammetryFixtures.recording(potential: noisy, current: noisy.map { $0 * 1e-3 }))
        #expect(v.sweeps.map(\.direction) == [1, -1])
        #expect(v.sweeps[0].range.lowerBound == 0 && v.sweeps[1].range.upperBound == e.count)
        #expect(v.sweeps[0].range.upperBound == v.sweeps[1].range.lowerBound)
        #expect(abs(noisy[v.sweeps[0].range.upperBound - 1] - 0.5) < 2e-4) // the vertex ends the first sweep
    }

    @Test func currentRisingToTheVertexHasNoPeak() throws {
        let recording = CVTests.cv(cycles: 1, anodic: { _, e in 1e-4 * exp(5 * e) }, cathodic: { _, e in -1e-5 - 1e-4 * CVTests.gauss(e, 0.5) })
        let a = try CyclicVoltammetryAnalysis(recording: recording)
        #expect(a.cycles[0].anodicPeak == nil && a.cycles[0].cathodicPeak != nil && a.cycles[0].peakSeparation == nil)
        #expect(a.warnings.contains { $0.contains("cycle 1: no anodic peak") })
    }

    @Test func badInput() throws {
        let oneWay = VoltammetryFixtures.recording(potential: (0...100).map { Double($0) / 100 }, current: (0...100).map { Double($0) * 1e-6 })
        let error = expectInterphaseError(.invalidData) { try CyclicVoltammetryAnalysis(recording: oneWay) }
        #expect(error?.message.contains("no cycle has both an anodic and a cathodic sweep") == true)
        var options = CyclicVoltammetryOptions()
        options.electrodeArea = 0
        #expect(expectInterphaseError(.invalidParameter) { try CyclicVoltammetryAnalysis(recording: oneWay, options: options) }?.parameter == "--area-cm2")
        options = CyclicVoltammetryOptions()
        options.baselineFraction = 0.7
        #expect(expectInterphaseError(.invalidParameter) { try CyclicVoltammetryAnalysis(recording: oneWay, options: options) }?.parameter == "--baseline-fraction")
    }
}
