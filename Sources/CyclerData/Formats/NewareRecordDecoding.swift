import Foundation
import InterphaseCore
import InstrumentIO
import InterphaseData

// Shared pieces of the Neware `.nda` / `.ndax` readers: the status table, the current-range multipliers,
// NewareNDA's cycle numbering, and the column store both readers fill before building a `Recording`.
//
// Format source: the layouts and tables follow NewareNDA (PyPI `NewareNDA` 2026.6.11, © SES AI,
// BSD-3-Clause), the reference decoder for these undocumented binary formats. Our tests compare every
// bundled file with NewareNDA's output (`References/neware_reference.py`).

/// Unchecked little-endian loads from a byte buffer. Callers check that a whole record lies inside the
/// buffer before decoding it, so the per-field reads need no checks (this is the hot loop of both readers).
struct NewareBytes {
    let raw: UnsafeRawBufferPointer
    var count: Int { raw.count }

    @inline(__always) func u8(_ p: Int) -> UInt8 { raw[p] }
    @inline(__always) func i8(_ p: Int) -> Int8 { Int8(bitPattern: raw[p]) }
    @inline(__always) func u16(_ p: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt16.self)) }
    @inline(__always) func i16(_ p: Int) -> Int16 { Int16(bitPattern: u16(p)) }
    @inline(__always) func u32(_ p: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)) }
    @inline(__always) func i32(_ p: Int) -> Int32 { Int32(bitPattern: u32(p)) }
    @inline(__always) func u64(_ p: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)) }
    @inline(__always) func i64(_ p: Int) -> Int64 { Int64(bitPattern: u64(p)) }
    @inline(__always) func f32(_ p: Int) -> Double { Double(Float(bitPattern: u32(p))) }
    @inline(__always) func f64(_ p: Int) -> Double { Double(bitPattern: u64(p)) }

    /// True when all `count` bytes from `p` are zero (bounds are the caller's).
    func isZero(_ p: Int, _ count: Int) -> Bool {
        for i in p..<p + count where raw[i] != 0 { return false }
        return true
    }

    /// True when `pattern` occurs at `p` (false if it would run past the end).
    func matches(_ pattern: [UInt8], at p: Int) -> Bool {
        guard p >= 0, p + pattern.count <= raw.count else { return false }
        for (j, b) in pattern.enumerated() where raw[p + j] != b { return false }
        return true
    }

    /// First offset ≥ `start` where `pattern` occurs, or nil.
    func find(_ pattern: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let limit = min(end ?? raw.count, raw.count) - pattern.count
        guard let first = pattern.first, start >= 0, limit >= start else { return nil }
        var i = start
        while i <= limit {
            if raw[i] == first && matches(pattern, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Last offset ≥ `start` where `pattern` occurs, or nil.
    func findLast(_ pattern: [UInt8], from start: Int) -> Int? {
        var i = raw.count - pattern.count
        while i >= max(start, 0) {
            if matches(pattern, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// ASCII/UTF-8 text of `[p, p+count)` up to the first NUL, trimmed; "" when out of range.
    func text(_ p: Int, _ count: Int) -> String {
        guard p >= 0, p < raw.count else { return "" }
        let end = min(p + count, raw.count)
        var bytes: [UInt8] = []
        for i in p..<end {
            if raw[i] == 0 { break }
            bytes.append(raw[i])
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Neware step status codes as NewareNDA's `state_dict` names them, with their meaning for us: one
/// table row per code (name, step kind, role in the cycle rule).
enum NewareStatus {
    /// The part a status plays in NewareNDA's cycle numbering.
    enum CycleRole {
        /// A charge that opens a cycle (CC_Chg, CCCV_Chg, CP_Chg).
        case opensCycle
        /// A discharge: arms the counter for the next opening charge.
        case discharge
        /// Another step with a current direction (CV_Chg, CPCV_Chg): neither opens nor arms.
        case otherDirection
        /// A simulation step: arms the counter.
        case simulation
        /// No direction (rest, pause, OCV, control…): ignored by the rule.
        case none
    }

    struct Entry {
        let name: String
        let kind: StepKind
        let cycleRole: CycleRole
    }

    /// Code → entry. Kinds: Rest and Pause carry no current; OCV is an open-circuit measurement;
    /// constant power/resistance, pulses, simulations and control steps are `other`.
    static let table: [UInt8: Entry] = [
        1: Entry(name: "CC_Chg", kind: .constantCurrent, cycleRole: .opensCycle),
        2: Entry(name: "CC_DChg", kind: .constantCurrent, cycleRole: .discharge),
        3: Entry(name: "CV_Chg", kind: .constantVoltage, cycleRole: .otherDirection),
        4: Entry(name: "Rest", kind: .rest, cycleRole: .none),
        5: Entry(name: "Cycle", kind: .other, cycleRole: .none),
        7: Entry(name: "CCCV_Chg", kind: .constantCurrentConstantVoltage, cycleRole: .opensCycle),
        8: Entry(name: "CP_DChg", kind: .other, cycleRole: .discharge),
        9: Entry(name: "CP_Chg", kind: .other, cycleRole: .opensCycle),
        10: Entry(name: "CR_DChg", kind: .other, cycleRole: .discharge),
        13: Entry(name: "Pause", kind: .rest, cycleRole: .none),
        16: Entry(name: "Pulse", kind: .other, cycleRole: .none),
        17: Entry(name: "SIM", kind: .other, cycleRole: .simulation),
        19: Entry(name: "CV_DChg", kind: .constantVoltage, cycleRole: .discharge),
        20: Entry(name: "CCCV_DChg", kind: .constantCurrentConstantVoltage, cycleRole: .discharge),
        21: Entry(name: "Control", kind: .other, cycleRole: .none),
        22: Entry(name: "OCV", kind: .openCircuit, cycleRole: .none),
        26: Entry(name: "CPCV_DChg", kind: .other, cycleRole: .discharge),
        27: Entry(name: "CPCV_Chg", kind: .other, cycleRole: .otherDirection),
    ]

    /// Code → Neware's name (`CC_Chg`, `Rest`, …); `Status<code>` for codes not in the table.
    static func name(_ code: UInt8) -> String { table[code]?.name ?? "Status\(code)" }

    /// Our step kind. Unknown codes (NewareNDA rejects them) are kept as `other` rather than failing the
    /// whole file.
    static func kind(_ code: UInt8) -> StepKind { table[code]?.kind ?? .other }

    /// The kind for a status name as NewareNDA spells it (`"CCCV_Chg"` → `.constantCurrentConstantVoltage`),
    /// nil for names not in the table; used to compare with NewareNDA output.
    static func kind(named name: String) -> StepKind? { table.values.first { $0.name == name }?.kind }

    /// Role lookup by code, as a dense array (the rule runs once per row of multi-million-row files).
    private static let roles: [CycleRole] = (0...255).map { table[UInt8($0)]?.cycleRole ?? .none }

    /// NewareNDA's cycle rule ("chg" mode, its default): a new cycle starts at the first row of a run of
    /// a cycle-opening charge (CC_Chg / CCCV_Chg / CP_Chg) once a discharge (any `…_DChg` status) or a SIM
    /// step has been seen since the last increment. Rows of other statuses neither increment nor arm.
    static func generateCycles(_ status: [UInt8]) -> [Int32] {
        var cycles = [Int32](repeating: 1, count: status.count)
        var cycle: Int32 = 1
        var armed = false
        for n in status.indices {
            switch roles[Int(status[n])] {
            case .opensCycle:
                let risingEdge = n == 0 || roles[Int(status[n - 1])] != .opensCycle
                if risingEdge && armed {
                    cycle += 1
                    armed = false
                }
            case .discharge, .simulation: armed = true
            case .otherDirection, .none: break
            }
            cycles[n] = cycle
        }
        return cycles
    }
}

/// Scale of the integer current/capacity/energy fields of nda v29 and ndc v2/v5 records, keyed by the
/// record's current range (NewareNDA's `multiplier_dict`): current in mA = raw × multiplier, capacity in
/// mAh = raw × multiplier / 3600 (the raw unit is then mA·s), energy likewise in mWh.
let newareRangeMultipliers: [Int32: Double] = {
    let groups: [(ranges: [Int32], multiplier: Double)] = [
        ([-100_000_000], 10),
        ([-200_000, -100_000, -60_000, -50_000, -40_000, -30_000, -20_000, -12_000, -10_000, -6000, -5000, -3000, -2000, -1000], 1e-2),
        ([-500, -100], 1e-3),
        ([-50, -25, -20, -10], 1e-4),
        ([-5, -2, -1], 1e-5),
        ([0], 0),
        ([1, 2, 5], 1e-4),
        ([10, 20, 25, 50], 1e-3),
        ([100, 200, 250, 500], 1e-2),
        ([1000, 6000, 10000, 12000, 20000, 30000, 40000, 50000, 60000, 100_000, 200_000], 1e-1),
    ]
    var table: [Int32: Double] = [:]
    for group in groups { for range in group.ranges { table[range] = group.multiplier } }
    return table
}()

/// The multiplier of a current range, nil for a range NewareNDA does not know.
func newareRangeMultiplier(_ range: Int32) -> Double? { newareRangeMultipliers[range] }

/// Seconds since 1970-01-01T00:00:00 for a calendar date and time read as UTC, or NaN when the fields
/// are not a valid date. nda v29 and ndc v2/v5 records store the instrument PC's local wall-clock time
/// without a zone; we cannot know that zone, so we read it as UTC (documented on the readers).
func newareNaiveEpoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double {
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60, year > 0 else { return .nan }
    // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return Double(days * 86400 + hour * 3600 + minute * 60 + second)
}

/// The columns NewareNDA produces, in its units, one entry per record in output order.
/// Both readers fill this, then `makeRecording` converts to SI.
struct NewareRows {
    /// Record number as stored (NewareNDA `Index`).
    var index: [UInt32] = []
    /// NewareNDA `Step`: a counter that increases at every change of step (1-based).
    var step: [Int32] = []
    /// Step number of the schedule (NewareNDA `Step_Index`).
    var stepIndex: [Int32] = []
    /// Status code (see `NewareStatus`).
    var status: [UInt8] = []
    /// NewareNDA `Time`. - Units: s. Time within the step for most layouts, test time for BTS 9.1 nda.
    var time: [Double] = []
    /// - Units: V.
    var voltage: [Double] = []
    /// Positive = charge. - Units: mA.
    var current: [Double] = []
    /// Per-step counters. - Units: mAh.
    var chargeCapacity: [Double] = []
    var dischargeCapacity: [Double] = []
    /// Per-step counters. - Units: mWh.
    var chargeEnergy: [Double] = []
    var dischargeEnergy: [Double] = []
    /// Wall-clock time of the record. - Units: s since 1970-01-01 UTC (naive stamps read as UTC).
    var timestamp: [Double] = []

    var count: Int { index.count }

    /// The rows at `order` (a permutation or subset), in that order.
    func selecting(_ order: [Int]) -> NewareRows {
        var out = NewareRows()
        out.index = order.map { index[$0] }
        out.step = step.isEmpty ? [] : order.map { step[$0] }
        out.stepIndex = order.map { stepIndex[$0] }
        out.status = order.map { status[$0] }
        out.time = order.map { time[$0] }
        out.voltage = order.map { voltage[$0] }
        out.current = order.map { current[$0] }
        out.chargeCapacity = order.map { chargeCapacity[$0] }
        out.dischargeCapacity = order.map { dischargeCapacity[$0] }
        out.chargeEnergy = order.map { chargeEnergy[$0] }
        out.dischargeEnergy = order.map { dischargeEnergy[$0] }
        out.timestamp = order.map { timestamp[$0] }
        return out
    }

    mutating func reserve(_ n: Int) {
        index.reserveCapacity(n); step.reserveCapacity(n); stepIndex.reserveCapacity(n); status.reserveCapacity(n)
        time.reserveCapacity(n); voltage.reserveCapacity(n); current.reserveCapacity(n)
        chargeCapacity.reserveCapacity(n); dischargeCapacity.reserveCapacity(n)
        chargeEnergy.reserveCapacity(n); dischargeEnergy.reserveCapacity(n); timestamp.reserveCapacity(n)
    }
}

/// An auxiliary channel column aligned with the rows, named as NewareNDA names it (`T1`, `V2`, `t1`, …):
/// the quantity letter (`T` temperature °C, `V` voltage V, `t`/`H` as stored, `?` unknown) and the aux id.
struct NewareAuxColumn {
    var name: String
    var values: [Double]
}

/// NewareNDA's `Step` counter: 1 at the first row, +1 whenever `keys` changes.
func newareCountChanges<T: Equatable>(_ keys: [T]) -> [Int32] {
    var out = [Int32](repeating: 1, count: keys.count)
    var counter: Int32 = 1
    for i in keys.indices.dropFirst() {
        if keys[i] != keys[i - 1] { counter += 1 }
        out[i] = counter
    }
    return out
}

enum NewareRecording {
    /// Converts NewareNDA-style columns into a validated `Recording`.
    ///
    /// - Time: Neware stores the time within the step (nda v29, all ndc layouts) or, for BTS 9.1 nda,
    ///   the test time. We detect which: if `Time` ever decreases, it restarts per step and we add the
    ///   duration of each finished step (its last `Time`) to make the test time; otherwise it is already
    ///   cumulative. NewareNDA's own `Time` is kept as the auxiliary column `Time` and the wall clock as
    ///   `Timestamp` (s since 1970 UTC).
    /// - Cycle: NewareNDA's default numbering (`NewareStatus.generateCycles`).
    /// - Capacities/energies are per step in the file already; mAh → Ah, mWh → Wh.
    /// - Temperature: aux `T1` (°C) + 273.15, else the first `T…` column.
    /// - Auxiliary columns keep NewareNDA's names: `T…` converted to K, `V…` in V, other quantities
    ///   (`t…`, `H…`, `?…`, whose units NewareNDA does not state) as stored with an empty unit. Columns
    ///   with no value at all (NewareNDA's empty `V1` of BTS 9.1 files) are left out.
    static func make(_ rows: NewareRows, aux: [NewareAuxColumn], metadata: RecordingMetadata) throws -> Recording {
        let n = rows.count
        var perStep = false
        for i in rows.time.indices.dropFirst() where rows.time[i] < rows.time[i - 1] {
            perStep = true
            break
        }
        var time = rows.time
        if perStep {
            let step = rows.step.count == n ? rows.step : newareCountChanges(rows.stepIndex)
            var offset = 0.0
            for i in 0..<n {
                if i > 0 && step[i] != step[i - 1] { offset += rows.time[i - 1] }
                time[i] = offset + rows.time[i]
            }
        }
        let current = rows.current.map { $0 * Units.milli }
        let kinds = rows.status.map(NewareStatus.kind)
        func scaled(_ a: [Double]) -> [Double] { a.map { $0 * Units.milli } }

        var auxiliary: [AuxiliaryColumn] = [
            ColumnQuantities.column(name: "Time", unit: "s", values: rows.time),
            ColumnQuantities.column(name: "Timestamp", unit: "s since 1970-01-01T00:00:00Z", values: rows.timestamp),
        ]
        var temperature: [Double]?
        for column in aux where column.values.contains(where: { !$0.isNaN }) {
            switch column.name.first {
            case "T":
                let kelvin = column.values.map { $0 + Units.zeroCelsius }
                auxiliary.append(ColumnQuantities.column(name: column.name, unit: "K", values: kelvin))
                if column.name == "T1" || temperature == nil { temperature = kelvin }
            case "V":
                auxiliary.append(ColumnQuantities.column(name: column.name, unit: "V", values: column.values))
            default:
                auxiliary.append(ColumnQuantities.column(name: column.name, unit: "", values: column.values))
            }
        }
        var metadata = metadata
        if metadata.startTime == nil, let first = rows.timestamp.first, first.isFinite {
            metadata.startTime = Date(timeIntervalSince1970: first)
        }
        let recording = Recording(
            metadata: metadata, time: time, voltage: rows.voltage, current: current,
            stepIndex: rows.stepIndex, cycleIndex: NewareStatus.generateCycles(rows.status), stepKind: kinds,
            chargeCapacity: scaled(rows.chargeCapacity), dischargeCapacity: scaled(rows.dischargeCapacity),
            chargeEnergy: scaled(rows.chargeEnergy), dischargeEnergy: scaled(rows.dischargeEnergy),
            temperature: temperature, auxiliary: auxiliary)
        try recording.validate()
        return recording
    }
}

/// The binary `.ndc` files inside an `.ndax` archive, as NewareNDA decodes them. Byte 0 is the file type
/// (1 data, 5 auxiliary, 7 step table, 18 runInfo), byte 2 the ndc version. Versions 2 and 5 hold complete
/// records like nda v29 (v2: 94-byte records found by repeating the 8 bytes at offset 517; v5: 4096-byte
/// pages, 87-byte slots from byte 125 to 56 bytes before the page end, tag at slot byte 7). Versions 11, 14,
/// 16 and 17 use 4096-byte pages after a 4096-byte header, fixed-size slots from byte 132 of each page.
enum NewareNDC {
    /// data.ndc v11/14/16/17: voltage (V) and current (mA) per record; Index = slot position + 1.
    struct VoltageCurrent { var index: [UInt32] = [], voltage: [Double] = [], current: [Double] = [] }
    /// data_runInfo.ndc: per stored record, time/dt (s), counters (mAh, mWh), time stamp (s, UTC),
    /// NewareNDA step counter, Index.
    struct RunInfo {
        var time: [Double] = [], dt: [Double] = []
        var chargeCapacity: [Double] = [], dischargeCapacity: [Double] = [], chargeEnergy: [Double] = [], dischargeEnergy: [Double] = []
        var timestamp: [Double] = [], step: [Int32] = [], index: [UInt32] = []
    }
    /// data_step.ndc: one entry per executed step (step counter = position + 1).
    struct StepTable { var cycle: [Int32] = [], stepIndex: [Int32] = [], status: [UInt8] = [] }
    /// One auxiliary quantity: `T` °C, `V` volts, `t`, or `?` (typed later from TestInfo.xml).
    struct AuxSeries { var letter: String, values: [Double] }
    /// An aux file: Index per value, the channel number stored in the records (if any), the quantities.
    struct Aux { var index: [UInt32] = [], channel: Int? = nil, columns: [AuxSeries] = [] }

    enum Content { case records(NewareRows), voltageCurrent(VoltageCurrent), runInfo(RunInfo), steps(StepTable), aux(Aux) }
    struct File { var fileType: UInt8, version: UInt8, content: Content }

    static func parse(_ data: Data, name: String, path: String) throws -> File {
        try data.withUnsafeBytes { raw -> File in
            let b = NewareBytes(raw: raw)
            guard b.count >= 3 else {
                throw InterphaseError(.malformed, "\(name) is only \(b.count) bytes long", file: path, expected: "an ndc header")
            }
            let type = b.u8(0), version = b.u8(2)
            func unsupported() -> InterphaseError {
                InterphaseError(.unsupportedFormat, "\(name): ndc version \(version) file type \(type) is not supported", file: path,
                                expected: "the ndc versions/types NewareNDA decodes (v2, v5, v11, v14, v16, v17)")
            }
            let content: Content
            switch (type, version) {
            case (1, 2), (1, 5): content = .records(try completeRecords(b, version: version, name: name, path: path))
            case (1, 11), (1, 14), (1, 16), (1, 17):
                var vi = VoltageCurrent()
                var slot: UInt32 = 0
                let scaled = version == 11 || version == 16  // 0.1 mV and mA; v14/17 store V and A
                try pages(b, name, path, head: 132, tail: 4, size: 8) { p in
                    slot += 1
                    let v = b.f32(p), i = b.f32(p + 4)
                    let voltage = scaled ? 1e-4 * v : v
                    guard voltage != 0 else { return }
                    vi.index.append(slot); vi.voltage.append(voltage); vi.current.append(scaled ? i : 1000 * i)
                }
                content = .voltageCurrent(vi)
            case (18, 11), (18, 14), (18, 16), (18, 17): content = .runInfo(try runInfo(b, version: version, name: name, path: path))
            case (7, 11), (7, 14), (7, 16), (7, 17):
                var table = StepTable()
                let wide = version >= 16
                try pages(b, name, path, head: 132, tail: wide ? 64 : 5, size: wide ? 100 : 37) { p in
                    guard wide ? b.i32(p + 33) != 0 : b.i32(p + 4) != 0 else { return }
                    table.cycle.append(b.i32(p) &+ 1); table.stepIndex.append(b.i32(p + 4)); table.status.append(b.u8(p + 24))
                }
                content = .steps(table)
            case (5, 2), (5, 5): content = .aux(try recordAux(b, version: version, name: name, path: path))
            case (5, 11), (5, 14), (5, 16), (5, 17): content = .aux(try pagedAux(b, version: version, name: name, path: path))
            default: throw unsupported()
            }
            return File(fileType: type, version: version, content: content)
        }
    }

    /// Calls `body` with the offset of every slot: pages of 4096 bytes from byte 4096, slots of `size`
    /// bytes from `head` to `tail` bytes before the page end. A partial last page means truncation.
    private static func pages(_ b: NewareBytes, _ name: String, _ path: String, head: Int, tail: Int, size: Int,
                              _ body: (Int) throws -> Void) throws {
        var page = 4096
        while page < b.count {
            guard page + 4096 <= b.count else {
                throw InterphaseError(.malformed, "\(name) ends inside the page at byte offset \(page) (\(b.count - page) of 4096 bytes)",
                                      file: path, line: page, lineLabel: "byte offset", expected: "a complete file (truncated?)")
            }
            var p = page + head
            let end = page + 4096 - tail
            while p + size <= end { try body(p); p += size }
            page += 4096
        }
    }

    /// Offsets of v2/v5 records carrying `tags` (first byte of a v2 record, byte 7 of a v5 slot).
    private static func recordOffsets(_ b: NewareBytes, version: UInt8, name: String, path: String,
                                      _ body: (Int, UInt8) throws -> Void) throws {
        if version == 5 {
            try pages(b, name, path, head: 125, tail: 56, size: 87) { p in try body(p, b.u8(p + 7)) }
            return
        }
        guard b.count >= 525 else { return }
        let identifier = (517..<525).map { b.u8($0) }
        var at = b.find(identifier, from: 0)
        while let p = at, p + 86 <= b.count {
            try body(p, b.u8(p))
            at = b.find(identifier, from: p + 94)
        }
    }

    /// ndc v2/v5 data record: Index u32 @8, cycle u32 @12, step index u8 @16, status u8 @17, time ms u64 @23,
    /// voltage 0.1 mV i32 @31, current i32 @35, counters i64 @43…67, date @75, current range i32 @82.
    private static func completeRecords(_ b: NewareBytes, version: UInt8, name: String, path: String) throws -> NewareRows {
        var rows = NewareRows()
        try recordOffsets(b, version: version, name: name, path: path) { p, tag in
            guard tag == 0x55 else { return }
            let range = b.i32(p + 82)
            guard let m = newareRangeMultiplier(range) else {
                throw InterphaseError(.malformed, "\(name): unknown current range \(range)", file: path, line: p, lineLabel: "byte offset")
            }
            rows.index.append(b.u32(p + 8))
            rows.stepIndex.append(Int32(b.u8(p + 16)))
            rows.status.append(b.u8(p + 17))
            rows.time.append(Double(b.u64(p + 23)) / Units.kilo)
            rows.voltage.append(Double(b.i32(p + 31)) / 10000)
            rows.current.append(Double(b.i32(p + 35)) * m)
            rows.chargeCapacity.append(Double(b.i64(p + 43)) * m / Units.secondsPerHour)
            rows.dischargeCapacity.append(Double(b.i64(p + 51)) * m / Units.secondsPerHour)
            rows.chargeEnergy.append(Double(b.i64(p + 59)) * m / Units.secondsPerHour)
            rows.dischargeEnergy.append(Double(b.i64(p + 67)) * m / Units.secondsPerHour)
            rows.timestamp.append(newareNaiveEpoch(
                year: Int(b.u16(p + 75)), month: Int(b.u8(p + 77)), day: Int(b.u8(p + 78)),
                hour: Int(b.u8(p + 79)), minute: Int(b.u8(p + 80)), second: Int(b.u8(p + 81))))
        }
        return rows
    }

    /// runInfo slot: time ms i32 @0, charge/discharge capacity and energy f32 @5/9/13/17 (v11/v16: mA·s and
    /// mW·s; v14/v17: Ah and Wh), interval ms i32 @29, time stamp s i32 @33, step i32 @37, Index i32 @41,
    /// milliseconds i16 @45. Slot sizes 47 (v11), 55 (v14), 100 (v16/v17). Index 0 marks an empty slot.
    private static func runInfo(_ b: NewareBytes, version: UInt8, name: String, path: String) throws -> RunInfo {
        var run = RunInfo()
        var rawStep: [Int32] = []
        let (size, tail): (Int, Int) = version == 11 ? (47, 16) : (version == 14 ? (55, 4) : (100, 64))
        let scale = version == 11 || version == 16 ? 1.0 / Units.secondsPerHour : 1000.0
        try pages(b, name, path, head: 132, tail: tail, size: size) { p in
            let index = b.i32(p + 41)
            guard index != 0 else { return }
            run.time.append(Double(b.i32(p)) / Units.kilo)
            run.chargeCapacity.append(b.f32(p + 5) * scale)
            run.dischargeCapacity.append(b.f32(p + 9) * scale)
            run.chargeEnergy.append(b.f32(p + 13) * scale)
            run.dischargeEnergy.append(b.f32(p + 17) * scale)
            run.dt.append(Double(b.i32(p + 29)) / Units.kilo)
            run.timestamp.append(Double(b.i32(p + 33)) + Double(b.i16(p + 45)) / Units.kilo)
            rawStep.append(b.i32(p + 37))
            run.index.append(UInt32(bitPattern: index))
        }
        run.step = newareCountChanges(rawStep)
        return run
    }

    /// Aux records of ndc v2/v5: tag 0x65 (channel u8 @3, Index u32 @8, voltage 0.1 mV i32 @31, T 0.1 °C
    /// i16 @41) or 0x74 (the same plus a second temperature-like value `t` i16 @43).
    private static func recordAux(_ b: NewareBytes, version: UInt8, name: String, path: String) throws -> Aux {
        var aux65 = Aux(), aux74 = Aux()
        var v65: [Double] = [], t65: [Double] = [], v74: [Double] = [], t74: [Double] = [], s74: [Double] = []
        var firstTag: UInt8?
        try recordOffsets(b, version: version, name: name, path: path) { p, tag in
            guard tag == 0x65 || tag == 0x74 else { return }
            if firstTag == nil { firstTag = tag }
            let index = b.u32(p + 8), channel = Int(b.u8(p + 3))
            let v = Double(b.i32(p + 31)) / 10000, t = Double(b.i16(p + 41)) / 10
            if tag == 0x65 || version == 2 {
                // v2 files keep both kinds in one list whose columns follow the first record's tag.
                aux65.index.append(index); aux65.channel = aux65.channel ?? channel
                v65.append(v); t65.append(t)
                if version == 2 { s74.append(tag == 0x74 ? Double(b.i16(p + 43)) / 10 : .nan) }
            } else {
                aux74.index.append(index); aux74.channel = aux74.channel ?? channel
                v74.append(v); t74.append(t); s74.append(Double(b.i16(p + 43)) / 10)
            }
        }
        if version == 2 {
            aux65.columns = [AuxSeries(letter: "V", values: v65), AuxSeries(letter: "T", values: t65)]
            if firstTag == 0x74 { aux65.columns.append(AuxSeries(letter: "t", values: s74)) }
            return aux65
        }
        if !aux65.index.isEmpty && !aux74.index.isEmpty {
            aux65.index += aux74.index
            aux65.columns = [AuxSeries(letter: "V", values: v65 + v74), AuxSeries(letter: "T", values: t65 + t74)]
            return aux65
        }
        if !aux74.index.isEmpty {
            aux74.columns = [AuxSeries(letter: "V", values: v74), AuxSeries(letter: "T", values: t74), AuxSeries(letter: "t", values: s74)]
            return aux74
        }
        aux65.columns = [AuxSeries(letter: "V", values: v65), AuxSeries(letter: "T", values: t65)]
        return aux65
    }

    /// Paged aux files. v14/v17: one float32 per slot, its quantity given by TestInfo.xml (`?` here).
    /// v16: 7-byte slots, voltage 0.1 mV f32 @1 and T 0.1 °C i16 @5. v11: 7-byte 0x65 slots like v16 but
    /// numbered by count, or 88-byte 0x74 slots with Index i32 @1, channel i8 @5, T 0.1 °C i16 @35.
    private static func pagedAux(_ b: NewareBytes, version: UInt8, name: String, path: String) throws -> Aux {
        var aux = Aux()
        var first: [Double] = [], second: [Double] = []
        var slot: UInt32 = 0
        switch version {
        case 14, 17:
            try pages(b, name, path, head: 132, tail: 4, size: 4) { p in
                slot += 1; aux.index.append(slot); first.append(b.f32(p))
            }
            aux.columns = [AuxSeries(letter: "?", values: first)]
        case 16:
            try pages(b, name, path, head: 132, tail: 2, size: 7) { p in
                slot += 1; aux.index.append(slot); first.append(1e-4 * b.f32(p + 1)); second.append(Double(b.i16(p + 5)) / 10)
            }
            aux.columns = [AuxSeries(letter: "V", values: first), AuxSeries(letter: "T", values: second)]
        default:
            guard b.count > 4096 + 132 else { return aux }
            if b.u8(4096 + 132) == 0x65 {
                try pages(b, name, path, head: 132, tail: 2, size: 7) { p in
                    guard b.u8(p) == 0x65 else { return }
                    slot += 1; aux.index.append(slot); first.append(b.f32(p + 1) / 10000); second.append(Double(b.i16(p + 5)) / 10)
                }
                aux.columns = [AuxSeries(letter: "V", values: first), AuxSeries(letter: "T", values: second)]
            } else if b.u8(4096 + 132) == 0x74 {
                try pages(b, name, path, head: 132, tail: 4, size: 88) { p in
                    guard b.u8(p) == 0x74 else { return }
                    aux.index.append(UInt32(bitPattern: b.i32(p + 1))); aux.channel = aux.channel ?? Int(b.i8(p + 5))
                    first.append(Double(b.i16(p + 35)) / 10)
                }
                aux.columns = [AuxSeries(letter: "T", values: first)]
            }
        }
        return aux
    }
}

/// Position of the first occurrence of each record Index, for the Index joins (runInfo → data, aux → data).
/// Neware Index values are record numbers, dense from 1, so a flat table is used when they are small
/// enough (much faster than hashing); otherwise a dictionary.
struct NewareIndexLookup {
    private var dense: [Int32] = []
    private var sparse: [UInt32: Int] = [:]
    private let useDense: Bool

    init(_ keys: [UInt32]) {
        let largest = Int(keys.max() ?? 0)
        useDense = largest <= 8 * keys.count + 1_000_000 && keys.count < Int(Int32.max)
        if useDense {
            dense = [Int32](repeating: -1, count: largest + 1)
            for (i, key) in keys.enumerated() where dense[Int(key)] < 0 { dense[Int(key)] = Int32(i) }
        } else {
            sparse.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() where sparse[key] == nil { sparse[key] = i }
        }
    }

    @inline(__always) func position(_ key: UInt32) -> Int? {
        if useDense {
            let k = Int(key)
            guard k < dense.count else { return nil }
            let p = dense[k]
            return p < 0 ? nil : Int(p)
        }
        return sparse[key]
    }
}
