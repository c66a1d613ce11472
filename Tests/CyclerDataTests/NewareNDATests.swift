import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

@testable import CyclerData

/// The independent oracle for both Neware readers: NewareNDA 2026.6.11 (PyPI), run by
/// `References/neware_reference.py`, which wrote `Reference/neware.json` (row counts, ranges, cycles,
/// status counts, aux columns and ~25 sampled rows plus step starts per file, in NewareNDA's units).
///
/// Tolerances: NewareNDA returns float32 columns; we keep float64 of the same stored values (the ndc/BTS 9
/// fields are float32 already, the nda v29 integers are exact), so values agree to float32 rounding,
/// 2⁻²⁴ ≈ 6e-8 relative: we allow rel 1e-6. Absolute floors cover exact zeros against tiny float32
/// residues (1e-9 in the file's unit). Time stamps: pandas keeps µs, we keep float64 s: 1e-3 s.
enum NewareOracle {
    static let document: JSONValue? = {
        guard let data = try? Data(contentsOf: Fixtures.reference("CyclerDataTests", "neware.json")) else { return nil }
        return try? JSONValue.parse(data)
    }()

    static func entry(_ name: String) throws -> JSONValue {
        let document = try #require(document, "Reference/neware.json missing or unreadable")
        return try #require(document["files"]?[name], "no reference entry for \(name)")
    }

