import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Reads BioLogic EC-Lab / BT-Lab binary `.mpr` files.
///
/// BioLogic documents no binary layout; this reader follows the layout as galvani 0.5.0 decodes it
/// (`galvani/BioLogic.py`, class `MPRfile`), which the tests use as the independent oracle:
///
/// * a 52-byte magic: `BIO-LOGIC MODULAR FILE` + 0x1A, space-padded to 48 bytes, then four zero bytes;
/// * a sequence of modules, each `MODULE` + a header: short name (10 bytes), long name (25), then either
///   length u32, version u32, date (8 bytes `MM/DD/YY`) — or, from EC-Lab 11.50 on, where the four bytes
///   after the long name are 0xFFFFFFFF, max-length u32, length u32, version u32, an unknown u32, date;
/// * `VMP Set` (settings), `VMP data` (the records), optionally `VMP LOG` (acquisition log) and `VMP loop`.
///
/// The `VMP data` module holds the point count (u32), the column count (u8), the column-ID list and then
/// row-major little-endian records whose field widths come from `BioLogicMPRColumns`. Where the ID list
/// and records start depends on the module version (see `dataLayout`).
///
/// Mapping to `Recording` (SI units; BioLogic's positive current oxidises the working electrode, which is
/// already our sign convention):
/// * `time/s` → time; `Ewe/V` (else `<Ewe>/V`) → voltage;
/// * `I/mA` (else `<I>/mA`) × 1e-3 → current. GCPL files often store no current column, only `dq/mA.h`
///   (charge passed since the previous point); then current = dq · 3.6 / Δt (1 mA·h = 3.6 A·s), with
///   current 0 where Δt ≤ 0 (the first point). The first point of each step gets a small value because its
///   interval straddles the step start. Files with neither (OCV) get current 0;
/// * step = `Ns` + 1 (EC-Lab counts sequences from 0; ours are 1-based), 1 without `Ns`;
/// * cycle = `cycle number` if present, else `half cycle` / 2 + 1, else 1;
/// * step kind: `.impedance` when `freq/Hz` is present (PEIS/GEIS), else from the `mode` flag bits
///   (1 → constant current, 2 → constant voltage, 3 → rest; anything else → `.other`);
/// * capacities: per-step counters (Ah) accumulating positive dq into charge and negative dq into
///   discharge, reset whenever the step index changes;
/// * `Temperature/°C` → K; every other column (impedance, dq, control, flags…) → `auxiliary`, in the
///   file's own units (unit text taken from the column name).
public enum BioLogicMPRReader: CyclerFileReader {
    /// The 52-byte file magic (galvani's `MPR_MAGIC`).
    static let magic: [UInt8] = {
        var bytes = Array("BIO-LOGIC MODULAR FILE\u{1A}".utf8)
        bytes += [UInt8](repeating: 0x20, count: 48 - bytes.count)
        return bytes + [0, 0, 0, 0]
    }()

    public static func sniff(_ probe: FileProbe) -> Bool {
        probe.starts(with: "BIO-LOGIC MODULAR FILE")
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let bytes = try InstrumentFile.bytes(of: url)
        let recording = try decode(bytes, path: url.path)
        options.progress?(1)
        return recording
    }

