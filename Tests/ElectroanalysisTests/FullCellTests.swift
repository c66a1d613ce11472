import CyclerData
import Electroanalysis
import Foundation
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

@Suite struct FullCellTests {
    /// A Li||LFP-like cell: charge at +I to 3.6 V plateau, discharge at −I on a 3.3 V plateau, capacity
    /// fading 1 % per cycle from cycle 2, with a C-rate schedule 1C ×3, 3C ×3. Everything is known by
    /// construction: capacities I·t, CE, mean voltage, polarisation 0.3 V at half capacity.
    static func build(cycles: Int = 30, fade: Double = 0.01) -> (Recording, [Double]) {
        var b = SyntheticRecording(dt: 5)
        var numbers: [Int32] = []
        let mass = 5.0e-6 // 5 mg LFP
        let oneC = 170.0 * mass // A (170 mA g⁻¹)
        var discharges: [Double] = []
        for k in 0..<cycles {
            let rate = k < 3 ? 1.0 : (k < 6 ? 3.0 : 1.0)
            let capacityHours = (k == 0 ? 1.0 : pow(1 - fade, Double(k))) * 0.95 // hours at 1C
            let duration = capacityHours / rate * 3600
            b.add(.init(current: rate * oneC, duration: duration / 0.98) { _ in 3.6 })
            b.add(.init(current: -rate * oneC, duration: duration) { _ in 3.3 })
            numbers += [Int32(k + 1), Int32(k + 1)]
            discharges.append(rate * oneC * duration / 3600)
        }
        b.cycles = numbers
        return (b.build(area: 1.539e-4, mass: mass), discharges)
    }

    @Test func capacitiesCEEnergyRetentionAndRates() throws {
        let (recording, discharges) = FullCellTests.build()
        var options = CyclingOptions()
        options.oneCSpecificCurrent = 170
        let analysis = try CyclingAnalysis(recording: recording, options: options)
        #expect(analysis.cellType == .full)
        guard let a = analysis.detail as? FullCellAnalysis else { Issue.record("not full"); return }
        #expect(a.cycles.count == 30)
        for (c, q) in zip(a.cycles, discharges) {
            #expect(isClose(c.dischargeCapacity, q, rel: 1e-9))
            #expect(isClose(try #require(c.coulombicEfficiency), 98.0, rel: 1e-9))
            // Energy efficiency = (3.3 × Qd)/(3.6 × Qc) exactly for flat plateaus.
            #expect(isClose(try #require(c.energyEfficiency), 98.0 * 3.3 / 3.6, rel: 1e-9))
            #expect(isClose(try #require(c.meanDischargeVoltage), 3.3, rel: 1e-12))
            #expect(isClose(try #require(c.polarization), 0.3, rel: 1e-9))
        }
        // Retention vs cycle 1 and the first cycle below 80 %: 0.99^k < 0.8 from k = 23 (cycle 24).
        #expect(a.referenceCycle == 1)
        #expect(a.cyclesToEightyPercent == 23)
        #expect(isClose(try #require(a.finalRetention), pow(0.99, 29) * 100, rel: 1e-9))
        // Rate groups: 1C (cycles 1–3), 3C (4–6), 1C (7–30).
        #expect(a.rateGroups.map(\.cRate) == [1, 3, 1])
        #expect(a.rateGroups.map { $0.cycles.count } == [3, 3, 24])
        // Specific capacity in the JSON: mAh g⁻¹ = Ah × 1e3 / g.
        let first = try #require(analysis.summaryJSON["cycles"]?.arrayValue?.first)
        #expect(first["discharge_capacity_mAh_g"]?.doubleValue.map { isClose($0, discharges[0] * 1e3 / 5e-3, rel: 1e-6) } == true)
        #expect(first["discharge_c_rate"]?.doubleValue.map { isClose($0, 1, rel: 1e-6) } == true)
    }

