import CyclerData
import Electroanalysis
import Foundation
import CyclingOutput
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Li||Cu Coulombic efficiency on constructed cycles whose capacities, and so CEs, are known exactly.
@Suite struct LithiumCopperTests {
    static let current = 1.131e-3 // 1 mA cm⁻² on 1.131 cm²

    /// Plating at −30 mV for `plate` hours, stripping at +20 mV then a rise to the 1 V cut-off in its last
    /// 5 % (voltage-terminated), or flat (capacity-limited) when `toCutoff` is false.
    static func add(_ b: inout SyntheticRecording, plate: Double, strip: Double, toCutoff: Bool = true) {
        b.add(.init(current: -current, duration: plate * 3600) { _ in -0.030 })
        let duration = strip * 3600
        b.add(.init(current: current, duration: duration) { t in
            toCutoff && t > 0.95 * duration ? 0.020 + (1.0 - 0.020) * (t - 0.95 * duration) / (0.05 * duration) : 0.020
        })
    }

    @Test func knownCESequenceAndAverage() throws {
        var b = SyntheticRecording(dt: 10)
        let efficiencies = [0.80, 0.85, 0.90, 0.92, 0.94, 0.95, 0.96, 0.97, 0.97, 0.98, 0.98, 0.99]
        for e in efficiencies { LithiumCopperTests.add(&b, plate: 1, strip: e) }
        let analysis = try CyclingAnalysis(recording: b.build(area: 1.131e-4))
        #expect(analysis.cellType == .lithiumCopper, "rule: \(analysis.decision.rule)")
        guard let a = analysis.detail as? LithiumCopperAnalysis else { Issue.record("not li-cu"); return }
        #expect(a.cycles.count == efficiencies.count)
        for (c, e) in zip(a.cycles, efficiencies) {
            // Counters are exact I·t; the stripping sample grid of 10 s matches the durations exactly.
            #expect(isClose(try #require(c.coulombicEfficiency), e * 100, rel: 1e-9))
            #expect(isClose(c.platingCapacity, 1.131e-3, rel: 1e-12))
        }
        let expected = efficiencies.prefix(10).reduce(0, +) * 10
        #expect(isClose(try #require(a.averageCE), expected, rel: 1e-9))
        #expect(a.reservoir == nil)
        let json = analysis.summaryJSON
        #expect(json["summary"]?["average_ce_pct"]?.doubleValue.map { isClose($0, expected, rel: 1e-9) } == true)
    }

    /// Adams et al.'s protocol: reservoir Q1 = 5 mAh, N cycles of Qc = 1 mAh, final strip Qr to the cut-off.
    /// Oracle: both closed forms evaluated by hand from the constructed Q1, Qc, Qr, N.
    @Test func reservoirProtocolBothForms() throws {
        var b = SyntheticRecording(dt: 10)
        let qcHours = 1.0, q1Hours = 5.0, n = 10
        // Reservoir plating, then its capacity-limited strip of Qc.
        LithiumCopperTests.add(&b, plate: q1Hours, strip: qcHours, toCutoff: false)
        for _ in 1..<n { LithiumCopperTests.add(&b, plate: qcHours, strip: qcHours, toCutoff: false) }
        // Final cycle: plate Qc, strip everything left to the cut-off: 4.2 mAh recovered.
        LithiumCopperTests.add(&b, plate: qcHours, strip: 4.2, toCutoff: true)
        var options = CyclingOptions()
        options.cellType = .lithiumCopper
        let analysis = try CyclingAnalysis(recording: b.build(), options: options)
        guard let a = analysis.detail as? LithiumCopperAnalysis else { Issue.record("not li-cu"); return }
        let r = try #require(a.reservoir)
        let qc = LithiumCopperTests.current * qcHours, q1 = LithiumCopperTests.current * q1Hours, qr = LithiumCopperTests.current * 4.2
        #expect(r.n == n)
        #expect(isClose(r.q1, q1, rel: 1e-9) && isClose(r.qc, qc, rel: 1e-9) && isClose(r.qr, qr, rel: 1e-9))
        // Eq. 1: [Qc − (Q1 − Qr)/N]/Qc = 1 − 0.8/10 = 92 %; standard: (10 + 4.2)/(10 + 5) = 94.67 %.
        #expect(isClose(r.equation1, 92.0, rel: 1e-9))
        #expect(isClose(r.standard, 14.2 / 15 * 100, rel: 1e-9))
        #expect(r.reservoirCycle == 1 && r.finalCycle == n + 1)
    }
}
