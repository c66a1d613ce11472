import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// LSV oxidation onset on generated sweeps. Independent source: the closed forms — an exponential rise
/// j = j_t exp((E − E_t)/b) reaches the threshold j_t exactly at E_t, and its tangent at E_k meets j = 0
/// at E_k − b; a baseline line broken into a steeper line at E* has its tangent intersection at E*.
@Suite struct LSVTests {
    static let area = 1.131e-4
    static let threshold = 0.1 // A m⁻² = 0.01 mA cm⁻²

    static func sweep(_ density: (Double) -> Double) -> (e: [Double], recording: Recording) {
        let e = VoltammetryFixtures.grid(3.0, 5.5, 0.001)
        return (e, VoltammetryFixtures.recording(potential: e, current: e.map { density($0) * area }, dt: 2, area: area))
    }

    @Test func exponentialRiseReachesTheThresholdAtItsKnownPotential() throws {
        let (e, recording) = LSVTests.sweep { LSVTests.threshold * exp(($0 - 4.9) / 0.05) }
        let a = try LinearSweepAnalysis(recording: recording)
        // Linear interpolation of an exponential over 1 mV: error ≤ h²/(8b) = 2.5 µV.
        #expect(isClose(try #require(a.thresholdOnset), 4.9, abs: 1e-5))
        // Tangent at the steepest point — the centre of the last full 11-point window, 6th from the end —
        // meets the ~0 baseline at E_k − b; the window's least-squares line is that tangent within 0.2 %
        // of j (0.1 mV of onset).
        let tangent = try #require(a.tangent)
        #expect(isClose(tangent.steepestPotential, e[e.count - 6], abs: 1e-12))
        #expect(isClose(tangent.onsetPotential, e[e.count - 6] - 0.05, abs: 3e-4), "\(tangent.onsetPotential)")
    }

    @Test func tangentIntersectionOfABrokenLine() throws {
        let kink = 4.8
        let (_, recording) = LSVTests.sweep { e in 0.02 + 0.01 * (e - 3) + (e > kink ? 2.0 * (e - kink) : 0) }
        let a = try LinearSweepAnalysis(recording: recording)
        let tangent = try #require(a.tangent)
        #expect(isClose(tangent.baseline.slope, 0.01, rel: 1e-9))
        #expect(isClose(tangent.steepestSlope, 2.01, rel: 1e-9))
        #expect(isClose(tangent.onsetPotential, kink, abs: 1e-9))
        // The threshold 0.1 A m⁻² is crossed on the rise: 0.038 + 2.01 (E − 4.8) = 0.1.
        #expect(isClose(try #require(a.thresholdOnset), kink + (0.1 - 0.038) / 2.01, abs: 1e-9))
    }

    @Test func isolatedSpikesDoNotTriggerTheSustainedThreshold() throws {
        // Spikes of 0.15 A m⁻² every 50 mV below the rise: one point above the threshold at a time.
        let (_, recording) = LSVTests.sweep { e in
            let spike = Int((e * 1000).rounded()) % 50 == 0 && e < 4.5 ? 0.15 : 0
            return spike + LSVTests.threshold * exp((e - 4.9) / 0.05)
        }
        #expect(isClose(try #require(try LinearSweepAnalysis(recording: recording).thresholdOnset), 4.9, abs: 1e-5))
        var options = LinearSweepOptions()
        options.sustainedPoints = 1
        #expect(isClose(try #require(try LinearSweepAnalysis(recording: recording, options: options).thresholdOnset), 3.0, abs: 1e-3))
    }

    @Test func thresholdNotReachedIsNilWithAWarning() throws {
        let (_, recording) = LSVTests.sweep { LSVTests.threshold * exp(($0 - 6.0) / 0.05) }
        let a = try LinearSweepAnalysis(recording: recording)
        #expect(a.thresholdOnset == nil)
        #expect(a.warnings.contains { $0.contains("the onset lies beyond the sweep") })
        // A threshold 10⁵ times lower is reached 0.05·ln(10⁵) = 576 mV before 6 V, inside the sweep.
        var options = LinearSweepOptions()
        options.thresholdDensity = 1e-6
        #expect(isClose(try #require(try LinearSweepAnalysis(recording: recording, options: options).thresholdOnset), 6.0 + 0.05 * log(1e-5), abs: 1e-5))
    }

    @Test func badInput() throws {
        let (e, _) = LSVTests.sweep { $0 }
        let noArea = VoltammetryFixtures.recording(potential: e, current: e.map { $0 * 1e-6 })
        #expect(expectInterphaseError(.invalidParameter) { try LinearSweepAnalysis(recording: noArea) }?.parameter == "--area-cm2")
        let downward = VoltammetryFixtures.recording(potential: e.reversed(), current: e.map { $0 * 1e-6 }, area: 1e-4)
        #expect(expectInterphaseError(.invalidData) { try LinearSweepAnalysis(recording: downward) }?.message.contains("no anodic sweep") == true)
        var options = LinearSweepOptions()
        options.thresholdDensity = -1
        #expect(expectInterphaseError(.invalidParameter) { try LinearSweepAnalysis(recording: downward, options: options) }?.parameter == "--threshold-mA-cm2")
    }
}