    /// Oracle: the reference figure's caption (shared design notes), computed by make_figures.py with
    /// NewareNDA 2026.6.11 + pandas as the sum over each cycle's steps of the final Charge_Capacity /
    /// Discharge_Capacity, CE = discharge/charge. Values printed to 0.1 mAh and 0.01 %.
    @Test func newareFileMatchesIndependentComputation() throws {
        let recording = try RecordingLoader.load(Fixtures.cycler("neware/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax"))
        let analysis = try CyclingAnalysis(recording: recording)
        guard let a = analysis.detail as? FullCellAnalysis else { Issue.record("not full"); return }
        let expected: [(Int32, Double, Double, Double)] = [
            (2, 4760.7, 4717.5, 99.09), (3, 4722.8, 4720.5, 99.95), (4, 4725.0, 4722.8, 99.95), (5, 4726.6, 4721.9, 99.90),
            (6, 4725.2, 4723.8, 99.97), (7, 4726.9, 4722.4, 99.90), (8, 4724.8, 4719.0, 99.88),
        ]
        #expect(isClose(a.cycles[0].dischargeCapacity * 1e3, 1297.3, abs: 0.05))
        for (cycle, charge, discharge, ce) in expected {
            let c = try #require(a.cycles.first { $0.fileCycle == cycle })
            #expect(abs(c.chargeCapacity * 1e3 - charge) <= 0.05, "cycle \(cycle) charge")
            #expect(abs(c.dischargeCapacity * 1e3 - discharge) <= 0.05, "cycle \(cycle) discharge")
            #expect(abs(try #require(c.coulombicEfficiency) - ce) <= 0.005, "cycle \(cycle) CE")
        }
    }

    /// Oracle: for Q(V) = Qmax·(1 + tanh((V − V₀)/w))/2 on charge, dQ/dV = Qmax/(2w)·sech²((V − V₀)/w),
    /// peak Qmax/(2w) at V₀. With w = 80 mV the 41 mV cubic Savitzky–Golay window is much narrower than the
    /// peak, so its smoothing bias is below 0.5 %; that is the tolerance.
    @Test func differentialCapacityOfAnalyticCurve() throws {
        let qmax = 1e-3, v0 = 3.45, w = 0.08, current = 1e-3
        let hours = qmax / current
        var b = SyntheticRecording(dt: 1)
        b.add(.init(current: current, duration: hours * 3600) { t in
            let q = current * t / 3600
            let f = min(max(2 * q / qmax - 1, -0.999999), 0.999999)
            return v0 + w * atanh(f)
        })
        let recording = b.build()
        let half = try #require(HalfCycleSegmentation.halfCycles(of: recording).first)
        let curve = try #require(try DifferentialCapacity.compute(half, cycle: 1, recording: recording, step: 0.001, window: 41, order: 3))
        let peak = try #require(curve.dqdv.indices.max { curve.dqdv[$0] < curve.dqdv[$1] })
        #expect(abs(curve.voltage[peak] - v0) < 0.002)
        #expect(isClose(curve.dqdv[peak], qmax / (2 * w), rel: 5e-3))
        for (v, d) in zip(curve.voltage, curve.dqdv) where abs(v - v0) < 0.15 {
            let x = (v - v0) / w
            let exact = qmax / (2 * w) / pow(cosh(x), 2)
            #expect(abs(d - exact) < 0.01 * qmax / (2 * w), "at \(v) V")
        }
    }
}

@Suite struct CellTypeDetectionTests {
    @Test func eachConstructedTypeIsRecognised() throws {
        let (full, _) = FullCellTests.build(cycles: 3)
        #expect(try CyclingAnalysis(recording: full).cellType == .full)
        var li = SyntheticRecording(dt: 10)
        var seed: UInt64 = 1
        for _ in 0..<3 { SymmetricCellTests.cycle(&li, current: 1e-3, hours: 1, plateau: 0.05, seed: &seed) }
        let symmetric = try CyclingAnalysis(recording: li.build())
        #expect(symmetric.cellType == .symmetric)
        #expect(symmetric.decision.rule.contains("Li||Li"))
        var cu = SyntheticRecording(dt: 10)
        for _ in 0..<3 { LithiumCopperTests.add(&cu, plate: 1, strip: 0.9) }
        #expect(try CyclingAnalysis(recording: cu.build()).cellType == .lithiumCopper)
    }

    @Test func restOnlyRecordingIsAClearError() throws {
        var b = SyntheticRecording(dt: 10)
        b.add(.init(current: 0, duration: 100, kind: .rest) { _ in 3.0 })
        let error = expectInterphaseError(.invalidData) { try CyclingAnalysis(recording: b.build()) }
        #expect(error?.description.contains("no current flows") == true)
    }

    @Test func nonPhysicalOptionsAreNamed() throws {
        let (full, _) = FullCellTests.build(cycles: 2)
        var options = CyclingOptions()
        options.electrodeArea = -1e-4
        let error = expectInterphaseError(.invalidParameter) { try CyclingAnalysis(recording: full, options: options) }
        #expect(error?.description.contains("--area-cm2") == true)
    }
}