    /// Every decoded column of a `.mpr`'s `VMP data` module, in record order, under galvani 0.5.0's names
    /// (`freq/Hz`, `Re(Z)/Ohm`, `-Im(Z)/Ohm`, `cycle number`, a repeated name gets " 2"), in the file's own
    /// units; the flag bits (`mode`, `ox/red`, …) follow as their masked values. For readers of other
    /// quantities than a `Recording` (impedance sweeps) that must not decode the binary layout twice.
    /// - Throws: the same errors as `read` for a damaged or foreign file.
    public static func decodedColumns(of url: URL) throws -> [(name: String, values: [Double])] {
        let bytes = try InstrumentFile.bytes(of: url)
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
            throw InterphaseError(.unsupportedFormat, "not a BioLogic .mpr file: the 52-byte 'BIO-LOGIC MODULAR FILE' magic is missing",
                                  file: url.path, expected: "a file written by EC-Lab or BT-Lab")
        }
        let modules = try readModules(bytes, path: url.path)
        guard let dataModule = modules.first(where: { $0.shortName == "VMP data" }) else {
            throw InterphaseError(.malformed, "the file has no 'VMP data' module", file: url.path)
        }
        let table = try decodeData(bytes, module: dataModule, path: url.path)
        var columns = table.fields.indices.map { (name: table.fields[$0].name, values: table.values[$0]) }
        for entry in table.flagNames {
            columns.append((name: entry.name, values: table.flag(entry.name)?.map(Double.init) ?? []))
        }
        return columns
    }

    /// Decodes a whole `.mpr` image.
    static func decode(_ bytes: [UInt8], path: String) throws -> Recording {
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
            throw InterphaseError(.unsupportedFormat, "not a BioLogic .mpr file: the 52-byte 'BIO-LOGIC MODULAR FILE' magic is missing",
                                  file: path, expected: "a file written by EC-Lab or BT-Lab")
        }
        let modules = try readModules(bytes, path: path)
        guard let dataModule = modules.first(where: { $0.shortName == "VMP data" }) else {
            throw InterphaseError(.malformed, "the file has no 'VMP data' module (modules: \(modules.map(\.shortName).joined(separator: ", ")))",
                                  file: path)
        }
        let table = try decodeData(bytes, module: dataModule, path: path)
        let metadata = makeMetadata(bytes, modules: modules, dataModule: dataModule, table: table, path: path)
        let recording = try makeRecording(table, metadata: metadata, path: path)
        try recording.validate()
        return recording
    }

    // MARK: - Modules

    /// One module's header and where its payload lies in the file.
    struct Module {
        var shortName: String
        var longName: String
        var version: UInt32
        /// `MM/DD/YY` as written.
        var date: String
        /// Byte offset of the payload (just after the header).
        var offset: Int
        /// Payload length in bytes.
        var length: Int
    }

    /// Walks the module chain after the magic. Every declared length is checked against the file size, so
    /// a truncated file fails here with the byte offset where the missing data should be.
    static func readModules(_ bytes: [UInt8], path: String) throws -> [Module] {
        let reader = BinaryReader(bytes, file: path)
        let tag = Array("MODULE".utf8)
        let v1HeaderSize = 51, v2HeaderSize = 59
        var modules: [Module] = []
        var offset = magic.count
        while offset < bytes.count {
            guard bytes.count - offset >= tag.count + v1HeaderSize else {
                throw InterphaseError(.malformed, "file ends inside a module header (\(bytes.count - offset) bytes left)",
                                      file: path, line: offset, lineLabel: "byte offset", expected: "a complete file (truncated?)")
            }
            guard bytes[offset..<offset + tag.count].elementsEqual(tag) else {
                throw InterphaseError(.malformed, "expected the start of a module ('MODULE')", file: path,
                                      line: offset, lineLabel: "byte offset")
            }
            let h = offset + tag.count
            // EC-Lab ≥ 11.50 writes 0xFFFFFFFF where older versions put the length, and a longer header.
            let isV2 = bytes[h + 35..<h + 39].allSatisfy { $0 == 0xFF }
            let headerSize = isV2 ? v2HeaderSize : v1HeaderSize
            try reader.require(headerSize, at: h, what: "a module header")
            let length = Int(try reader.uint32(at: h + (isV2 ? 39 : 35)))
            let version = try reader.uint32(at: h + (isV2 ? 43 : 39))
            let module = Module(
                shortName: try reader.latin1(at: h, count: 10), longName: try reader.latin1(at: h + 10, count: 25),
                version: version, date: try reader.latin1(at: h + headerSize - 8, count: 8),
                offset: h + headerSize, length: length)
            guard length <= bytes.count - module.offset else {
                throw InterphaseError(
                    .malformed,
                    "file ends inside module '\(module.shortName)': it declares \(length) bytes but only \(bytes.count - module.offset) remain",
                    file: path, line: module.offset, lineLabel: "byte offset", expected: "a complete file (truncated?)")
            }
            modules.append(module)
            offset = module.offset + length
        }
        return modules
    }

    // MARK: - VMP data

    /// One decoded record field.
    struct Field {
        var id: UInt16
        var name: String
        var storage: MPRStorage
        /// Byte offset within a record.
        var offset: Int
    }

    /// The decoded `VMP data` module: one `[Double]` per field plus the flags byte.
    struct Table {
        var count: Int
        var columnIDs: [UInt16]
        var fields: [Field]
        var values: [[Double]]
        /// Flag names present, with their bit masks, in ID order.
        var flagNames: [(name: String, mask: UInt8)]
        /// The packed flags byte per record (empty when the file has no flag IDs).
        var flags: [UInt8]

        /// Values of the first column with exactly this name.
        func column(_ name: String) -> [Double]? {
            fields.firstIndex { $0.name == name }.map { values[$0] }
        }

        /// The masked flag value per record, or nil when that flag is absent.
        func flag(_ name: String) -> [UInt8]? {
            guard let entry = flagNames.first(where: { $0.name == name }) else { return nil }
            let shift = UInt8(entry.mask.trailingZeroBitCount)
            return flags.map { ($0 & entry.mask) >> shift }
        }
    }

    /// Where the column-ID list and the records start, by data-module version (galvani's reading):
    /// * version 0, EC-Lab < 11.50: one-byte IDs at byte 5, records at byte 100;
    /// * version 0, EC-Lab ≥ 11.50 (byte 5 is zero): two-byte IDs at byte 6, records at byte 1007
    ///   (galvani keeps only each ID's low byte; the full u16 reads 467/468 where galvani sees 211/212, the
    ///   IDs version-3 files use for the same columns, so both readings give the same names and widths);
    /// * version 2: two-byte IDs at byte 5, records at byte 405; version 3: records at byte 406.
    static func dataLayout(version: UInt32, byte5: UInt8) -> (idOffset: Int, idWidth: Int, recordsOffset: Int)? {
        switch version {
        case 0: return byte5 != 0 ? (5, 1, 100) : (6, 2, 1007)
        case 2: return (5, 2, 405)
        case 3: return (5, 2, 406)
        default: return nil
        }
    }

    static func decodeData(_ bytes: [UInt8], module: Module, path: String) throws -> Table {
        let reader = BinaryReader(bytes, file: path)
        let base = module.offset, end = module.offset + module.length
        guard module.length >= 6 else {
            throw InterphaseError(.malformed, "'VMP data' module is only \(module.length) bytes long", file: path,
                                  line: base, lineLabel: "byte offset")
        }
        let pointCount = Int(try reader.uint32(at: base))
        let columnCount = Int(try reader.uint8(at: base + 4))
        guard let layout = dataLayout(version: module.version, byte5: try reader.uint8(at: base + 5)) else {
            throw InterphaseError(.unsupportedFormat, "'VMP data' module version \(module.version) is not known",
                                  file: path, line: base, lineLabel: "byte offset", expected: "version 0, 2 or 3")
        }
        guard layout.idOffset + columnCount * layout.idWidth <= layout.recordsOffset, base + layout.recordsOffset <= end else {
            throw InterphaseError(.malformed, "'VMP data' header does not fit (\(columnCount) column IDs, module \(module.length) bytes)",
                                  file: path, line: base, lineLabel: "byte offset")
        }
        var ids: [UInt16] = []
        for k in 0..<columnCount {
            let p = base + layout.idOffset + k * layout.idWidth
            ids.append(layout.idWidth == 1 ? UInt16(try reader.uint8(at: p)) : try reader.uint16(at: p))
        }

        // Record layout: fields in ID order; all flag IDs share one byte placed at the first flag ID.
        var fields: [Field] = []
        var flagNames: [(name: String, mask: UInt8)] = []
        var flagOffset: Int?
        var nameCounts: [String: Int] = [:]
        var recordSize = 0
        for (k, id) in ids.enumerated() {
            if let flag = BioLogicMPRColumns.flags[id] {
                if flagOffset == nil { flagOffset = recordSize; recordSize += 1 }
                if !flagNames.contains(where: { $0.name == flag.name }) { flagNames.append(flag) }
            } else if let column = BioLogicMPRColumns.columns[id] {
                let n = (nameCounts[column.name] ?? 0) + 1
                nameCounts[column.name] = n
                fields.append(Field(id: id, name: n > 1 ? "\(column.name) \(n)" : column.name,
                                    storage: column.storage, offset: recordSize))
                recordSize += column.storage.size
            } else {
                let after = k == 0 ? "first column" : "after column ID \(ids[k - 1])"
                throw InterphaseError(.unsupportedFormat,
                                      "unknown .mpr column ID \(id) (\(after)); its width is unknown, so the records cannot be decoded",
                                      file: path, column: "ID \(id)",
                                      expected: "a column ID known to galvani 0.5.0's table")
            }
        }

        let recordsStart = base + layout.recordsOffset
        let (needed, overflow) = pointCount.multipliedReportingOverflow(by: recordSize)
        guard !overflow, needed <= end - recordsStart else {
            throw InterphaseError(.malformed,
                                  "'VMP data' declares \(pointCount) points of \(recordSize) bytes but holds only \(end - recordsStart) bytes of records",
                                  file: path, line: recordsStart, lineLabel: "byte offset", expected: "a complete file (truncated?)")
        }

        // Column-wise decoding straight from the bytes (bounds were checked once above).
        let n = pointCount
        var values: [[Double]] = []
        values.reserveCapacity(fields.count)
        var flags: [UInt8] = []
        bytes.withUnsafeBytes { raw in
            for field in fields {
                let column = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
                    var p = recordsStart + field.offset
                    switch field.storage {
                    case .uint8:
                        for i in 0..<n { buffer[i] = Double(raw[p]); p += recordSize }
                    case .uint16:
                        for i in 0..<n {
                            buffer[i] = Double(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt16.self)))
                            p += recordSize
                        }
                    case .uint32:
                        for i in 0..<n {
                            buffer[i] = Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
                            p += recordSize
                        }
                    case .float32:
                        for i in 0..<n {
                            let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self))
                            buffer[i] = Double(Float(bitPattern: bits))
                            p += recordSize
                        }
                    case .float64:
                        for i in 0..<n {
                            let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
                            buffer[i] = Double(bitPattern: bits)
                            p += recordSize
                        }
                    }
                    initialized = n
                }
                values.append(column)
            }
            if let flagOffset {
                flags = [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
                    var p = recordsStart + flagOffset
                    for i in 0..<n { buffer[i] = raw[p]; p += recordSize }
                    initialized = n
                }
            }
        }
        return Table(count: n, columnIDs: ids, fields: fields, values: values, flagNames: flagNames, flags: flags)
    }

    // MARK: - Mapping to Recording

    static func makeRecording(_ table: Table, metadata: RecordingMetadata, path: String) throws -> Recording {
        let n = table.count
        var used: Set<String> = []
        func take(_ names: String...) -> [Double]? {
            for name in names { if let values = table.column(name) { used.insert(name); return values } }
            return nil
        }

        guard let time = take("time/s") else {
            throw InterphaseError(.missingColumn, "the file has no time/s column", file: path, column: "time/s")
        }
        guard let voltage = take("Ewe/V", "<Ewe>/V") else {
            throw InterphaseError(.missingColumn, "the file has no working-electrode potential column", file: path,
                                  column: "Ewe/V", expected: "Ewe/V or <Ewe>/V")
        }

        let dq = table.column("dq/mA.h") ?? table.column("dQ/mA.h")
        var current: [Double]
        if let milliamps = take("I/mA", "<I>/mA") {
            current = milliamps.map { $0 * Units.milli }
        } else if let dq {
            current = derivedCurrent(dqMilliampHours: dq, time: time)
        } else {
            current = [Double](repeating: 0, count: n)
        }

        var stepIndex = [Int32](repeating: 1, count: n)
        if let ns = take("Ns") {
            for i in 0..<n { stepIndex[i] = Int32(ns[i]) + 1 }  // u16 storage: always in range
        }

        var cycleIndex = [Int32](repeating: 1, count: n)
        if let cycles = table.column("cycle number") {
            for i in 0..<n {
                let c = cycles[i]
                guard c.isFinite, c >= 0, c < Double(Int32.max) else {
                    throw InterphaseError(.malformed, "cycle number \(c) is not a valid count", file: path,
                                          line: i + 1, lineLabel: "record", column: "cycle number")
                }
                cycleIndex[i] = Int32(c)
            }
        } else if let halves = table.column("half cycle") {
            // u32 storage: clamp so that a corrupt 0xFFFFFFFF cannot overflow Int32 after the + 1.
            for i in 0..<n { cycleIndex[i] = Int32(min(halves[i] / 2, Double(Int32.max - 1))) + 1 }
        }

        var stepKind: [StepKind]?
        if table.column("freq/Hz") != nil {
            stepKind = [StepKind](repeating: .impedance, count: n)
        } else if let modes = table.flag("mode") {
            stepKind = modes.map { mode -> StepKind in
                switch mode {
                case 1: return .constantCurrent
                case 2: return .constantVoltage
                case 3: return .rest
                default: return .other
                }
            }
        }

        var chargeCapacity: [Double]?
        var dischargeCapacity: [Double]?
        if let dq {
            let counters = stepCapacities(dqMilliampHours: dq, stepIndex: stepIndex)
            chargeCapacity = counters.charge
            dischargeCapacity = counters.discharge
        }

        var temperature: [Double]?
        if let celsius = take("Temperature/°C") { temperature = celsius.map { $0 + Units.zeroCelsius } }

        var auxiliary: [AuxiliaryColumn] = []
        for entry in table.flagNames {
            let values = table.flags.map { Double(($0 & entry.mask) >> UInt8(entry.mask.trailingZeroBitCount)) }
            auxiliary.append(ColumnQuantities.column(name: entry.name, unit: "", values: values))
        }
        for (k, field) in table.fields.enumerated() where !used.contains(field.name) {
            auxiliary.append(ColumnQuantities.column(name: field.name, unit: unit(of: field.name), values: table.values[k]))
        }

        return Recording(metadata: metadata, time: time, voltage: voltage, current: current,
                         stepIndex: stepIndex, cycleIndex: cycleIndex, stepKind: stepKind,
                         chargeCapacity: chargeCapacity, dischargeCapacity: dischargeCapacity,
                         temperature: temperature, auxiliary: auxiliary)
    }

    /// Current from the charge passed since the previous point: I = dq · 3.6 / Δt. - Units: A
    /// (dq in mA·h; 1 mA·h = 3.6 A·s). Points with Δt ≤ 0 (the first point, repeated stamps) get 0.
    static func derivedCurrent(dqMilliampHours dq: [Double], time: [Double]) -> [Double] {
        var current = [Double](repeating: 0, count: dq.count)
        for i in 1..<max(dq.count, 1) {
            let dt = time[i] - time[i - 1]
            if dt > 0 { current[i] = dq[i] * 3.6 / dt }
        }
        return current
    }

    /// Per-step charge and discharge counters. - Units: Ah. Positive dq adds to charge, negative dq to
    /// discharge (as a positive number); both restart at 0 on the first point of every step.
    static func stepCapacities(dqMilliampHours dq: [Double], stepIndex: [Int32]) -> (charge: [Double], discharge: [Double]) {
        let n = dq.count
        var charge = [Double](repeating: 0, count: n)
        var discharge = [Double](repeating: 0, count: n)
        var qc = 0.0, qd = 0.0
        for i in 0..<n {
            if i > 0 && stepIndex[i] != stepIndex[i - 1] { qc = 0; qd = 0 }
            // The first point of a step carries the charge of its interval, which belongs to the new step.
            let q = dq[i] * Units.milli
            if q > 0 { qc += q } else if q < 0 { qd -= q }
            charge[i] = qc
            discharge[i] = qd
        }
        return (charge, discharge)
    }

    /// The unit part of an EC-Lab column name: `Re(Z)/Ohm` → `Ohm`, `control/V/mA` → `V/mA`, `I Range` → ``.
    static func unit(of name: String) -> String {
        if name.hasSuffix("/V/mA") { return "V/mA" }
        guard let slash = name.lastIndex(of: "/") else { return "" }
        var unit = String(name[name.index(after: slash)...]).trimmingCharacters(in: .whitespaces)
        // Duplicate columns carry a " 2" suffix after the unit.
        if let space = unit.firstIndex(of: " "), Int(unit[unit.index(after: space)...]) != nil {
            unit = String(unit[..<space])
        }
        return unit
    }

    // MARK: - Metadata (VMP Set / VMP LOG)

    static func makeMetadata(_ bytes: [UInt8], modules: [Module], dataModule: Module, table: Table, path: String) -> RecordingMetadata {
        let reader = BinaryReader(bytes, file: path)
        var header: [HeaderField] = [
            HeaderField("data module version", "\(dataModule.version)"),
            HeaderField("column IDs", table.columnIDs.map(String.init).joined(separator: " ")),
        ]
        var activeMass: Double?
        var startTime: Date?
        var software: String?
        var serial: String?

        if let set = modules.first(where: { $0.shortName == "VMP Set" }) {
            header.append(HeaderField("settings date", set.date))
            if let technique = try? reader.uint8(at: set.offset), set.length > 0 {
                header.append(HeaderField("technique ID", "\(technique)"))
            }
            if let comments = pascalString(reader, at: set.offset + 7, limit: set.offset + set.length), !comments.isEmpty {
                header.append(HeaderField("comments", comments))
            }
            // Active material mass, float32 in mg at byte 0x107 of the settings payload. Not decoded by
            // galvani; located in the bundled files, where it equals the "Mass of active material" line of the
            // matching .mpl export (17.233 mg for the 250116 GCPL files, 9.325 mg for PEIS.mpr).
            if set.length >= 0x107 + 4, let mg = try? reader.float32(at: set.offset + 0x107), mg.isFinite, mg > 0 {
                activeMass = Double(mg) * Units.kilogramsPerMilligram
                header.append(HeaderField("mass of active material (mg)", "\(mg)"))
            }
        }
        if let log = modules.first(where: { $0.shortName == "VMP LOG" }) {
            header.append(HeaderField("log date", log.date))
            // Acquisition start as an OLE automation date (days since 1899-12-30), at one of four offsets;
            // like galvani, take the first that holds a plausible value (40000…50000 days = 2009…2036).
            for offset in [465, 469, 473, 585] where offset + 8 <= log.length {
                if let days = try? reader.float64(at: log.offset + offset), days > 40000, days < 50000 {
                    // EC-Lab writes local wall-clock time without a zone; it is kept as if it were UTC.
                    startTime = Date(timeIntervalSince1970: OLEDate.unixSeconds(days: days))
                    break
                }
            }
            // Software version and device serial number as short length-prefixed strings (offsets observed in
            // the bundled files, where they equal the .mpl header: "BT-Lab v1.79", "SN 0709").
            software = pascalString(reader, at: log.offset + 951, limit: log.offset + log.length, maxLength: 6)
            serial = pascalString(reader, at: log.offset + 975, limit: log.offset + log.length, maxLength: 10)
            if let software { header.append(HeaderField("software version", software)) }
            if let serial { header.append(HeaderField("serial number", serial)) }
        }
        var instrument = "BioLogic"
        let details = [software.map { "software v\($0)" }, serial.map { "S/N \($0)" }].compactMap { $0 }
        if !details.isEmpty { instrument += " (" + details.joined(separator: ", ") + ")" }
        return RecordingMetadata(format: .biologicMPR, instrument: instrument, sourceFile: path,
                                 startTime: startTime, activeMass: activeMass, header: header)
    }

    /// A length-prefixed (one byte) printable ASCII string at `p`, or nil when the bytes there are not one.
    static func pascalString(_ reader: BinaryReader, at p: Int, limit: Int, maxLength: Int = 255) -> String? {
        guard let length = try? reader.uint8(at: p), length > 0, Int(length) <= maxLength,
              p + 1 + Int(length) <= limit, let raw = try? reader.slice(at: p + 1, count: Int(length)),
              raw.allSatisfy({ $0 >= 0x20 || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 })
        else { return nil }
        return Latin1.string(raw).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
