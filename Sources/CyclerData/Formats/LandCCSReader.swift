import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Reads LAND (Wuhan LAND / LANHE) BT-software native binary `.ccs` files.
///
/// LAND publishes no layout. This reader follows the layout as decoded by the CCS parser of echemistpy-cli
/// (github.com/liuchzzyy/echemistpy-cli, `src/echemistpy/io/plugins/echem_lanhe_ccs.py`, commit 4a0c2f6),
/// which the tests use as the independent oracle, and which matches LAND BT 4.3's own Excel export:
///
/// * A fixed header: group name (C string, 0x10), group ordinal (u32, 0x50), channel index − 1 (byte 0x08),
///   test start (u64 Unix ms, 0xA8; the log's start at 0xA38), test name (0xB0, 320 bytes), software
///   version (0x2D0), nominal specific capacity (f32 mAh/g, 0x324), active mass (f32 **g**, 0x328), device
///   serial (0x360), process name (0x734) and description (0x774).
/// * Then 128-byte pages, each with an 8-byte header: u32 whose low byte is the page kind (3 = data,
///   2 = step control) and second byte the number of valid records (1…6), and a u32 "state word".
/// * Data pages hold up to six 20-byte records: u32 milliseconds since the previous record of the step,
///   f32 voltage (V), f32 current (A, charge positive), f32 capacity and f32 energy **increments** since the
///   previous record (Ah, Wh; magnitudes). A data page's state word is the byte offset of the control page
///   describing its step; a new state word starts a new step.
/// * Control pages: u32 mode code (+8), u32 0-based cycle (+12), u32 0-based step of the process (+16),
///   u32 test time at the step start in ms (+24).
/// * Measurement pages form the file's tail: the data start is the first data page of the longest run of
///   valid pages that reaches the end of the file (0x0B80 in the bundled file).
///
/// Mapping: time = step start + Σ record deltas (s); step index counts steps 1, 2, 3… in file order (as
/// LAND's export does); cycle = control cycle + 1; capacities and energies are per-step sums of the
/// increments (Ah, Wh), counted as charge when the current is positive and discharge when negative (by the
/// mode when the current is 0). LAND's positive current charges the cell, i.e. oxidises the working
/// (positive) electrode — already our convention.
public enum LandCCSReader: CyclerFileReader {
    static let pageSize = 128
    static let pageHeaderSize = 8
    static let recordSize = 20
    static let recordsPerPage = 6
    static let dataPageKind: UInt8 = 3
    static let controlPageKind: UInt8 = 2

    /// The first eight bytes of every `.ccs` file seen (three files from LAND BT 4.3.3, three channels).
    static let signature: [UInt8] = [0x00, 0x00, 0x00, 0x02, 0x28, 0x95, 0x27, 0x95]

    /// Mode codes of control pages, as named by echemistpy-cli (and LAND's export): 0x01 REST,
    /// 0x24 C_CRATE (constant-current charge), 0x44 D_CRATE (constant-current discharge), 0x00 FINISH.
    /// Other codes (CV, CCCV, pulse…) are not yet documented by any decoder and map to `.other`.
    static func mode(_ code: UInt32) -> (name: String, kind: StepKind, discharge: Bool) {
        switch code {
        case 0x01: return ("REST", .rest, false)
        case 0x24: return ("C_CRATE", .constantCurrent, false)
        case 0x44: return ("D_CRATE", .constantCurrent, true)
        case 0x00: return ("FINISH", .other, false)
        default: return (String(format: "0x%02X", code), .other, false)
        }
    }

    public static func sniff(_ probe: FileProbe) -> Bool {
        probe.starts(with: signature)
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let bytes = try InstrumentFile.bytes(of: url)
        let recording = try decode(bytes, path: url.path)
        options.progress?(1)
        return recording
    }

    /// One step's control page.
    struct Control {
        var modeCode: UInt32
        var cycle: Int32
        var processStep: Int32
        var startMilliseconds: UInt32
    }

