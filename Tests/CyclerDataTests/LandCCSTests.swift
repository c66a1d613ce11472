import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Tests of `LandCCSReader`.
///
/// Oracle: the CCS parser of echemistpy-cli (github.com/liuchzzyy/echemistpy-cli at commit 4a0c2f6,
/// `CCSParser`), through the values committed in `Reference/land_ccs.json` by
/// `References/biologic_land_reference.py`. The oracle rounds Current/uA, Capacity/uAh and Energy/uWh to
/// float32, hence rel 1e-6 for those; time (integer ms) and voltage (float32 widened) are compared exactly
/// up to JSON text parsing (rel 1e-12).
@Suite struct LandCCSTests {
    static let file = "land/BB.ccs"
    static let reference: JSONValue? = try? JSONValue.parse(
        Data(contentsOf: Fixtures.reference("CyclerDataTests", "land_ccs.json")))

    static func read() throws -> Recording {
        try LandCCSReader.read(Fixtures.cycler(file), format: .landCCS, options: ReadOptions())
    }

    static func numbers(_ value: JSONValue?) -> [Double?] { (value?.arrayValue ?? []).map(\.doubleValue) }

    @Test func referenceNamesItsOracle() {
        #expect(Self.reference?["oracle"]?["commit"]?.stringValue == "4a0c2f63cd16c19bee4d27c034f93d3b1fcc8486")
        #expect(Self.reference?["oracle"]?["program"]?.stringValue?.hasPrefix("echemistpy-cli") == true)
    }

