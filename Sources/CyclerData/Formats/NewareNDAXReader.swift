import Foundation
import InterphaseCore
import InstrumentIO
import InterphaseData
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads Neware BTS 8.x zip archives (`.ndax`).
///
/// Format source: NewareNDA (PyPI `NewareNDA` 2026.6.11); we follow its decoding so that our rows equal its
/// rows. The archive holds XML metadata (`VersionInfo.xml`: server/client versions; `TestInfo.xml`: channel,
/// barcode, start time, the auxiliary channels in order; `Step.xml`: the schedule) and binary `.ndc` files
/// whose byte 0 is the file type and byte 2 the ndc version (layouts in `NewareNDC`, NewareRecordDecoding.swift):
///
/// - `data.ndc` (type 1): either complete records (ndc v2/v5) or only voltage and current per record
///   (v11/v14/v16/v17, record number = slot position).
/// - `data_runInfo.ndc` (type 18) and `data_step.ndc` (type 7), needed with the second kind: times,
///   capacities, energies and time stamps (Unix epoch, UTC) for a subset of records, and the step table
///   (cycle, step index, status). Records without runInfo are filled as NewareNDA does: time advances by the
///   last stored interval, capacity and energy by the integral of current (and current × voltage) over it.
/// - `data_AUX_<a>_<b>_<c>.ndc` / `*_<n>.ndc` (type 5): auxiliary channels, ordered by those numbers and
///   matched in that order to the `Aux…` entries of `TestInfo.xml` (aux id, channel type 103 = temperature).
///
/// `Recording.time` is the test time built from the per-step `Time` of the ndc records (the step durations
/// summed, see `NewareRecording.make`); NewareNDA's `Time` is kept as the auxiliary column `Time`.
/// Time-zone assumption: runInfo stamps are UTC; ndc v2/v5 records store a zone-less calendar time, which we
/// read as UTC. Where NewareNDA would duplicate rows (repeated Index in runInfo v16 or in an aux file with
/// several channels) we keep the first match.
public enum NewareNDAXReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        // The names NewareNDA looks for, at the archive root.
        probe.zipEntries.contains("data.ndc") || probe.zipEntries.contains("VersionInfo.xml")
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let path = url.path
        let archive = try ZipArchive(url, expected: "a Neware .ndax (zip archive)")
        let names = archive.entryNames
        func extract(_ name: String) throws -> Data? { try archive.data(name) }

        var metadata = RecordingMetadata(format: .newareNDAX, sourceFile: path)
        // Metadata parts that exist but do not parse are said, not silently dropped.
        var unreadable: [String] = []
        func metadataPart(_ name: String) throws -> [NewareXML.Element] {
            guard let data = try extract(name) else { return [] }
            let elements = NewareXML.parse(data)
            if elements.isEmpty && !data.isEmpty { unreadable.append(name) }
            return elements
        }
        let version = try metadataPart("VersionInfo.xml")
        let testInfo = try metadataPart("TestInfo.xml")
        for name in unreadable {
            metadata.warnings.append("\(name) in the archive is not readable XML (damaged?): its metadata (channel, instrument, auxiliary channels) is missing")
        }
        describe(version: version, testInfo: testInfo, into: &metadata)

        guard let dataBytes = try extract("data.ndc") else {
            throw InterphaseError(.malformed, "the archive has no data.ndc", file: path,
                                  expected: "a Neware .ndax holding data.ndc (entries: \(names.joined(separator: ", ")))")
        }
        let dataFile = try NewareNDC.parse(dataBytes, name: "data.ndc", path: path)
        metadata.header.append(HeaderField("data.ndc version", String(dataFile.version)))
        var rows: NewareRows
        switch dataFile.content {
        case .records(let complete):
            rows = complete
            rows.step = newareCountChanges(rows.stepIndex)
        case .voltageCurrent(let vi):
            guard let runBytes = try extract("data_runInfo.ndc"), let stepBytes = try extract("data_step.ndc") else {
                throw InterphaseError(.malformed, "data.ndc v\(dataFile.version) holds only voltage and current, and the archive lacks data_runInfo.ndc or data_step.ndc",
                                      file: path, expected: "data_runInfo.ndc and data_step.ndc next to data.ndc")
            }
            guard case .runInfo(let run) = try NewareNDC.parse(runBytes, name: "data_runInfo.ndc", path: path).content,
                  case .steps(let steps) = try NewareNDC.parse(stepBytes, name: "data_step.ndc", path: path).content else {
                throw InterphaseError(.malformed, "data_runInfo.ndc or data_step.ndc is not of the expected file type (18 and 7)", file: path)
            }
            rows = try merge(vi, run, steps, path: path)
        default:
            throw InterphaseError(.malformed, "data.ndc is not a data file (file type \(dataFile.fileType))", file: path, expected: "ndc file type 1")
        }

        let aux = try auxColumns(names: names, testInfo: testInfo, rows: rows, path: path, extract: extract)
        let recording = try NewareRecording.make(rows, aux: aux, metadata: metadata)
        options.progress?(1)
        return recording
    }

    // MARK: - Joining data, runInfo and step files

    /// Left-joins runInfo to the voltage/current records by Index (first runInfo record per Index), carries the
    /// step forward to records without runInfo, looks up cycle/step index/status in the step table by step
    /// counter, then fills the missing times, capacities and energies (NewareNDA's `_data_interpolation`).
    static func merge(_ vi: NewareNDC.VoltageCurrent, _ run: NewareNDC.RunInfo, _ steps: NewareNDC.StepTable,
                      path: String) throws -> NewareRows {
        let n = vi.index.count
        let position = NewareIndexLookup(run.index)

        var rows = NewareRows()
        rows.reserve(n)
        rows.index = vi.index
        rows.voltage = vi.voltage
        rows.current = vi.current
        var dt = [Double](repeating: .nan, count: n)
        var valid = [Bool](repeating: false, count: n)
        var step: Int32 = 0
        for i in 0..<n {
            if let r = position.position(vi.index[i]) {
                valid[i] = true
                step = run.step[r]
                dt[i] = run.dt[r]
                rows.time.append(run.time[r])
                rows.chargeCapacity.append(run.chargeCapacity[r])
                rows.dischargeCapacity.append(run.dischargeCapacity[r])
                rows.chargeEnergy.append(run.chargeEnergy[r])
                rows.dischargeEnergy.append(run.dischargeEnergy[r])
                rows.timestamp.append(run.timestamp[r])
            } else {
                guard step > 0 else {
                    throw InterphaseError(.malformed, "record \(vi.index[i]) precedes every data_runInfo.ndc entry", file: path,
                                          line: i + 1, lineLabel: "record", expected: "runInfo for the first record")
                }
                rows.time.append(.nan)
                rows.chargeCapacity.append(.nan)
                rows.dischargeCapacity.append(.nan)
                rows.chargeEnergy.append(.nan)
                rows.dischargeEnergy.append(.nan)
                rows.timestamp.append(.nan)
            }
            let s = Int(step) - 1
            guard s >= 0, s < steps.stepIndex.count else {
                throw InterphaseError(.malformed, "step \(step) is not in data_step.ndc (\(steps.stepIndex.count) steps)", file: path,
                                      line: i + 1, lineLabel: "record", expected: "a step table entry for every step")
            }
            rows.step.append(step)
            rows.stepIndex.append(steps.stepIndex[s])
            rows.status.append(steps.status[s])
        }
        if valid.contains(false) { interpolate(&rows, dt: dt, valid: valid) }
        return rows
    }

    /// For each run of records without runInfo after a record with it: time and time stamp advance by that
    /// record's interval `dt` per record; capacity advances by dt·I/3600 and energy by dt·I·V/3600 summed
    /// over the run, the positive part added to the charge counter and the negative part to the discharge
    /// counter. Counters are taken as absolute values, as NewareNDA does.
    private static func interpolate(_ rows: inout NewareRows, dt: [Double], valid: [Bool]) {
        var lastDt = Double.nan
        var time = 0.0, stamp = 0.0, chg = 0.0, dchg = 0.0, chgE = 0.0, dchgE = 0.0
        var accTime = 0.0, accCapacity = 0.0, accEnergy = 0.0
        for i in rows.time.indices {
            if valid[i] {
                lastDt = dt[i]
                time = rows.time[i]; stamp = rows.timestamp[i]
                chg = Swift.abs(rows.chargeCapacity[i]); dchg = Swift.abs(rows.dischargeCapacity[i])
                chgE = Swift.abs(rows.chargeEnergy[i]); dchgE = Swift.abs(rows.dischargeEnergy[i])
                rows.chargeCapacity[i] = chg; rows.dischargeCapacity[i] = dchg
                rows.chargeEnergy[i] = chgE; rows.dischargeEnergy[i] = dchgE
                accTime = 0; accCapacity = 0; accEnergy = 0
                continue
            }
            let capacity = lastDt * rows.current[i] / Units.secondsPerHour
            accTime += lastDt
            accCapacity += capacity
            accEnergy += capacity * rows.voltage[i]
            rows.time[i] = time + accTime
            rows.timestamp[i] = stamp + accTime
            rows.chargeCapacity[i] = chg + Swift.max(accCapacity, 0)
            rows.dischargeCapacity[i] = dchg + Swift.abs(Swift.min(accCapacity, 0))
            rows.chargeEnergy[i] = chgE + Swift.max(accEnergy, 0)
            rows.dischargeEnergy[i] = dchgE + Swift.abs(Swift.min(accEnergy, 0))
        }
    }

    // MARK: - Auxiliary channels

    /// Finds the aux `.ndc` files, orders them by the numbers in their names, names their columns with the
    /// aux id from `TestInfo.xml` (or the file's own channel number, or -1, -2, …) and joins them by Index.
    private static func auxColumns(names: [String], testInfo: [NewareXML.Element], rows: NewareRows, path: String,
                                   extract: (String) throws -> Data?) throws -> [NewareAuxColumn] {
        var files: [(name: String, key: [Int])] = []
        for name in names {
            if let key = numbers(in: name, after: "data_AUX_", count: 3) {
                files.append((name, key))
            } else if let n = trailingNumber(name) {
                files.append((name, [n, 0, 0]))
            }
        }
        guard !files.isEmpty else { return [] }
        files = files.enumerated().sorted { a, b in
            a.element.key != b.element.key ? a.element.key.lexicographicallyPrecedes(b.element.key) : a.offset < b.offset
        }.map(\.element)
        let declared = testInfo.filter { $0.parent == "TestInfo" && $0.name.contains("Aux") }
        let typeLetters = ["103": "T", "335": "t", "345": "H"]

        let position = NewareIndexLookup(rows.index)

        var out: [NewareAuxColumn] = []
        for (i, file) in files.enumerated() {
            guard let bytes = try extract(file.name) else { continue }
            guard case .aux(let aux) = try NewareNDC.parse(bytes, name: file.name, path: path).content else {
                throw InterphaseError(.malformed, "\(file.name) is not an auxiliary file (ndc file type 5)", file: path)
            }
            let attributes = declared.count == files.count ? declared[i].attributes : [:]
            let id = attributes["AuxID"] ?? aux.channel.map(String.init) ?? String(-i - 1)
            var filled = [Bool](repeating: false, count: rows.count)
            var columns = aux.columns.map { column -> NewareAuxColumn in
                var letter = column.letter
                if letter == "?", let type = attributes["ChlType"], let mapped = typeLetters[type] { letter = mapped }
                return NewareAuxColumn(name: letter + id, values: [Double](repeating: .nan, count: rows.count))
            }
            for (r, index) in aux.index.enumerated() {
                guard let row = position.position(index), !filled[row] else { continue }
                filled[row] = true
                for c in columns.indices { columns[c].values[row] = aux.columns[c].values[r] }
            }
            out += columns
        }
        return out
    }

    /// `count` integers separated by `_` after `prefix` and before `.ndc` (e.g. `data_AUX_9_3_1.ndc`).
    private static func numbers(in name: String, after prefix: String, count: Int) -> [Int]? {
        guard let range = name.range(of: prefix, options: .backwards), name.hasSuffix(".ndc") else { return nil }
        let middle = name[range.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        let parts = middle.split(separator: "_", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == count, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }

    /// The integer in `…_<n>.ndc`, or nil.
    private static func trailingNumber(_ name: String) -> Int? {
        guard name.hasSuffix(".ndc"), let underscore = name.lastIndex(of: "_") else { return nil }
        let digits = name[name.index(after: underscore)..<name.index(name.endIndex, offsetBy: -4)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    // MARK: - Metadata

    private static func describe(version: [NewareXML.Element], testInfo: [NewareXML.Element], into m: inout RecordingMetadata) {
        if let v = version.first(where: { $0.name == "ZwjVersion" })?.attributes {
            let server = v["SvrVer"] ?? v["CurrSvrVer"]
            if let server { m.instrument = "Neware " + server }
            for key in ["SvrVer", "CurrClientVer", "ZwjVersion", "MainXwjVer"] {
                if let value = v[key] { m.header.append(HeaderField(key, value)) }
            }
        }
        if m.instrument == nil { m.instrument = "Neware BTS (ndax)" }
        guard let t = testInfo.first(where: { $0.name == "TestInfo" })?.attributes else { return }
        if let dev = t["DevID"], let unit = t["UnitID"], let channel = t["ChlID"] { m.channel = "\(dev)-\(unit)-\(channel)" }
        for key in ["Barcode", "StepName", "StartTime", "EndTime", "Remark", "SN", "DevType", "TestID", "CurrRange", "VoltRange"] {
            if let value = t[key], !value.isEmpty { m.header.append(HeaderField(key, value)) }
        }
    }
}

/// Minimal XML reader for the `.ndax` metadata files: every element with its attributes and parent name.
enum NewareXML {
    struct Element {
        var name: String
        var parent: String
        var attributes: [String: String]
    }

    /// Parses `data`; the files declare GB2312, which the platform parser may not know, so on failure the
    /// declaration is replaced by ISO-8859-1 (the attributes we use are ASCII). Unparsable or unfinished
    /// XML gives [] (the reader says so in a warning).
    static func parse(_ data: Data) -> [Element] {
        if let elements = run(data) { return elements }
        let text = Latin1.string(data)
            .replacingOccurrences(of: "encoding=\"GB2312\"", with: "encoding=\"ISO-8859-1\"", options: .caseInsensitive)
        let latin1 = Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        return run(latin1) ?? []
    }

    private static func run(_ data: Data) -> [Element]? {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        // A part cut short parses without an XML error on some platforms: an element left open means damage.
        return parser.parse() && collector.stack.isEmpty ? collector.elements : nil
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [String] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: elementName, parent: stack.last ?? "", attributes: attributes))
            stack.append(elementName)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }
    }
}
