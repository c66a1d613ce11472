import CyclerData
import Electroanalysis
import Foundation
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// Capacities from the cycler's own counters (issue 13): a pulse train recorded at its edges, a file that
/// starts inside a cycle, a µA cycling file, cycle labels counted from 0, and the real files from other
/// labs against pandas' sums of their counters (`CyclerDataTests/Reference/other_labs.json`).
@Suite struct CounterCapacityTests {
    /// Ten 10-s charge pulses at 1 A, each followed by a 50-s rest inside the same step, then one
    /// discharge; records only at each pulse's edges (its start and its end, both still at 1 A) and at the
    /// end of the rest (0 A). The per-step counter says what passed: 10 × 10 A·s. The trapezoidal rule over
    /// these records counts half of each rest as current: (10 + 25) A·s per pulse, 3.5 × too much.
    static func pulseTrain() -> Recording {
        var time: [Double] = [], current: [Double] = [], charge: [Double] = [], discharge: [Double] = []
        var steps: [Int32] = []
        var q = 0.0, t = 0.0
        for _ in 0..<10 {
            time += [t, t + 10, t + 60]; current += [1, 1, 0]
            q += 0; charge.append(q); q += 10.0 / 3600; charge += [q, q]
            steps += [1, 1, 1]
            t += 60.001
        }
        discharge = [Double](repeating: 0, count: time.count)
        // The discharge step: 100 A·s at −1 A, recorded every 10 s.
        for k in 0...10 {
            time.append(t + Double(k) * 10); current.append(-1); steps.append(2)
            charge.append(0); discharge.append(Double(k) * 10 / 3600)
        }
        let n = time.count
        return Recording(metadata: RecordingMetadata(provenance: .simulation(model: "pulse train sampled at its edges")),
                         time: time, voltage: [Double](repeating: 3.7, count: n), current: current, stepIndex: steps,
                         cycleIndex: [Int32](repeating: 1, count: n), chargeCapacity: charge, dischargeCapacity: discharge)
    }

    @Test func pulseTrainSampledAtItsEdgesTakesTheCounters() throws {
        let recording = Self.pulseTrain()
        var options = CyclingOptions()
        options.cellType = .full
        let analysis = try CyclingAnalysis(recording: recording, options: options)
        let full = try #require(analysis.detail as? FullCellAnalysis)
        let cycle = try #require(full.cycles.first)
        // The counters: 100 A·s charge, 100 A·s discharge, exactly.
        #expect(isClose(cycle.chargeCapacity, 100.0 / 3600, rel: 1e-12))
        #expect(isClose(cycle.dischargeCapacity, 100.0 / 3600, rel: 1e-12))
        #expect(cycle.capacitySource == .instrumentCounters)
        // What integrating these records gives instead (the defect the rule fixes): 4 × the charge.
        var integrated = 0.0
        for i in 1..<recording.count where recording.stepIndex[i] == recording.stepIndex[i - 1] && recording.current[i - 1] > 0 {
            integrated += recording.chargeIncrement(at: i)
        }
        #expect(integrated > 3 * cycle.chargeCapacity)
    }

    @Test func fileStartingInsideACycleFlagsThatCycle() throws {
        // Two cycles; the file starts 0.88 Ah into the first charge (its counter already there).
        var b = SyntheticRecording(dt: 60)
        for _ in 0..<2 {
            b.add(.init(current: 1, duration: 3600) { _ in 3.6 })
            b.add(.init(current: -1, duration: 3600) { _ in 3.3 })
        }
        b.cycles = [1, 1, 2, 2]
        var r = b.build()
        let cut = 60 // one hour of 60-s records: drop the first 52.8 min of the charge
        let keep = (cut - 7)..<r.count
        let offset = r.chargeCapacity![keep.lowerBound - 1]
        let q = Array(r.chargeCapacity![keep])
        r = Recording(metadata: r.metadata, time: Array(r.time[keep]), voltage: Array(r.voltage[keep]), current: Array(r.current[keep]),
                      stepIndex: Array(r.stepIndex[keep]), cycleIndex: Array(r.cycleIndex[keep]), stepKind: Array(r.stepKind[keep]),
                      chargeCapacity: q, dischargeCapacity: Array(r.dischargeCapacity![keep]))
        #expect(r.chargeCapacity![0] > 0.8 && offset > 0.8)
        var options = CyclingOptions()
        options.cellType = .full
        let analysis = try CyclingAnalysis(recording: r, options: options)
        let full = try #require(analysis.detail as? FullCellAnalysis)
        #expect(full.cycles[0].partial && !full.cycles[1].partial)
        // The first record's count belongs to cycle 1 (charge = what the counter reached, ~1 Ah), not 0.12 Ah.
        let firstStep = r.stepIndex[0]
        let reached = zip(r.stepIndex, r.chargeCapacity!).filter { $0.0 == firstStep }.map(\.1).max()!
        #expect(isClose(full.cycles[0].chargeCapacity, reached, rel: 1e-12) && reached > 0.99)
        #expect(full.referenceCycle == 2)
        #expect(analysis.warnings.contains { $0.contains("starts inside cycle 1") })
    }