    /// Reads `Data/cycler/neware/<name>` through the loader (so sniffing is exercised) and compares it with
    /// NewareNDA's values for the same file.
    @discardableResult
    static func check(_ name: String, format: FileFormat) throws -> Recording {
        let ref = try entry(name)
        let url = Fixtures.cycler("neware/" + name)
        #expect(try RecordingLoader.detectFormat(url) == format)
        let r = try RecordingLoader.load(url)
        #expect(r.metadata.format == format)

        // Row count: exact.
        let rows = try #require(ref["rows"]?.doubleValue)
        #expect(r.count == Int(rows), "\(name): rows")
        guard r.count == Int(rows) else { return r }

        // Ranges (float32 → rel 1e-6).
        func close(_ a: Double, _ b: Double?, rel: Double = 1e-6, abs: Double = 1e-9) -> Bool {
            guard let b else { return a.isNaN }
            return isClose(a, b, rel: rel, abs: abs)
        }
        #expect(close(r.voltage.min() ?? .nan, ref["voltage_min"]?.doubleValue), "\(name): V min")
        #expect(close(r.voltage.max() ?? .nan, ref["voltage_max"]?.doubleValue), "\(name): V max")
        #expect(close((r.current.min() ?? .nan) * 1e3, ref["current_mA_min"]?.doubleValue), "\(name): I min")
        #expect(close((r.current.max() ?? .nan) * 1e3, ref["current_mA_max"]?.doubleValue), "\(name): I max")

        // Cycles: NewareNDA's default cycle numbering, same set.
        let cycles = (ref["cycles"]?.arrayValue ?? []).compactMap { $0.doubleValue.map { Int32($0) } }
        #expect(Array(Set(r.cycleIndex)).sorted() == cycles, "\(name): cycles")

        // Status counts → our kinds, summed per kind.
        var expectedKinds: [StepKind: Int] = [:]
        if case let .object(pairs)? = ref["status_counts"] {
            for (status, count) in pairs {
                let kind = try #require(NewareStatus.kind(named: status), "unknown status \(status)")
                expectedKinds[kind, default: 0] += Int(count.doubleValue ?? 0)
            }
        }
        var kinds: [StepKind: Int] = [:]
        for k in r.stepKind { kinds[k, default: 0] += 1 }
        #expect(kinds == expectedKinds, "\(name): step kinds")

        // Aux columns: every non-empty NewareNDA aux column is ours too (all-NaN ones are dropped).
        if case let .object(pairs)? = ref["aux_columns"] {
            for (column, info) in pairs where info["all_nan"] != .bool(true) {
                let ours = r.auxiliary.first { $0.name == column }
                #expect(ours != nil, "\(name): aux column \(column)")
                if let ours, column.hasPrefix("T") {
                    #expect(ours.unit.symbol == "K")
                    #expect(ours.quantity == .temperature)
                    #expect(close((ours.values.min() ?? .nan) - 273.15, info["min"]?.doubleValue, abs: 1e-5))
                    #expect(close((ours.values.max() ?? .nan) - 273.15, info["max"]?.doubleValue, abs: 1e-5))
                }
            }
        }

        let stepTime = try #require(r.auxiliary.first { $0.name == "Time" }?.values)
        let stamp = try #require(r.auxiliary.first { $0.name == "Timestamp" }?.values)
        if let first = ref["first_timestamp_epoch"]?.doubleValue {
            let start = try #require(r.metadata.startTime)
            #expect(Swift.abs(start.timeIntervalSince1970 - first) < 1e-3, "\(name): start time")
        }

        // Sampled rows.
        let samples = ref["samples"]?.arrayValue ?? []
        #expect(samples.count >= min(25, r.count), "\(name): reference samples")
        for sample in samples {
            let i = Int(try #require(sample["row"]?.doubleValue))
            let label = "\(name) row \(i)"
            #expect(Double(r.stepIndex[i]) == sample["Step_Index"]?.doubleValue, "\(label): Step_Index")
            #expect(Double(r.cycleIndex[i]) == sample["Cycle"]?.doubleValue, "\(label): Cycle")
            let status = try #require(sample["Status"]?.stringValue)
            #expect(r.stepKind[i] == NewareStatus.kind(named: status), "\(label): Status \(status)")
            #expect(close(stepTime[i], sample["Time"]?.doubleValue, abs: 1e-6), "\(label): Time")
            #expect(close(r.voltage[i], sample["Voltage"]?.doubleValue), "\(label): Voltage")
            #expect(close(r.current[i] * 1e3, sample["Current(mA)"]?.doubleValue), "\(label): Current")
            let counters: [(String, [Double]?)] = [
                ("Charge_Capacity(mAh)", r.chargeCapacity), ("Discharge_Capacity(mAh)", r.dischargeCapacity),
                ("Charge_Energy(mWh)", r.chargeEnergy), ("Discharge_Energy(mWh)", r.dischargeEnergy),
            ]
            for (key, values) in counters {
                let v = try #require(values)
                #expect(close(v[i] * 1e3, sample[key]?.doubleValue), "\(label): \(key)")
            }
            if let t1 = sample["T1"]?.doubleValue {
                let kelvin = try #require(r.temperature)
                #expect(close(kelvin[i] - 273.15, t1, abs: 1e-5), "\(label): T1")
            }
            if let epoch = sample["Timestamp_epoch"]?.doubleValue {
                #expect(Swift.abs(stamp[i] - epoch) < 1e-3, "\(label): Timestamp")
            }
        }
        checkStepInvariants(r, name: name)
        return r
    }

    /// Our own invariants (no oracle needed): per-step counters restart at each step start — the first
    /// value of a step is at most what the current can pass in the time since the previous record
    /// (factor 2 for float32 time rounding) — and the cumulative test time never runs ahead of the wall
    /// clock (pauses make it fall behind).
    static func checkStepInvariants(_ r: Recording, name: String) {
        for i in 1..<r.count where r.stepIndex[i] != r.stepIndex[i - 1] {
            let dt = r.time[i] - r.time[i - 1]
            let limit = 2 * Swift.abs(r.current[i]) * dt / 3600 + 1e-9
            for (label, values) in [("charge", r.chargeCapacity), ("discharge", r.dischargeCapacity)] {
                if let values { #expect(values[i] <= limit, "\(name) row \(i): \(label) capacity not reset at step start") }
            }
        }
        if let stamp = r.auxiliary.first(where: { $0.name == "Timestamp" })?.values, let first = stamp.first, let last = stamp.last,
           let t0 = r.time.first, let t1 = r.time.last {
            #expect(t1 - t0 <= last - first + 1.0, "\(name): test time longer than the wall-clock span")
        }
    }
}

@Suite("Neware .nda reader")
struct NewareNDATests {
    // Oracle: NewareNDA (Reference/neware.json): 439 rows, v29, cycles 1–2, Rest/CC_Chg/CC_DChg.
    @Test func testNDAMatchesNewareNDA() throws {
        let r = try NewareOracle.check("test.nda", format: .newareNDA)
        #expect(r.metadata.instrument?.contains("BTSServer") == true)
        // Oracle: NewareNDA.read_metadata gives active_mass_mg = 1.0 for this file.
        #expect(isClose(r.metadata.activeMass ?? 0, 1e-6, rel: 1e-12))
        #expect(r.metadata.header.contains(HeaderField("nda version", "29")))
    }

    // Oracle: NewareNDA: 6670 rows, v130 / BTS 9.1, cycles 1–3, aux T1 (V1 all empty).
    @Test func testFileNDAMatchesNewareNDA() throws {
        let r = try NewareOracle.check("TestFile.nda", format: .newareNDA)
        #expect(r.metadata.instrument?.contains("9.1") == true)
        #expect(r.temperature != nil)
        #expect(!r.auxiliary.contains { $0.name == "V1" })
    }

    // Sign convention (no oracle): CC_Chg rows carry positive current, CC_DChg negative, as our model wants.
    @Test func chargeCurrentIsPositive() throws {
        let r = try RecordingLoader.load(Fixtures.cycler("neware/TestFile.nda"))
        let ref = try NewareOracle.entry("TestFile.nda")
        for sample in ref["samples"]?.arrayValue ?? [] {
            guard let i = sample["row"]?.doubleValue.map({ Int($0) }), let status = sample["Status"]?.stringValue else { continue }
            if status == "CC_Chg" { #expect(r.current[i] > 0) }
            if status == "CC_DChg" { #expect(r.current[i] < 0) }
        }
    }

    // Truncation: the first half of each real file must give `.malformed`, not a short recording or a crash.
    @Test(arguments: ["test.nda", "TestFile.nda"])
    func truncatedFileIsMalformed(_ name: String) throws {
        let whole = try Data(contentsOf: Fixtures.cycler("neware/" + name))
        let dir = Fixtures.temporaryDirectory("neware-trunc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try whole.prefix(whole.count / 2).write(to: url)
        do {
            _ = try RecordingLoader.load(url)
            Issue.record("truncated \(name) was read without error")
        } catch let error as InterphaseError {
            #expect(error.kind == .malformed, "\(error)")
            #expect(error.file == url.path)
        }
    }

    // A v29 file cut inside its last record: `.malformed` naming the byte offset where the record starts.
    @Test func cutRecordIsMalformedWithOffset() throws {
        let whole = try Data(contentsOf: Fixtures.cycler("neware/test.nda"))
        do {
            _ = try NewareNDAReader.decode(whole.prefix(whole.count - 40), path: "cut.nda")
            Issue.record("cut record accepted")
        } catch let error as InterphaseError {
            #expect(error.kind == .malformed)
            #expect(error.lineLabel == "byte offset")
            #expect(error.line == whole.count - 86)
        }
    }

    // No oracle needed: NewareNDA raises NotImplementedError for nda versions other than 29 and 130; we give
    // `.unsupportedFormat` naming the version and the file.
    @Test func unsupportedVersionIsNamed() throws {
        var bytes = Array("NEWARE20240101".utf8) + [99, 0]
        bytes += [UInt8](repeating: 0, count: 2000)
        do {
            _ = try NewareNDAReader.decode(Data(bytes), path: "v99.nda")
            Issue.record("version 99 accepted")
        } catch let error as InterphaseError {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.description.contains("99"))
            #expect(error.description.contains("v99.nda"))
        }
    }

    // Random bytes without the magic must throw; with the magic and a supported version byte they may
    // even decode (NewareNDA's record rules accept some random records) but must never trap, and any
    // error must be an InterphaseError.
    @Test func randomBytesThrowOrDecodeWithoutTrapping() {
        var rng = SplitMix64(state: 20_260_611)
        for _ in 0..<20 {
            var bytes = rng.bytes(1 + Int(rng.next() % 70_000))
            bytes[0] = 0x4D  // never 'N'
            #expect(throws: InterphaseError.self) { try NewareNDAReader.decode(Data(bytes), path: "random.nda") }
        }
        for trial in 0..<40 {
            var bytes = rng.bytes(17 + Int(rng.next() % 70_000))
            bytes.replaceSubrange(0..<6, with: Array("NEWARE".utf8))
            bytes[14] = trial % 2 == 0 ? 29 : 130
            if trial % 5 == 0, bytes.count > 1100 { bytes[1024] = 0x55 }
            do {
                let r = try NewareNDAReader.decode(Data(bytes), path: "random.nda")
                #expect(r.count > 0)
            } catch is InterphaseError {
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
    }
}