    /// Oracle: echemistpy-cli. Rows exact; Step and Cycle exact (both 1-based there and here); time =
    /// TestTime_ms / 1000; current = Current/uA × 1e-6 with the same sign (charge positive); the per-step
    /// capacity/energy counters (charge + discharge, one of which is 0 in each step) = Capacity/uAh × 1e-6,
    /// Energy/uWh × 1e-6.
    @Test func matchesEchemistpy() throws {
        let ref = try #require(Self.reference?["files"]?[Self.file])
        let rec = try Self.read()
        #expect(rec.count == Int(try #require(ref["rows"]?.doubleValue)))
        #expect(rec.count == 59625)
        let rows = Self.numbers(ref["sample_indices"]).compactMap { $0.map { Int($0) } }
        #expect(rows.first == 0 && rows.last == rec.count - 1)
        let values = try #require(ref["values"])
        func each(_ column: String, _ body: (Int, Double) -> Void) {
            let column = Self.numbers(values[column])
            #expect(column.count == rows.count)
            for (k, v) in column.enumerated() { if let v { body(rows[k], v) } }
        }
        each("TestTime_ms") { i, v in #expect(isClose(rec.time[i], v / 1000, rel: 1e-12), "time row \(i)") }
        each("StepTime_ms") { i, v in
            #expect(isClose(rec.auxiliary[0].values[i], v / 1000, rel: 1e-12), "step time row \(i)")
        }
        each("Voltage/V") { i, v in #expect(isClose(rec.voltage[i], v, rel: 1e-12), "voltage row \(i)") }
        each("Current/uA") { i, v in #expect(isClose(rec.current[i], v * 1e-6, rel: 1e-6), "current row \(i)") }
        each("Step") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        each("Cycle") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        let charge = try #require(rec.chargeCapacity), discharge = try #require(rec.dischargeCapacity)
        let eCharge = try #require(rec.chargeEnergy), eDischarge = try #require(rec.dischargeEnergy)
        each("Capacity/uAh") { i, v in
            #expect(isClose(charge[i] + discharge[i], v * 1e-6, rel: 1e-6, abs: 1e-15), "capacity row \(i)")
        }
        each("Energy/uWh") { i, v in
            #expect(isClose(eCharge[i] + eDischarge[i], v * 1e-6, rel: 1e-6, abs: 1e-15), "energy row \(i)")
        }
        let kinds: [String: StepKind] = ["REST": .rest, "C_CRATE": .constantCurrent, "D_CRATE": .constantCurrent]
        for (k, mode) in (values["WorkMode"]?.arrayValue ?? []).enumerated() {
            let i = rows[k]
            let name = try #require(mode.stringValue)
            #expect(rec.stepKind[i] == kinds[name], "kind row \(i)")
            // Direction: C_ modes fill only the charge counters, D_ modes only the discharge counters.
            if name.hasPrefix("C_") { #expect(discharge[i] == 0 && rec.current[i] >= 0) }
            if name.hasPrefix("D_") { #expect(charge[i] == 0 && rec.current[i] <= 0) }
        }
    }

    /// Oracle: echemistpy-cli's step summary (final capacity and energy of each of the 8 steps).
    @Test func stepTotalsMatchEchemistpy() throws {
        let ref = try #require(Self.reference?["files"]?[Self.file]?["step_summary"]?.arrayValue)
        let rec = try Self.read()
        let charge = try #require(rec.chargeCapacity), discharge = try #require(rec.dischargeCapacity)
        #expect(Set(rec.stepIndex).count == ref.count)
        for summary in ref {
            let step = Int32(try #require(summary["Step"]?.doubleValue))
            let last = try #require(rec.stepIndex.lastIndex(of: step))
            let uAh = try #require(summary["Capacity/uAh"]?.doubleValue)
            #expect(isClose(charge[last] + discharge[last], uAh * 1e-6, rel: 1e-6, abs: 1e-15), "step \(step)")
            #expect(rec.cycleIndex[last] == Int32(try #require(summary["Cycle"]?.doubleValue)))
        }
        #expect(Set(rec.cycleIndex) == [1, 2, 3])
    }

    /// Per-step counters start from the first record's increment and never decrease within a step
    /// (an invariant of the Recording model; the step totals themselves are checked against echemistpy-cli).
    @Test func capacityCountersResetPerStep() throws {
        let rec = try Self.read()
        let series = [rec.chargeCapacity, rec.dischargeCapacity, rec.chargeEnergy, rec.dischargeEnergy].compactMap { $0 }
        #expect(series.count == 4)
        var starts = 0
        for i in 1..<rec.count {
            if rec.stepIndex[i] != rec.stepIndex[i - 1] {
                starts += 1
                // A new step begins at most one record's increment (≤ 1 µAh here) above zero.
                for s in series { #expect(s[i] < 1e-6, "step start row \(i)") }
            } else {
                for s in series { #expect(s[i] >= s[i - 1], "row \(i)") }
            }
        }
        #expect(starts == 7)
    }

    /// Oracle: echemistpy-cli's header decoding (test name, channel, serial, version, mass 4.23 mg).
    @Test func metadata() throws {
        let meta = try #require(Self.reference?["files"]?[Self.file]?["metadata"])
        let rec = try Self.read()
        #expect(rec.metadata.format == .landCCS)
        #expect(rec.metadata.channel == meta["channel_number"]?.stringValue)
        #expect(rec.metadata.channel == "DefaultGroup_01_5")
        let grams = try #require(meta["active_material_mass_g"]?.doubleValue)
        #expect(isClose(rec.metadata.activeMass ?? 0, grams * 1e-3, rel: 1e-12))
        #expect(isClose(rec.metadata.activeMass ?? 0, 4.23e-6, rel: 1e-6))
        let instrument = try #require(rec.metadata.instrument)
        #expect(instrument.hasPrefix("LAND"))
        #expect(instrument.contains(try #require(meta["serial_number"]?.stringValue)))
        #expect(instrument.contains(try #require(meta["software_version"]?.stringValue)))
        let header = Dictionary(rec.metadata.header.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(header["test name"] == meta["test_name"]?.stringValue)
        #expect(header["process name"] == meta["process_name"]?.stringValue)
        #expect(header["data start (byte offset)"] == "2944")
        let startMs = try #require(meta["log_start_unix_ms"]?.doubleValue)
        #expect(abs((rec.metadata.startTime?.timeIntervalSince1970 ?? 0) * 1000 - startMs) < 1)
    }

    @Test func sniffAndLoader() throws {
        let url = Fixtures.cycler(Self.file)
        #expect(LandCCSReader.sniff(try InstrumentFile.makeProbe(url)))
        // The extension alone is not enough.
        #expect(LandCCSReader.sniff(FileProbe(path: "x.ccs", pathExtension: "ccs", prefix: [UInt8](repeating: 0, count: 256))) == false)
        #expect(try RecordingLoader.detectFormat(url) == .landCCS)
    }

    // MARK: - Errors

    static func expectError(_ bytes: [UInt8], _ kinds: [InterphaseError.Kind], sourceLocation: SourceLocation = #_sourceLocation,
                            _ check: (InterphaseError) -> Void = { _ in }) {
        expectReaderError(bytes, reader: LandCCSReader.self, format: .landCCS, fileExtension: "ccs", kinds: kinds,
                          sourceLocation: sourceLocation, check)
    }

    @Test func truncatedAndForeignBytes() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.cycler(Self.file)))
        // Cut mid-page: malformed, naming the offset of the incomplete page.
        Self.expectError(Array(bytes.prefix(bytes.count / 2 + 50)), [.malformed]) { error in
            #expect(error.lineLabel == "byte offset")
            #expect(error.line == bytes.count / 2)
        }
        // Cut inside the header: no data pages.
        Self.expectError(Array(bytes.prefix(0x400)), [.emptyInput, .malformed])
        // Foreign bytes.
        var state: UInt64 = 7
        let random = (0..<4096).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        Self.expectError(random, [.unsupportedFormat])
        Self.expectError(LandCCSReader.signature + random.dropLast(8), [.malformed, .emptyInput])
        // A data page pointing to a non-control page.
        var broken = bytes
        broken[2944 + 4] = 0x80  // state word 0x0B80 → the data page itself
        Self.expectError(broken, [.malformed]) { error in #expect(error.line == 2944) }
    }
}