    @Test func lithiumCopperFileStartingInsideAPlatingFlagsThatCycle() throws {
        // Three Li‖Cu cycles (plate 1 mA·h, strip 0.9 mA·h to a voltage rise); the file starts 40 min into
        // the first plating, its discharge (plating) counter already 0.67 mAh: cycle 1 is partial and its
        // CE stays out of the average, which is that of cycles 2 and 3 (90 %, by construction).
        var b = SyntheticRecording(dt: 60)
        for _ in 0..<3 {
            b.add(.init(current: -1e-3, duration: 3600) { _ in -0.03 })
            b.add(.init(current: 1e-3, duration: 3240) { t in t > 3100 ? 0.02 + (t - 3100) / 140 : 0.02 })
        }
        b.cycles = [1, 1, 2, 2, 3, 3]
        var r = b.build(area: 1.131e-4)
        let keep = 40..<r.count
        r = Recording(metadata: r.metadata, time: Array(r.time[keep]), voltage: Array(r.voltage[keep]), current: Array(r.current[keep]),
                      stepIndex: Array(r.stepIndex[keep]), cycleIndex: Array(r.cycleIndex[keep]), stepKind: Array(r.stepKind[keep]),
                      chargeCapacity: Array(r.chargeCapacity![keep]), dischargeCapacity: Array(r.dischargeCapacity![keep]))
        #expect(r.dischargeCapacity![0] > 6e-4)
        var options = CyclingOptions()
        options.cellType = .lithiumCopper
        let analysis = try CyclingAnalysis(recording: r, options: options)
        let cu = try #require(analysis.detail as? LithiumCopperAnalysis)
        #expect(cu.cycles.map(\.partial) == [true, false, false])
        #expect(cu.averagedCycles == 2 && isClose(cu.averageCE ?? 0, 90, rel: 1e-3), "average CE \(cu.averageCE ?? .nan)")
        #expect(analysis.warnings.contains { $0.contains("starts inside cycle 1") })
    }

    @Test func symmetricFileStartingInsideAHalfCycleFlagsThatCycle() throws {
        // Li‖Li at ±1 mA for 1 h each way, four cycles; the file starts 30 min into the first stripping.
        var b = SyntheticRecording(dt: 60)
        for _ in 0..<4 {
            b.add(.init(current: 1e-3, duration: 3600) { _ in 0.05 })
            b.add(.init(current: -1e-3, duration: 3600) { _ in -0.05 })
        }
        b.cycles = [1, 1, 2, 2, 3, 3, 4, 4]
        var r = b.build(area: 1.131e-4)
        let keep = 30..<r.count
        r = Recording(metadata: r.metadata, time: Array(r.time[keep]), voltage: Array(r.voltage[keep]), current: Array(r.current[keep]),
                      stepIndex: Array(r.stepIndex[keep]), cycleIndex: Array(r.cycleIndex[keep]), stepKind: Array(r.stepKind[keep]),
                      chargeCapacity: Array(r.chargeCapacity![keep]), dischargeCapacity: Array(r.dischargeCapacity![keep]))
        var options = CyclingOptions()
        options.cellType = .symmetric
        let analysis = try CyclingAnalysis(recording: r, options: options)
        let li = try #require(analysis.detail as? SymmetricCellAnalysis)
        #expect(li.cycles.first?.partial == true && li.cycles.dropFirst().allSatisfy { !$0.partial })
        #expect(analysis.warnings.contains { $0.contains("starts inside cycle 1") })
    }