    static func decode(_ bytes: [UInt8], path: String) throws -> Recording {
        guard bytes.count >= signature.count, bytes[0..<signature.count].elementsEqual(signature) else {
            throw InterphaseError(.unsupportedFormat, "not a LAND .ccs file: the 8-byte signature is missing",
                                  file: path, expected: "a file written by LAND BT software")
        }
        guard bytes.count % pageSize == 0 else {
            let last = bytes.count / pageSize * pageSize
            throw InterphaseError(.malformed, "file ends inside a 128-byte page (\(bytes.count - last) of 128 bytes present)",
                                  file: path, line: last, lineLabel: "byte offset", expected: "a complete file (truncated?)")
        }
        let reader = BinaryReader(bytes, file: path)
        let dataStart = try findDataStart(bytes, path: path)

        // Upper bound on the record count, for preallocation.
        let capacity = (bytes.count - dataStart) / pageSize * recordsPerPage
        var time = [Double](), voltage = [Double](), current = [Double]()
        var step = [Int32](), cycle = [Int32](), kind = [StepKind](), processStep = [Double](), stepTime = [Double]()
        var qCharge = [Double](), qDischarge = [Double](), eCharge = [Double](), eDischarge = [Double]()
        time.reserveCapacity(capacity); voltage.reserveCapacity(capacity); current.reserveCapacity(capacity)
        step.reserveCapacity(capacity); cycle.reserveCapacity(capacity); kind.reserveCapacity(capacity)
        processStep.reserveCapacity(capacity); stepTime.reserveCapacity(capacity)
        qCharge.reserveCapacity(capacity); qDischarge.reserveCapacity(capacity)
        eCharge.reserveCapacity(capacity); eDischarge.reserveCapacity(capacity)

        var controls: [UInt32: Control] = [:]
        var modeNames: [String] = []
        var stepNumber: Int32 = 0
        var previousState: UInt32?
        var control = Control(modeCode: 0, cycle: 1, processStep: 1, startMilliseconds: 0)
        var stepMilliseconds: UInt64 = 0
        var qc = 0.0, qd = 0.0, ec = 0.0, ed = 0.0
        var modeInfo = mode(0)

        // Direct little-endian loads: every page read lies within [page, page + 128) and the loop only
        // visits whole pages, so the bounds are checked once by the loop condition.
        try bytes.withUnsafeBytes { raw in
            func u32(_ p: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)) }
            func f32(_ p: Int) -> Double { Double(Float(bitPattern: u32(p))) }
            var page = dataStart
            while page + pageSize <= raw.count {
                let kindByte = raw[page], valid = Int(raw[page + 1])
                guard kindByte == dataPageKind, (1...recordsPerPage).contains(valid) else { page += pageSize; continue }
                let state = u32(page + 4)
                if state != previousState {
                    previousState = state
                    stepNumber += 1
                    stepMilliseconds = 0
                    qc = 0; qd = 0; ec = 0; ed = 0
                    if let known = controls[state] {
                        control = known
                    } else {
                        control = try readControl(reader, at: Int(state), referencedFrom: page, path: path)
                        controls[state] = control
                    }
                    modeInfo = mode(control.modeCode)
                    if !modeNames.contains(modeInfo.name) { modeNames.append(modeInfo.name) }
                }
                for r in 0..<valid {
                    let p = page + pageHeaderSize + r * recordSize
                    stepMilliseconds += UInt64(u32(p))
                    let a = f32(p + 8), dq = abs(f32(p + 12)), de = abs(f32(p + 16))
                    if a < 0 || (a == 0 && modeInfo.discharge) { qd += dq; ed += de } else { qc += dq; ec += de }
                    time.append(Double(UInt64(control.startMilliseconds) + stepMilliseconds) / Units.kilo)
                    stepTime.append(Double(stepMilliseconds) / Units.kilo)
                    voltage.append(f32(p + 4))
                    current.append(a)
                    step.append(stepNumber)
                    cycle.append(control.cycle)
                    kind.append(modeInfo.kind)
                    processStep.append(Double(control.processStep))
                    qCharge.append(qc); qDischarge.append(qd); eCharge.append(ec); eDischarge.append(ed)
                }
                page += pageSize
            }
        }

        var metadata = makeMetadata(reader, path: path)
        metadata.header.append(HeaderField("data start (byte offset)", "\(dataStart)"))
        metadata.header.append(HeaderField("work modes", modeNames.joined(separator: ", ")))
        let recording = Recording(
            metadata: metadata, time: time, voltage: voltage, current: current,
            stepIndex: step, cycleIndex: cycle, stepKind: kind,
            chargeCapacity: qCharge, dischargeCapacity: qDischarge, chargeEnergy: eCharge, dischargeEnergy: eDischarge,
            auxiliary: [
                ColumnQuantities.column(name: "step time", unit: "s", values: stepTime),
                ColumnQuantities.column(name: "process step", unit: "", values: processStep),
            ])
        try recording.validate()
        return recording
    }

    /// Reads the control page at `offset`, which a data page's state word points to.
    static func readControl(_ reader: BinaryReader, at offset: Int, referencedFrom page: Int, path: String) throws -> Control {
        guard offset % pageSize == 0, offset >= 0, offset + pageSize <= reader.bytes.count,
              reader.bytes[offset] == controlPageKind else {
            throw InterphaseError(.malformed, "data page refers to a step control page at byte \(offset), which is not one",
                                  file: path, line: page, lineLabel: "byte offset")
        }
        let cycle = try reader.uint32(at: offset + 12), processStep = try reader.uint32(at: offset + 16)
        guard cycle < UInt32(Int32.max), processStep < UInt32(Int32.max) else {
            throw InterphaseError(.malformed, "step control page holds an impossible cycle (\(cycle)) or step (\(processStep))",
                                  file: path, line: offset, lineLabel: "byte offset")
        }
        return Control(modeCode: try reader.uint32(at: offset + 8), cycle: Int32(cycle) + 1,
                       processStep: Int32(processStep) + 1, startMilliseconds: try reader.uint32(at: offset + 24))
    }

    /// True for a page header that measurement pages may carry: control, or data with 1…6 valid records.
    static func isMeasurementPage(_ bytes: [UInt8], _ offset: Int) -> Bool {
        let kind = bytes[offset]
        if kind == controlPageKind { return true }
        return kind == dataPageKind && (1...recordsPerPage).contains(Int(bytes[offset + 1]))
    }

    /// The first data page of the run of measurement pages that ends the file.
    static func findDataStart(_ bytes: [UInt8], path: String) throws -> Int {
        var start = bytes.count
        while start >= pageSize, isMeasurementPage(bytes, start - pageSize) { start -= pageSize }
        // The header occupies at least the fixed fields up to 0xA40; a run reaching into it is not data.
        start = max(start, (0xA40 + pageSize - 1) / pageSize * pageSize)
        var page = start
        while page + pageSize <= bytes.count {
            if bytes[page] == dataPageKind && isMeasurementPage(bytes, page) { return page }
            page += pageSize
        }
        throw InterphaseError(.emptyInput, "the file holds no data pages", file: path,
                              line: start, lineLabel: "byte offset")
    }

    // MARK: - Header

    static func makeMetadata(_ reader: BinaryReader, path: String) -> RecordingMetadata {
        func text(_ offset: Int, _ count: Int) -> String {
            guard let raw = try? reader.slice(at: offset, count: count) else { return "" }
            let bytes = Array(raw.prefix { $0 != 0 })
            // LAND writes GB18030; ASCII and UTF-8 names decode as such, anything else falls back to Latin-1.
            let decoded = String(validating: bytes, as: UTF8.self)
                ?? Latin1.string(bytes)
            return decoded.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let group = text(0x10, 64)
        let ordinal = (try? reader.uint32(at: 0x50)).flatMap { $0 < 100 ? Int($0) : nil } ?? 0
        let channelIndex = (try? reader.uint8(at: 0x08)).map { Int($0) + 1 }
        // Named as LAND's export does: <group>_<two-digit group ordinal>_<channel>, e.g. DefaultGroup_01_5.
        let channel = channelIndex.map { "\(group.isEmpty ? "DefaultGroup" : group)_\(ordinal < 10 ? "0" : "")\(ordinal)_\($0)" }
        let software = text(0x2D0, 32), serial = text(0x360, 32)
        let testName = text(0xB0, 320), processName = text(0x734, 64), processDescription = text(0x774, 128)

        func unixMilliseconds(_ offset: Int) -> Date? {
            // 2000-01-01 … 2100-01-01, as echemistpy-cli checks.
            guard let ms = try? reader.uint64(at: offset), ms >= 946_684_800_000, ms <= 4_102_444_800_000 else { return nil }
            return Date(timeIntervalSince1970: Double(ms) / Units.kilo)
        }
        let start = unixMilliseconds(0xA38) ?? unixMilliseconds(0xA8)

        var activeMass: Double?
        if let grams = try? reader.float32(at: 0x328), grams.isFinite, grams > 0, grams < 100 {
            activeMass = Double(grams) * Units.kilogramsPerGram
        }
        var header: [HeaderField] = []
        if !testName.isEmpty { header.append(HeaderField("test name", testName)) }
        if !processName.isEmpty { header.append(HeaderField("process name", processName)) }
        if !processDescription.isEmpty { header.append(HeaderField("process description", processDescription)) }
        if !software.isEmpty { header.append(HeaderField("software version", software)) }
        if !serial.isEmpty { header.append(HeaderField("serial number", serial)) }
        if let capacity = try? reader.float32(at: 0x324), capacity.isFinite, capacity > 0, capacity < 100_000 {
            header.append(HeaderField("nominal specific capacity (mAh/g)", "\(capacity)"))
        }
        var instrument = "LAND BT"
        if !software.isEmpty { instrument += " \(software)" }
        if !serial.isEmpty { instrument += " (S/N \(serial))" }
        return RecordingMetadata(format: .landCCS, instrument: instrument, sourceFile: path, channel: channel,
                                 startTime: start, activeMass: activeMass, header: header)
    }
}
