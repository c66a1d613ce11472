import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import ZIPFoundation
import _InterphaseTestSupport
@testable import CyclerData

/// Tests of `XLSXRecordingReader` (Arbin and LAND Excel exports) and `ArbinRESReader` (Arbin MS Access).
///
/// Oracles: openpyxl 3.1.5 for the .xlsx and access-parser 0.0.6 for the .res, through
/// `Reference/text_readers.json` (written by `References/text_readers_reference.py`). The files hold
/// numbers that both sides must reproduce bit for bit (xlsx: 17-digit decimal text; Jet: IEEE float32 and
/// float64), and the JSON holds Python's round-trip repr of them. The comparison is nevertheless at
/// rel 1e-15 (≈ 4 ulp), not ==, because the JSON is parsed by swift-corelibs-foundation's
/// JSONSerialization, which does not round decimal text correctly (seen: 0.7745733261108398 read as
/// 0.7745733261108396, 2 ulp). The defects these tests exist for are far larger (libmdb's 8-digit text for
/// float32 was off by ~1e-9 relative). Arbin's units are already SI
/// (s, V, A, Ah, Wh), its current sign is ours, and Step_Index/Cycle_Index are 1-based like ours.
@Suite struct SpreadsheetReaderTests {
    static let reference = TextReaderTests.reference