    @Test func microampCyclingIsCycling() throws {
        // ±2.8 µA for 1 h each way, with 1 nA of noise at rest: four cycles.
        var b = SyntheticRecording(dt: 30)
        for _ in 0..<4 {
            b.add(.init(current: 2.8e-6, duration: 3600) { _ in 0.05 })
            b.add(.init(current: 0, duration: 600, kind: .rest) { _ in 0 })
            b.add(.init(current: -2.8e-6, duration: 3600) { _ in -0.05 })
        }
        let r = b.build()
        let analysis = try CyclingAnalysis(recording: r)
        #expect(analysis.halfCycles.count == 8)
        #expect(analysis.halfCycles.allSatisfy { isClose($0.capacity, 2.8e-6, rel: 1e-9) })
    }

    @Test func cycleLabelsCountingFromZeroStayZero() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = ["Time(s),Voltage(V),Current(A),Cycle"]
        for cycle in 0..<3 {
            let t0 = Double(cycle) * 7200
            for k in 0..<60 { lines.append("\(t0 + Double(k) * 60),3.6,1,\(cycle)") }
            for k in 0..<60 { lines.append("\(t0 + 3600 + Double(k) * 60),3.3,-1,\(cycle)") }
        }
        let url = directory.appendingPathComponent("zero.csv")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let r = try RecordingLoader.load(url)
        #expect(r.cycleIndex.first == 1 && r.metadata.cycleLabelOffset == 1)
        var options = CyclingOptions()
        options.cellType = .full
        let full = try #require(try CyclingAnalysis(recording: r, options: options).detail as? FullCellAnalysis)
        #expect(full.cycles.map(\.fileCycle) == [0, 1, 2])
        #expect(full.cycles.map(\.index) == [1, 2, 3])
    }

    /// Every cycle's charge and discharge equal the cycler's own counters within 0.5 % (pandas' sums).
    @Test(arguments: [("novonix_hpc_restarted", "novonix/preparenovonix_example_data.csv"),
                      ("novonix_uhpc", "novonix/sample_data_novonix.csv")])
    func realFilesMatchTheirCounters(_ key: String, _ path: String) throws {
        let reference = try JSONValue.parse(Data(contentsOf: Fixtures.reference("CyclerDataTests", "other_labs.json")))
        let cycles = try #require(reference[key]?["cycles"]?.arrayValue)
        let r = try RecordingLoader.load(Fixtures.cycler(path))
        var options = CyclingOptions()
        options.cellType = .full
        let full = try #require(try CyclingAnalysis(recording: r, options: options).detail as? FullCellAnalysis)
        for expected in cycles {
            let label = Int32(try #require(expected["file_cycle"].flatMap { $0.doubleValue.map { Int($0) } }))
            let charge = try #require(expected["charge_Ah"]?.doubleValue), discharge = try #require(expected["discharge_Ah"]?.doubleValue)
            guard charge + discharge > 0 else { continue }
            let cycle = try #require(full.cycles.first { $0.fileCycle == label }, "no cycle \(label)")
            #expect(isClose(cycle.chargeCapacity, charge, rel: 5e-3, abs: 1e-9), "cycle \(label) charge")
            #expect(isClose(cycle.dischargeCapacity, discharge, rel: 5e-3, abs: 1e-9), "cycle \(label) discharge")
        }
    }

    @Test func joinedEcLabFilesMatchTheirCounters() throws {
        let reference = try JSONValue.parse(Data(contentsOf: Fixtures.reference("CyclerDataTests", "other_labs.json")))
        let parts = try #require(reference["eclab_joined"]?["parts"]?.arrayValue)
        let urls = (1...3).map { Fixtures.cycler("biologic_mpt/Sample_data_biologic_0\($0)_MB_CA1.txt.gz") }
        let r = try RecordingLoader.load(urls)
        var options = CyclingOptions()
        options.cellType = .full
        let full = try #require(try CyclingAnalysis(recording: r, options: options).detail as? FullCellAnalysis)
        let charge = parts.reduce(0) { $0 + ($1["charge_mAh"]?.doubleValue ?? 0) } / 1000
        let discharge = parts.reduce(0) { $0 + ($1["discharge_mAh"]?.doubleValue ?? 0) } / 1000
        #expect(isClose(full.cycles.reduce(0) { $0 + $1.chargeCapacity }, charge, rel: 5e-3))
        #expect(isClose(full.cycles.reduce(0) { $0 + $1.dischargeCapacity }, discharge, rel: 5e-3))
    }
}
