import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Tests of `BioLogicMPRReader`.
///
/// Oracle: galvani 0.5.0 (`galvani.BioLogic.MPRfile`), through the values committed in
/// `Reference/biologic_mpr.json` by `References/biologic_land_reference.py` (CI has no PyPI).
/// galvani and this reader both widen float32 fields to Double exactly and JSON keeps Python's shortest
/// round-trip text, so values are compared at rel 1e-12, which only absorbs decimal-text parsing.
@Suite struct BioLogicMPRTests {
    static let reference: JSONValue? = try? JSONValue.parse(
        Data(contentsOf: Fixtures.reference("CyclerDataTests", "biologic_mpr.json")))

    static var files: [String] {
        guard case let .object(pairs)? = reference?["files"] else { return [] }
        return pairs.map(\.0)
    }

    static func read(_ relative: String) throws -> Recording {
        try BioLogicMPRReader.read(Fixtures.cycler(relative), format: .biologicMPR, options: ReadOptions())
    }

    static func numbers(_ value: JSONValue?) -> [Double?] {
        (value?.arrayValue ?? []).map(\.doubleValue)
    }

    @Test func referenceCoversEveryBundledFile() {
        // Every .mpr under biologic_mpr/ and lithium_metal/ must be in the oracle's list.
        #expect(Self.files.count == 10)
        #expect(Self.reference?["oracle"]?["program"]?.stringValue == "galvani")
        #expect(Self.reference?["oracle"]?["version"]?.stringValue == "0.5.0")
    }