    /// Arbin's counters run on across steps (they reset only at a cycle or test start), while ours restart
    /// at each step. So a step's own amount is the counter at the step's last row minus the counter at the
    /// last row of the previous step; where the counter dropped at the step start the instrument reset it,
    /// and the step's amount is the counter's final value. `segments` in the reference gives, per run of
    /// equal Step_Index, the counter at the run's last row, first row, and the row before its first row.
    static func checkPerStepFinals(_ rec: Recording, _ ref: JSONValue, _ names: [String: KeyPath<Recording, [Double]?>]) {
        var checked = 0
        for segment in ref["segments"]?.arrayValue ?? [] {
            let first = Int(segment["first"]?.doubleValue ?? -1)
            let last = Int(segment["last"]?.doubleValue ?? -1)
            #expect(rec.stepIndex[first] == Int32(segment["step"]?.doubleValue ?? -1))
            #expect(first == 0 || rec.stepIndex[first - 1] != rec.stepIndex[first], "segment boundary at row \(first)")
            for (name, path) in names {
                guard let end = segment[name]?.doubleValue, let values = rec[keyPath: path] else { continue }
                let before = segment[name + "@before"]?.doubleValue ?? 0
                let start = segment[name + "@first"]?.doubleValue ?? 0
                let expected = start >= before ? end - before : end
                #expect(isClose(values[last], expected, rel: 1e-12, abs: 1e-18),
                        "\(name) step \(segment["step"]?.doubleValue ?? -1): ours \(values[last]) vs \(expected)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    // MARK: - Arbin xlsx

    /// Oracle: openpyxl. Rows (all data sheets `Channel_*` concatenated) exact; numbers exact.
    @Test func arbinXLSXMatchesOpenpyxl() throws {
        let file = "arbin/bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx"
        let ref = try TextReaderTests.ref("xlsx", file)
        let rec = try RecordingLoader.load(Fixtures.cycler(file))
        #expect(rec.metadata.format == .arbinXLSX)
        #expect(rec.metadata.channel == "11")
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        TextReaderTests.each(ref, "Test_Time(s)") { i, v in #expect(isClose(rec.time[i], v, rel: 1e-15), "time row \(i)") }
        TextReaderTests.each(ref, "Voltage(V)") { i, v in #expect(isClose(rec.voltage[i], v, rel: 1e-15), "voltage row \(i)") }
        TextReaderTests.each(ref, "Current(A)") { i, v in #expect(isClose(rec.current[i], v, rel: 1e-15), "current row \(i)") }
        TextReaderTests.each(ref, "Step_Index") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        TextReaderTests.each(ref, "Cycle_Index") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        Self.checkPerStepFinals(rec, ref, ["Charge_Capacity(Ah)": \.chargeCapacity, "Discharge_Capacity(Ah)": \.dischargeCapacity,
                                           "Charge_Energy(Wh)": \.chargeEnergy, "Discharge_Energy(Wh)": \.dischargeEnergy])
        // Global_Info is a row of names over a row of values (openpyxl's rows 4 and 5): paired by column.
        let info = try #require(ref["global_info_rows"]?.arrayValue)
        let names = try #require(info[3].arrayValue), values = try #require(info[4].arrayValue)
        let header = Dictionary(rec.metadata.header.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(names[0].stringValue == "Channel" && header["Channel"] == values[0].doubleValue.map { String(Int($0)) })
        #expect(names[2].stringValue == "Schedule File Name" && header["Schedule File Name"] == values[2].stringValue)
        #expect(names[5].stringValue == "Software Version" && header["Software Version"] == values[5].stringValue)
        #expect(names[1].stringValue == "Start DateTime" && header["Start DateTime"] == values[1].stringValue.map { $0 + "Z" })
        #expect(rec.metadata.startTime == ISO8601DateFormatter().date(from: (values[1].stringValue ?? "") + "Z"))
        // Date_Time is a date-formatted cell: kept as seconds since 1970 (UTC, as Excel has no zone).
        let dates = try #require(rec.auxiliary.first { $0.name == "Date_Time" })
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for (i, text) in TextReaderTests.strings(ref, "Date_Time") {
            let iso = text.count == 19 ? text + ".000" : text
            let expected = try #require(formatter.date(from: iso), "\(text)").timeIntervalSince1970
            // Excel serial days have ~1e-11 day resolution at 2020 (≈ 1 µs): compare to 1 ms.
            #expect(abs(dates.values[i] - expected) < 1e-3, "date row \(i)")
        }
    }

    // MARK: - Arbin .res

    /// Oracle: access-parser (pure-Python Jet reader, independent of libmdb). Rows exact (ordered by
    /// Data_Point); Test_Time and the counters are float64 and Current/Voltage float32 in the database
    /// (`jet_column_types` in the reference): both must come through bit-exact, widened to Double.
    @Test func arbinRESMatchesAccessParser() throws {
        let file = "arbin/arbin_example.res"
        let ref = try TextReaderTests.ref("res", file)
        let rec = try RecordingLoader.load(Fixtures.cycler(file))
        #expect(rec.metadata.format == .arbinRES)
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        #expect(ref["jet_column_types"]?["Voltage"]?.doubleValue == 6) // float32
        TextReaderTests.each(ref, "Test_Time") { i, v in #expect(isClose(rec.time[i], v, rel: 1e-15), "time row \(i): \(rec.time[i]) vs \(v)") }
        TextReaderTests.each(ref, "Voltage") { i, v in #expect(isClose(rec.voltage[i], v, rel: 1e-15), "voltage row \(i): \(rec.voltage[i]) vs \(v)") }
        TextReaderTests.each(ref, "Current") { i, v in #expect(isClose(rec.current[i], v, rel: 1e-15), "current row \(i): \(rec.current[i]) vs \(v)") }
        TextReaderTests.each(ref, "Step_Index") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        TextReaderTests.each(ref, "Cycle_Index") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        let cycles = (ref["cycles"]?.arrayValue ?? []).compactMap { $0.doubleValue.map { Int32($0) } }
        #expect(Array(Set(rec.cycleIndex)).sorted() == cycles)
        Self.checkPerStepFinals(rec, ref, ["Charge_Capacity": \.chargeCapacity, "Discharge_Capacity": \.dischargeCapacity,
                                           "Charge_Energy": \.chargeEnergy, "Discharge_Energy": \.dischargeEnergy])
        let dvdt = try #require(rec.auxiliary.first { $0.name == "dV/dt" })
        TextReaderTests.each(ref, "dV/dt") { i, v in #expect(isClose(dvdt.values[i], v, rel: 1e-15), "dV/dt row \(i)") }
        let header = Dictionary(rec.metadata.header.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(header["Test_Name"] == ref["global"]?["Test_Name"]?.stringValue)
        #expect(header["Schedule_File_Name"] == ref["global"]?["Schedule_File_Name"]?.stringValue)
    }

    /// Excel cells formatted as elapsed time hold days: `[h]:mm:ss` (built-in 46) and a custom
    /// `[h]:mm:ss.0` must read as seconds (days × 86400), not as dates in 1900; a real date format
    /// (`yyyy-mm-dd hh:mm:ss`) stays a date (seconds since 1970). Oracle: the serial values written here.
    @Test func excelDurationAndDateCells() throws {
        let styles = #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm:ss.0"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd hh:mm:ss"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="46"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"#
        let seconds: [Double] = [0, 10, 3600, 129_600.5] // the last is 36 h: beyond one day
        var rows: [[Any?]] = [["TestTime", "StepTime", "Voltage(V)", "Current(mA)", "Date"]]
        for (k, t) in seconds.enumerated() {
            rows.append([(t / 86400, 1), (t / 86400, 2), 3.0 + Double(k) * 0.1, 1.0, (44123.5 + t / 86400, 3)])
        }
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("durations.xlsx")
        try Self.writeXLSX(url, sheetName: "Data", rows: rows, styles: styles)
        let rec = try RecordingLoader.load(url)
        #expect(rec.metadata.format == .spreadsheet)
        for (k, t) in seconds.enumerated() {
            #expect(isClose(rec.time[k], t, rel: 1e-12, abs: 1e-9), "time row \(k): \(rec.time[k])")
        }
        let step = try #require(rec.auxiliary.first { $0.name == "StepTime" })
        #expect(isClose(step.values[3], 129_600.5, rel: 1e-12))
        let date = try #require(rec.auxiliary.first { $0.name == "Date" })
        // 44123.5 = 2020-10-19 12:00:00 (Excel serial days since 1899-12-30).
        #expect(isClose(date.values[0], 1_603_108_800, rel: 1e-12))
    }

    // MARK: - LAND xlsx (fixture built in the test)

    /// Writes a minimal .xlsx: `[Content_Types].xml`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`
    /// and `xl/worksheets/sheet1.xml` with inline strings (no sharedStrings.xml, no styles.xml).
    /// A cell given as `(value, style)` gets `s="style"`; `styles` is then written as `xl/styles.xml`.
    static func writeXLSX(_ url: URL, sheetName: String, rows: [[Any?]], styles: String? = nil) throws {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func column(_ k: Int) -> String {
            var k = k + 1
            var name = ""
            while k > 0 { name = String(UnicodeScalar(UInt8(65 + (k - 1) % 26))) + name; k = (k - 1) / 26 }
            return name
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let ref = "\(column(c))\(r + 1)"
                switch value {
                case let s as String: sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escape(s))</t></is></c>"
                case let (d, style) as (Double, Int): sheet += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(d)</v></c>"
                case let d as Double: sheet += "<c r=\"\(ref)\"><v>\(d)</v></c>"
                case let i as Int: sheet += "<c r=\"\(ref)\"><v>\(i)</v></c>"
                default: break
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let files: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ] + (styles.map { [("xl/styles.xml", $0)] } ?? [])
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// A LAND record sheet with the columns LAND BT exports use (`Record`, `TestTime`, `StepTime`,
    /// `Voltage/V`, `Current/mA`, `Capacity/mAh`, `Energy/mWh`, `Cycle-Index`, `Step-Index`, `Step-State`
    /// with R / C_CC / D_CC; names as in the LAND-reading code cited in Data/cycler/SOURCES.md and in
    /// `XLSXRecordingReader`'s documentation). No LAND .xlsx sample is available, so this is a fixture
    /// built from that documented layout, not an instrument file. Times are LAND's "D-HH:MM:SS" text.
    /// Known answer: rest 30 s, charge at 0.5 mA, discharge at 0.5 mA; Capacity/Energy count per step.
    static func landRows(signedDischarge: Bool) -> [[Any?]] {
        var rows: [[Any?]] = [["Record", "TestTime", "StepTime", "Voltage/V", "Current/mA", "Capacity/mAh", "Energy/mWh",
                               "Cycle-Index", "Step-Index", "Step-State"]]
        let plan: [(String, Double, [Double])] = [("R", 0, [3.0, 3.01, 3.02]), ("C_CC", 0.5, [3.5, 3.6, 3.7]), ("D_CC", 0.5, [3.4, 3.3, 3.2])]
        var record = 1
        for (s, (state, current, volts)) in plan.enumerated() {
            for (k, v) in volts.enumerated() {
                let t = (record - 1) * 10
                let i = state == "D_CC" && signedDischarge ? -current : current
                let capacity = current == 0 ? 0.0 : Double(k + 1) * 0.001
                rows.append([record, String(format: "0-00:%02d:%02d", t / 60, t % 60), String(format: "0-00:00:%02d", k * 10),
                             v, i, capacity, capacity * v, 1, s + 1, state])
                record += 1
            }
        }
        return rows
    }

    @Test(arguments: [false, true])
    func landXLSXFixture(signedDischarge: Bool) throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("land_fixture.xlsx")
        try Self.writeXLSX(url, sheetName: "Record", rows: Self.landRows(signedDischarge: signedDischarge))
        let rec = try RecordingLoader.load(url)
        #expect(rec.metadata.format == .landXLSX)
        #expect(rec.metadata.instrument == "LAND")
        #expect(rec.count == 9)
        #expect(rec.time == [0, 10, 20, 30, 40, 50, 60, 70, 80])
        #expect(rec.voltage == [3.0, 3.01, 3.02, 3.5, 3.6, 3.7, 3.4, 3.3, 3.2])
        // mA → A; discharge negative whether the file signs it or only says D_CC.
        #expect(rec.current == [0, 0, 0, 0.5e-3, 0.5e-3, 0.5e-3, -0.5e-3, -0.5e-3, -0.5e-3])
        #expect(rec.stepIndex == [1, 1, 1, 2, 2, 2, 3, 3, 3])
        #expect(rec.cycleIndex.allSatisfy { $0 == 1 })
        #expect(rec.stepKind == [.rest, .rest, .rest, .constantCurrent, .constantCurrent, .constantCurrent,
                                 .constantCurrent, .constantCurrent, .constantCurrent])
        // Capacity/mAh × 1e-3 → Ah, split by the step's current sign; per-step already (LAND resets it).
        let q = [0.0, 0, 0, 1e-6, 2e-6, 3e-6]
        let charge = try #require(rec.chargeCapacity)
        let discharge = try #require(rec.dischargeCapacity)
        for i in 0..<9 {
            #expect(isClose(charge[i], i < 6 ? q[i] : 0, rel: 1e-15), "Q+ row \(i)")
            #expect(isClose(discharge[i], i < 6 ? 0 : q[i - 3], rel: 1e-15), "Q- row \(i)")
        }
        let energy = try #require(rec.dischargeEnergy)
        #expect(isClose(energy[8], 0.003 * 3.2 * 1e-3, rel: 1e-15))
        #expect(rec.auxiliary.contains { $0.name == "Record" })
    }
}
