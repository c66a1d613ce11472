import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Reads Neware BTS binary `.nda` files.
///
/// Format source: NewareNDA (PyPI `NewareNDA` 2026.6.11), whose decoding we follow so that our rows equal
/// its rows. An `.nda` starts with the ASCII magic `NEWARE`; byte 14 is the file version:
///
/// - **v29** (BTS 7.x/8.x): 86-byte records after a header whose length varies. The data section starts
///   4 bytes after the first `00 00 00 00 55 00` whose record has a non-zero status and is followed by
///   another `0x55` record. Data records start `55 00`, auxiliary records `65`; both end in 4 zero bytes.
///   Integer fields are scaled by the record's current range (`newareRangeMultiplier`); times are
///   milliseconds within the step; the wall clock is a calendar date without a zone.
/// - **v130 / BTS 9.1** (first record byte at 1024 is `0x55`): fixed-length records (length = distance
///   to the next record's 2-byte tag; 56 bytes with an aux temperature in the bundled file) holding
///   float32 values, the test time in s + ns, one signed capacity/energy, Unix-epoch time stamps (UTC).
///   The record section ends with a `0x81` block; a file without it is truncated.
/// - **v130 / BTS 9.0**: 88-byte records tagged by the first record's 6 bytes, float32 values, time in µs,
///   Unix-epoch µs time stamps; auxiliary records `00 00 00 00 65`.
///
/// As NewareNDA does, records are de-duplicated by `Index` (first kept) and ordered by it; auxiliary values
/// are joined by `Index`. `Recording.time` is the test time (see `NewareRecording.make`: v29 stores the time
/// within the step, BTS 9.1 the test time); NewareNDA's `Time` is kept as the auxiliary column `Time`. Time-zone assumption: v29 wall-clock stamps are read as UTC (the file does not
/// say which zone the instrument PC used); BTS 9.x stamps are true UTC.
public enum NewareNDAReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        probe.starts(with: "NEWARE")
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let data = try InstrumentFile.contents(of: url)
        let recording = try decode(data, path: url.path)
        options.progress?(1)
        return recording
    }

    /// Decodes the bytes of an `.nda` file; `path` is used in messages and metadata.
    static func decode(_ data: Data, path: String) throws -> Recording {
        try data.withUnsafeBytes { raw -> Recording in
            let b = NewareBytes(raw: raw)
            guard b.matches(Array("NEWARE".utf8), at: 0) else {
                throw InterphaseError(.malformed, "not a Neware .nda file", file: path, expected: "the magic 'NEWARE' at byte 0")
            }
            guard b.count > 15 else {
                throw InterphaseError(.malformed, "file ends inside the header at byte offset \(b.count)", file: path,
                                      line: b.count, lineLabel: "byte offset", expected: "a complete file (truncated?)")
            }
            let version = b.u8(14)
            var collected = Collected()
            var metadata = RecordingMetadata(format: .newareNDA, sourceFile: path)
            metadata.header.append(HeaderField("nda version", String(version)))
            switch version {
            case 29:
                try readV29(b, path: path, into: &collected)
                readV29Metadata(b, into: &metadata)
            case 130:
                try readV130(b, path: path, into: &collected)
                readV130Metadata(b, into: &metadata)
            default:
                throw InterphaseError(.unsupportedFormat, "nda version \(version) is not supported", file: path,
                                      expected: "nda version 29 or 130 (the versions NewareNDA decodes)")
            }
            return try collected.finish(metadata: metadata, path: path)
        }
    }

    /// Records as found in the file, before de-duplication and ordering.
    private struct Collected {
        var rows = NewareRows()
        /// The field whose changes define NewareNDA's `Step` counter.
        var stepKey: [UInt32] = []
        /// Auxiliary records: (Index, aux channel, T °C, V volts or NaN).
        var aux: [(index: UInt32, channel: Int, t: Double, v: Double)] = []

        func finish(metadata: RecordingMetadata, path: String) throws -> Recording {
            guard rows.count > 0 else {
                throw InterphaseError(.malformed, "the file holds no data records", file: path,
                                      expected: "Neware data records (truncated file?)")
            }
            // Drop repeated Index values (first kept), then order by Index when needed. Usual case: already
            // strictly increasing, nothing to do.
            var increasing = true
            for i in rows.index.indices.dropFirst() where rows.index[i] <= rows.index[i - 1] {
                increasing = false
                break
            }
            if increasing {
                var out = rows
                out.step = newareCountChanges(stepKey)
                return try NewareRecording.make(out, aux: auxColumns(for: out.index), metadata: metadata)
            }
            var seen = Set<UInt32>()
            seen.reserveCapacity(rows.count)
            var order: [Int] = []
            order.reserveCapacity(rows.count)
            var sorted = true
            for i in 0..<rows.count where seen.insert(rows.index[i]).inserted {
                if let last = order.last, rows.index[last] > rows.index[i] { sorted = false }
                order.append(i)
            }
            if !sorted { order.sort { rows.index[$0] < rows.index[$1] } }
            var out = order.count == rows.count && sorted ? rows : rows.selecting(order)
            out.step = newareCountChanges(order.map { stepKey[$0] })
            return try NewareRecording.make(out, aux: auxColumns(for: out.index), metadata: metadata)
        }

        /// NewareNDA pivots aux records into `T<channel>` then `V<channel>` columns and joins them by Index.
        private func auxColumns(for index: [UInt32]) -> [NewareAuxColumn] {
            guard !aux.isEmpty else { return [] }
            let channels = Array(Set(aux.map(\.channel))).sorted()
            let position = NewareIndexLookup(index)
            var t = [[Double]](repeating: [Double](repeating: .nan, count: index.count), count: channels.count)
            var v = t
            var filled = [Bool](repeating: false, count: index.count * channels.count)
            for record in aux {
                guard let row = position.position(record.index), let c = channels.firstIndex(of: record.channel) else { continue }
                let key = row * channels.count + c
                if !filled[key] {
                    filled[key] = true
                    t[c][row] = record.t
                    v[c][row] = record.v
                }
            }
            return channels.indices.map { NewareAuxColumn(name: "T\(channels[$0])", values: t[$0]) }
                + channels.indices.map { NewareAuxColumn(name: "V\(channels[$0])", values: v[$0]) }
        }
    }

    // MARK: - v29

    private static let v29Length = 86

    private static func readV29(_ b: NewareBytes, path: String, into c: inout Collected) throws {
        let tag: [UInt8] = [0, 0, 0, 0, 0x55, 0]
        guard var header = b.find(tag, from: 0) else {
            throw InterphaseError(.malformed, "no data records found (searched all \(b.count) bytes)", file: path,
                                  line: b.count, lineLabel: "byte offset", expected: "Neware v29 data records (truncated file?)")
        }
        // The tag can occur inside the header: accept it only when its record has a status and the next
        // record is also a data record (NewareNDA's rule).
        while header + 4 + v29Length < b.count && (b.u8(header + 4 + v29Length) != 0x55 || b.u8(header + 4 + 12) == 0) {
            guard let next = b.find(tag, from: header + 4) else {
                throw InterphaseError(.malformed, "no valid data records found", file: path, expected: "Neware v29 data records")
            }
            header = next
        }
        let start = header + 4
        // A partial record at the end that starts like a record means the file was cut short; other
        // trailing bytes are ignored, as NewareNDA ignores them.
        let remainder = (b.count - start) % v29Length
        if remainder != 0, b.u8(b.count - remainder) == 0x55 || b.u8(b.count - remainder) == 0x65 {
            let record = (b.count - start) / v29Length + 1
            throw InterphaseError(.malformed, "file ends inside record \(record) (\(remainder) of its \(v29Length) bytes present)",
                                  file: path, line: b.count - remainder, lineLabel: "byte offset", expected: "a complete file (truncated?)")
        }
        c.rows.reserve((b.count - start) / v29Length)
        var p = start
        while p + v29Length <= b.count {
            defer { p += v29Length }
            guard b.isZero(p + 82, 4) else { continue }
            if b.u8(p) == 0x55 && b.u8(p + 1) == 0 {
                try appendV29Record(b, at: p, path: path, into: &c)
            } else if b.u8(p) == 0x65 {
                c.aux.append((b.u32(p + 2), Int(b.u8(p + 1)), Double(b.i16(p + 34)) / 10, Double(b.i32(p + 22)) / 10000))
            }
        }
    }

    /// One v29 data record: Index u32 @2, cycle u32 @6, step index u16 @10, status u8 @12, time ms u64 @14,
    /// voltage 0.1 mV i32 @22, current i32 @26, capacities/energies i64 @38…62, date @70, range i32 @78.
    @inline(__always)
    private static func appendV29Record(_ b: NewareBytes, at p: Int, path: String, into c: inout Collected) throws {
        let index = b.u32(p + 2)
        let status = b.u8(p + 12)
        guard index != 0, status != 0 else { return }
        let range = b.i32(p + 78)
        guard let m = newareRangeMultiplier(range) else {
            throw InterphaseError(.malformed, "unknown current range \(range)", file: path, line: p, lineLabel: "byte offset",
                                  expected: "a current range NewareNDA knows")
        }
        c.rows.index.append(index)
        c.stepKey.append(b.u32(p + 10))
        c.rows.stepIndex.append(Int32(b.u16(p + 10)))
        c.rows.status.append(status)
        c.rows.time.append(Double(b.u64(p + 14)) / Units.kilo)
        c.rows.voltage.append(Double(b.i32(p + 22)) / 10000)
        c.rows.current.append(Double(b.i32(p + 26)) * m)
        c.rows.chargeCapacity.append(Double(b.i64(p + 38)) * m / Units.secondsPerHour)
        c.rows.dischargeCapacity.append(Double(b.i64(p + 46)) * m / Units.secondsPerHour)
        c.rows.chargeEnergy.append(Double(b.i64(p + 54)) * m / Units.secondsPerHour)
        c.rows.dischargeEnergy.append(Double(b.i64(p + 62)) * m / Units.secondsPerHour)
        c.rows.timestamp.append(newareNaiveEpoch(
            year: Int(b.u16(p + 70)), month: Int(b.u8(p + 72)), day: Int(b.u8(p + 73)),
            hour: Int(b.u8(p + 74)), minute: Int(b.u8(p + 75)), second: Int(b.u8(p + 76))))
    }

    // MARK: - v130

    private static func readV130(_ b: NewareBytes, path: String, into c: inout Collected) throws {
        let start = 1024
        guard b.count >= start + 6 else {
            throw InterphaseError(.malformed, "file ends at byte offset \(b.count), before the first record at 1024", file: path,
                                  line: b.count, lineLabel: "byte offset", expected: "a complete file (truncated?)")
        }
        let isBTS91 = b.u8(start) == 0x55
        var length = 88
        if isBTS91 {
            guard let next = b.find([b.u8(start), b.u8(start + 1)], from: start + 2), next - start >= 52 else {
                throw InterphaseError(.malformed, "cannot find the second BTS 9.1 record", file: path, line: start,
                                      lineLabel: "byte offset", expected: "repeated record tags (truncated?)")
            }
            length = next - start
        }
        let identifier = (0..<6).map { b.u8(start + $0) }
        let auxTag: [UInt8] = [0, 0, 0, 0, 0x65]
        c.rows.reserve((b.count - start) / length)
        var p = start
        var sawEnd = false
        while p + length <= b.count {
            defer { p += length }
            if b.u8(p) == 0x55 {
                appendBTS91Record(b, at: p, length: length, into: &c)
            } else if b.matches(identifier, at: p) {
                appendBTS90Record(b, at: p + 4, into: &c)
            } else if b.matches(auxTag, at: p) {
                let q = p + 4
                c.aux.append((b.u32(q + 2), Int(b.u8(q + 1)), Double(b.i16(q + 34)) / 10, Double(b.i32(q + 22)) / 10000))
            } else if b.u8(p) == 0x81 {
                sawEnd = true
                break
            }
        }
        if isBTS91 && !sawEnd {
            let record = (p - start) / length + 1
            throw InterphaseError(.malformed, "file ends inside the record section (record \(record)) without the end block",
                                  file: path, line: p, lineLabel: "byte offset", expected: "a complete file (truncated?)")
        }
    }

    /// BTS 9.1 record: step index u8 @2, status u8 @3, Index u32 @8, time s u32 @12 + ns u32 @16,
    /// current mA f32 @20, voltage V f32 @24, signed capacity mA·s f32 @28, signed energy mW·s f32 @32,
    /// cycle u32 @36, time stamp s u32 @44 + ns u32 @48, aux T1 °C f32 @52 in 56-byte records.
    @inline(__always)
    private static func appendBTS91Record(_ b: NewareBytes, at p: Int, length: Int, into c: inout Collected) {
        let index = b.u32(p + 8)
        let stepIndex = b.u8(p + 2)
        c.rows.index.append(index)
        c.stepKey.append(UInt32(stepIndex))
        c.rows.stepIndex.append(Int32(stepIndex))
        c.rows.status.append(b.u8(p + 3))
        c.rows.time.append(Double(b.u32(p + 12)) + Units.nano * Double(b.u32(p + 16)))
        c.rows.current.append(b.f32(p + 20))
        c.rows.voltage.append(b.f32(p + 24))
        let capacity = b.f32(p + 28), energy = b.f32(p + 32)
        c.rows.chargeCapacity.append(capacity < 0 ? 0 : capacity / Units.secondsPerHour)
        c.rows.dischargeCapacity.append(capacity > 0 ? 0 : Swift.abs(capacity) / Units.secondsPerHour)
        c.rows.chargeEnergy.append(energy < 0 ? 0 : energy / Units.secondsPerHour)
        c.rows.dischargeEnergy.append(energy > 0 ? 0 : Swift.abs(energy) / Units.secondsPerHour)
        c.rows.timestamp.append(Double(b.u32(p + 44)) + Units.nano * Double(b.u32(p + 48)))
        if length == 56 { c.aux.append((index, 1, b.f32(p + 52), .nan)) }
    }

    /// BTS 9.0 record (offsets after the 4-byte prefix): step index u8 @5, status u8 @6, Index u32 @12,
    /// time µs u64 @24, voltage V f32 @32, current mA f32 @36, charge capacity @48, charge energy @52,
    /// discharge capacity @56, discharge energy @60 (f32, mA·s / mW·s), time stamp µs u64 @64.
    @inline(__always)
    private static func appendBTS90Record(_ b: NewareBytes, at p: Int, into c: inout Collected) {
        let stepIndex = b.u8(p + 5)
        c.rows.index.append(b.u32(p + 12))
        c.stepKey.append(UInt32(stepIndex))
        c.rows.stepIndex.append(Int32(stepIndex))
        c.rows.status.append(b.u8(p + 6))
        c.rows.time.append(Double(b.u64(p + 24)) / Units.mega)
        c.rows.voltage.append(b.f32(p + 32))
        c.rows.current.append(b.f32(p + 36))
        c.rows.chargeCapacity.append(b.f32(p + 48) / Units.secondsPerHour)
        c.rows.chargeEnergy.append(b.f32(p + 52) / Units.secondsPerHour)
        c.rows.dischargeCapacity.append(b.f32(p + 56) / Units.secondsPerHour)
        c.rows.dischargeEnergy.append(b.f32(p + 60) / Units.secondsPerHour)
        c.rows.timestamp.append(Double(b.u64(p + 64)) / Units.mega)
    }

    // MARK: - Metadata

    /// Server/client version strings: 50-byte fields at the `BTSServer` text and 100 bytes after it.
    private static func readVersions(_ b: NewareBytes, into m: inout RecordingMetadata) -> Bool {
        guard let at = b.find(Array("BTSServer".utf8), from: 0) else { return false }
        let server = b.text(at, 50), client = b.text(at + 100, 50)
        m.instrument = "Neware " + server
        m.header.append(HeaderField("server version", server))
        if !client.isEmpty { m.header.append(HeaderField("client version", client)) }
        return true
    }

    /// v29: active mass in µg as u32 at byte 152 (NewareNDA reads it as mg × 1000), remarks at 2317.
    private static func readV29Metadata(_ b: NewareBytes, into m: inout RecordingMetadata) {
        if !readVersions(b, into: &m) { m.instrument = "Neware BTS (nda v29)" }
        if b.count >= 156 {
            let microgram = Double(b.u32(152))
            if microgram > 0 { m.activeMass = microgram * Units.nano }
        }
        let remarks = b.text(2317, 100)
        if !remarks.isEmpty { m.header.append(HeaderField("remarks", remarks)) }
    }

    /// v130: BTS version text (`9.1.…` / `9.0.…`); active mass (mg, f64) and remarks in a footer that
    /// follows a fixed 16-byte signature, when present.
    private static func readV130Metadata(_ b: NewareBytes, into m: inout RecordingMetadata) {
        let sub = b.u8(1024)
        var version = sub == 0x55 ? "9.1" : (sub == 18 ? "9.0" : "")
        if !version.isEmpty, let at = b.find(Array((version + ".").utf8), from: 0) {
            version = b.text(at, 64)
        }
        if !readVersions(b, into: &m) {
            if let at = b.find(Array("BTS_XWJ".utf8), from: 0, to: 1024) {
                m.header.append(HeaderField("server version", b.text(at, 1024 - at)))
            }
        }
        m.instrument = version.isEmpty ? (m.instrument ?? "Neware BTS (nda v130)") : "Neware BTS " + version
        if !version.isEmpty { m.header.append(HeaderField("BTS version", version)) }
        let signature: [UInt8] = [0x06, 0x00, 0xF0, 0x1D, 0x81, 0x00, 0x03, 0x00, 0x61, 0x90, 0x71, 0x90, 0x02, 0x7F, 0xFF, 0x00]
        if let footer = b.findLast(signature, from: 1024), footer + 16 + 499 <= b.count {
            let milligram = b.f64(footer + 16 + 491)
            if milligram.isFinite && milligram > 0 { m.activeMass = milligram * Units.kilogramsPerMilligram }
            let remarks = b.text(footer + 16 + 363, 128)
            if !remarks.isEmpty { m.header.append(HeaderField("remarks", remarks)) }
        }
    }
}