    /// Oracle: galvani 0.5.0. Row count exact; time, voltage, impedance and raw columns exact (rel 1e-12);
    /// current = galvani's mA × 1e-3; step = galvani's Ns + 1 (our steps are 1-based, EC-Lab's Ns 0-based);
    /// cycle = `cycle number`, or `half cycle` / 2 + 1 (ours are 1-based, a cycle being two half cycles).
    @Test(arguments: BioLogicMPRTests.files)
    func matchesGalvani(_ file: String) throws {
        let ref = try #require(Self.reference?["files"]?[file])
        let rec = try Self.read(file)
        let n = try #require(ref["rows"]?.doubleValue)
        #expect(rec.count == Int(n))
        #expect(rec.metadata.format == .biologicMPR)
        #expect(rec.metadata.sourceFile == Fixtures.cycler(file).path)

        // Same column-ID list and data-module version as galvani decoded. Exception: in version-0 files with
        // two-byte IDs (EC-Lab ≥ 11.50) galvani keeps only each ID's low byte (211/212), while we read the
        // whole little-endian u16 (467/468, the IDs version-3 files use); both IDs name the same columns.
        let header = Dictionary(rec.metadata.header.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let galvaniIDs = Self.numbers(ref["column_ids"]).compactMap { $0.map { Int($0) } }
        let ourIDs = (header["column IDs"] ?? "").split(separator: " ").compactMap { Int($0) }
        let version = ref["data_module_version"]?.doubleValue.map { Int($0) }
        #expect(header["data module version"] == version.map(String.init))
        #expect(ourIDs.count == galvaniIDs.count)
        for (ours, theirs) in zip(ourIDs, galvaniIDs) {
            #expect(ours == theirs || (version == 0 && ours & 0xFF == theirs), "column ID \(ours) vs galvani \(theirs)")
        }

        let rows = Self.numbers(ref["sample_indices"]).compactMap { $0.map { Int($0) } }
        #expect(rows.first == 0 && rows.last == rec.count - 1)
        let values = try #require(ref["values"])
        func each(_ column: String, _ body: (Int, Double) -> Void) {
            for (k, v) in Self.numbers(values[column]).enumerated() { if let v { body(rows[k], v) } }
        }

        each("time/s") { i, v in #expect(isClose(rec.time[i], v, rel: 1e-12), "time row \(i)") }
        let voltageColumn = try #require(ref["voltage_column"]?.stringValue)
        each(voltageColumn) { i, v in #expect(isClose(rec.voltage[i], v, rel: 1e-12), "voltage row \(i)") }
        if let currentColumn = ref["current_column"]?.stringValue {
            each(currentColumn) { i, v in #expect(isClose(rec.current[i], v * 1e-3, rel: 1e-12), "current row \(i)") }
        }
        each("Ns") { i, v in #expect(rec.stepIndex[i] == Int32(v) + 1, "step row \(i)") }
        if values["cycle number"] != nil {
            each("cycle number") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        } else if values["half cycle"] != nil {
            each("half cycle") { i, v in #expect(rec.cycleIndex[i] == Int32(v) / 2 + 1, "cycle row \(i)") }
        } else {
            #expect(rec.cycleIndex.allSatisfy { $0 == 1 })
        }
        let kinds: [Double: StepKind] = [1: .constantCurrent, 2: .constantVoltage, 3: .rest]
        if values["freq/Hz"] == nil {
            each("mode") { i, v in #expect(rec.stepKind[i] == kinds[v], "step kind row \(i)") }
        }

        // Unmapped columns are kept under galvani's names with the same values.
        for name in ["dq/mA.h", "control/V/mA", "control/mA", "Q charge/discharge/mA.h", "(Q-Qo)/mA.h",
                     "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm"] where values[name] != nil {
            let aux = try #require(rec.auxiliary.first { $0.name == name }, "auxiliary \(name)")
            each(name) { i, v in #expect(isClose(aux.values[i], v, rel: 1e-12), "\(name) row \(i)") }
        }
        // Every galvani column is either mapped or kept.
        let mapped: Set<String> = ["time/s", "Ewe/V", "<Ewe>/V", "I/mA", "<I>/mA", "Ns", "Temperature/°C"]
        let kept = Set(rec.auxiliary.map(\.name))
        for case let .string(name) in ref["columns"]?.arrayValue ?? [] {
            #expect(mapped.contains(name) || kept.contains(name), "column \(name) lost")
        }
        for case let .string(flag) in ref["flags"]?.arrayValue ?? [] {
            #expect(kept.contains(flag), "flag \(flag) lost")
        }
    }

    /// Impedance files (PEIS/GEIS, `freq/Hz` present) are impedance recordings with Z kept in auxiliary.
    @Test func impedanceFiles() throws {
        for file in ["biologic_mpr/PEIS.mpr",
                     "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr",
                     "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA-prerun_C05.mpr"] {
            let rec = try Self.read(file)
            #expect(rec.stepKind.allSatisfy { $0 == .impedance }, "\(file)")
            let names = rec.auxiliary.map(\.name)
            #expect(names.contains("freq/Hz") && names.contains("Re(Z)/Ohm") && names.contains("-Im(Z)/Ohm"))
            #expect(rec.auxiliary.first { $0.name == "Re(Z)/Ohm" }?.unit.symbol == "Ohm")
            // The quantities an impedance reader takes by meaning, not by header text.
            #expect(rec.auxiliary.first(measuring: .frequency)?.name == "freq/Hz")
            #expect(rec.auxiliary.first(measuring: .realImpedance)?.name == "Re(Z)/Ohm")
            #expect(rec.auxiliary.first(measuring: .negativeImaginaryImpedance)?.name == "-Im(Z)/Ohm")
            #expect(rec.auxiliary.first(measuring: .frequency)?.unit.dimension == .frequency)
        }
    }

    /// GCPL files store no current, only dq/mA.h; the reader derives I = dq·3.6/Δt. Oracle: the file's own
    /// setpoint `control/V/mA` (or `control/mA`), which in galvanostatic mode (mode 1) is the imposed
    /// current in mA. Tolerance 0.1 %: the measured current differs from the setpoint by up to 0.07 % in
    /// these files. Excluded: each step's first point (its interval straddles the step start) and intervals
    /// under 10 ms, where the float32-resolution time stamps make Δt uncertain by a few µs.
    @Test(arguments: [
        "biologic_mpr/250116_kigr_gen6_01_01_GCPL_CD8.mpr", "biologic_mpr/250116_kigr_gen6_01_02_GCPL_CD8.mpr",
        "biologic_mpr/col_27_issue_74.mpr",
        "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_01_GCPL_C05.mpr",
    ])
    func derivedCurrentMatchesControlCurrent(_ file: String) throws {
        let rec = try Self.read(file)
        let control = try #require(rec.auxiliary.first { $0.name == "control/V/mA" || $0.name == "control/mA" })
        var checked = 0
        for i in 1..<rec.count where rec.stepKind[i] == .constantCurrent && rec.stepIndex[i] == rec.stepIndex[i - 1]
            && rec.time[i] - rec.time[i - 1] >= 0.01 {
            let setpoint = control.values[i] * 1e-3
            #expect(isClose(rec.current[i], setpoint, rel: 1e-3), "row \(i): \(rec.current[i]) A vs \(setpoint) A")
            checked += 1
        }
        #expect(checked >= 10)
    }

    /// Per-step capacity counters: at a step's first point they hold only that point's own dq, and they
    /// never decrease within a step. Oracle: the file's own `dq/mA.h` column (itself checked against galvani
    /// in `matchesGalvani`); the counters are ours, galvani has none per step.
    @Test(arguments: BioLogicMPRTests.files)
    func capacityCountersResetPerStep(_ file: String) throws {
        let rec = try Self.read(file)
        guard let charge = rec.chargeCapacity, let discharge = rec.dischargeCapacity,
              let dq = rec.auxiliary.first(where: { $0.name == "dq/mA.h" }) else { return }
        for i in 0..<rec.count {
            let q = dq.values[i] * 1e-3  // Ah
            if i == 0 || rec.stepIndex[i] != rec.stepIndex[i - 1] {
                #expect(charge[i] == max(q, 0) && discharge[i] == max(-q, 0), "step start row \(i)")
            } else {
                #expect(charge[i] >= charge[i - 1] && discharge[i] >= discharge[i - 1], "row \(i)")
            }
        }
    }

    @Test func gcplFormationCounters() throws {
        // 01_02: Ns 0…3 with charge and discharge steps; both counters must become non-zero somewhere.
        let rec = try Self.read("biologic_mpr/250116_kigr_gen6_01_02_GCPL_CD8.mpr")
        #expect((rec.chargeCapacity?.max() ?? 0) > 1e-4)
        #expect((rec.dischargeCapacity?.max() ?? 0) > 1e-4)
        #expect(Set(rec.stepIndex) == [1, 2, 3, 4])
    }

    /// Oracle for the mass: the BT-Lab text export shipped alongside (`.mpl`: "Mass of active material :
    /// 17.233 mg", "BT-Lab for windows v1.79", "SN 0709"); for the start time: galvani's LOG timestamp.
    @Test func metadataFromSetAndLogModules() throws {
        let rec = try Self.read("biologic_mpr/250116_kigr_gen6_01_01_GCPL_CD8.mpr")
        let mass = try #require(rec.metadata.activeMass)
        #expect(isClose(mass, 17.233e-6, rel: 1e-6))
        #expect(rec.metadata.instrument?.contains("1.79") == true)
        #expect(rec.metadata.instrument?.contains("0709") == true)
        let start = try #require(rec.metadata.startTime)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let expected = try #require(utc.date(from: DateComponents(year: 2025, month: 1, day: 16, hour: 14, minute: 5, second: 54)))
        #expect(abs(start.timeIntervalSince(expected) - 0.213) < 0.002)

        // PEIS.mpr has no LOG module: no start time, but the settings still give the mass (9.325 mg, .mpl).
        let peis = try Self.read("biologic_mpr/PEIS.mpr")
        #expect(peis.metadata.startTime == nil)
        #expect(isClose(peis.metadata.activeMass ?? 0, 9.325e-6, rel: 1e-6))
    }

    @Test func ocvFileWithTwoRows() throws {
        let rec = try Self.read("biologic_mpr/00_test_01_OCV_C01.mpr")
        #expect(rec.count == 2)
        #expect(rec.current == [0, 0])
        #expect(rec.stepKind == [.rest, .rest])
        #expect(rec.chargeCapacity == nil)
    }

    @Test func sniffAndLoader() throws {
        let url = Fixtures.cycler("biologic_mpr/PEIS.mpr")
        let probe = try InstrumentFile.makeProbe(url)
        #expect(BioLogicMPRReader.sniff(probe))
        #expect(BioLogicMPRReader.sniff(FileProbe(path: "x.mpr", pathExtension: "mpr", prefix: Array("EC-Lab ASCII FILE\r\n".utf8))) == false)
        let rec = try RecordingLoader.load(url)
        #expect(rec.metadata.format == .biologicMPR && rec.count == 244)
    }

    // MARK: - Errors

    static func expectError(_ bytes: [UInt8], _ kinds: [InterphaseError.Kind], sourceLocation: SourceLocation = #_sourceLocation,
                            _ check: (InterphaseError) -> Void = { _ in }) {
        expectReaderError(bytes, reader: BioLogicMPRReader.self, format: .biologicMPR, fileExtension: "mpr", kinds: kinds,
                          sourceLocation: sourceLocation, check)
    }

    @Test func truncatedFileNamesByteOffset() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.cycler("biologic_mpr/250116_kigr_gen6_01_02_GCPL_CD8.mpr")))
        Self.expectError(Array(bytes.prefix(bytes.count / 2)), [.malformed]) { error in
            #expect(error.lineLabel == "byte offset")
            #expect(error.line != nil)
            #expect(error.description.contains("VMP data"))
        }
        // Cut inside the magic, inside a module header, one byte short of the end.
        Self.expectError(Array(bytes.prefix(30)), [.unsupportedFormat])
        Self.expectError(Array(bytes.prefix(80)), [.malformed])
        Self.expectError(Array(bytes.dropLast()), [.malformed])
    }

    @Test func randomBytesThrow() {
        var generator = SplitMix64(state: 42)
        let random = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        Self.expectError(random, [.unsupportedFormat, .malformed])
        Self.expectError(Array("time/s\tEwe/V\n1\t2\n".utf8), [.unsupportedFormat, .malformed])
        // A valid magic followed by garbage is malformed, not a crash.
        Self.expectError(BioLogicMPRReader.magic + random, [.malformed])
    }

    @Test func unknownColumnIDIsNamed() throws {
        var bytes = [UInt8](try Data(contentsOf: Fixtures.cycler("biologic_mpr/col_27_issue_74.mpr")))
        let modules = try BioLogicMPRReader.readModules(bytes, path: "col_27")
        let data = try #require(modules.first { $0.shortName == "VMP data" })
        #expect(data.version == 3)
        // Version 3: two-byte IDs from byte 5; replace the 9th (ID 20, control/mA) by an unknown ID 999.
        let p = data.offset + 5 + 2 * 8
        #expect(bytes[p] == 20 && bytes[p + 1] == 0)
        bytes[p] = 0xE7; bytes[p + 1] = 0x03
        Self.expectError(bytes, [.unsupportedFormat, .malformed]) { error in
            #expect(error.description.contains("999"))
        }
    }
}

