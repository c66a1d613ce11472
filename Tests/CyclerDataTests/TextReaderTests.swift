import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Tests of the delimited-text readers (`DelimitedTextReader` for Arbin CSV and generic text,
/// `MaccorTextReader`, `BioLogicMPTReader`) on the bundled instrument files.
///
/// Oracle: pandas 3.1.1 (`pandas.read_csv`, C engine), through the values committed in
/// `Reference/text_readers.json` by `References/text_readers_reference.py`, which records the exact
/// `read_csv` settings per file. The oracle keeps values as the file stores them (file units, signs and
/// numbering); every conversion is stated here. Tolerances: a decimal number in the file and the JSON
/// (Python's shortest round-trip repr of pandas' double) would give the same double if every parser
/// rounded correctly, but neither pandas' C-engine `xstrtod` nor swift-corelibs-foundation's
/// JSONSerialization (which parses the JSON here) always does (each can be 1–2 ulp off), so text values
/// are compared at rel 1e-15 (≈ 4 ulp), i.e. the text round-trip. Values we multiply by a unit factor
/// (mA → A, °C → K) are compared after the same multiplication, also at rel 1e-15.
@Suite struct TextReaderTests {
    static let reference: JSONValue? = try? JSONValue.parse(
        Data(contentsOf: Fixtures.reference("CyclerDataTests", "text_readers.json")))

    static func ref(_ group: String, _ file: String) throws -> JSONValue {
        try #require(reference?[group]?["files"]?[file], "no reference for \(file)")
    }

    static func numbers(_ value: JSONValue?) -> [Double?] { (value?.arrayValue ?? []).map(\.doubleValue) }

    /// Calls `body(row, value)` for every sample row where the oracle has a number in `column`.
    static func each(_ ref: JSONValue, _ column: String, _ body: (Int, Double) -> Void) {
        let rows = numbers(ref["sample_indices"]).compactMap { $0.map { Int($0) } }
        for (k, v) in numbers(ref["values"]?[column]).enumerated() { if let v { body(rows[k], v) } }
    }

    static func strings(_ ref: JSONValue, _ column: String) -> [(Int, String)] {
        let rows = numbers(ref["sample_indices"]).compactMap { $0.map { Int($0) } }
        return (ref["values"]?[column]?.arrayValue ?? []).enumerated().compactMap { k, v in v.stringValue.map { (rows[k], $0) } }
    }

    static func load(_ file: String, _ options: ReadOptions = ReadOptions()) throws -> Recording {
        try RecordingLoader.load(Fixtures.cycler(file), options: options)
    }

    static let textRel = 1e-15

    @Test func referenceNamesItsOracles() {
        #expect(Self.reference?["text"]?["oracle"]?["program"]?.stringValue == "pandas")
        #expect(Self.reference?["text"]?["oracle"]?["version"]?.stringValue == "3.1.1")
        #expect(Self.reference?["xlsx"]?["oracle"]?["program"]?.stringValue == "openpyxl")
        #expect(Self.reference?["res"]?["oracle"]?["program"]?.stringValue == "access-parser")
        // Every file names the read settings it was read with.
        for group in ["text", "xlsx", "res"] {
            guard case let .object(files)? = Self.reference?[group]?["files"] else { Issue.record("no \(group)"); continue }
            for (name, entry) in files { #expect(entry["read"]?.stringValue?.isEmpty == false, "\(name)") }
        }
    }

    // MARK: - Arbin CSV

    /// Oracle: pandas `read_csv(path)`. Arbin's units are SI already (s, V, A, Ah, Wh) and its sign is ours;
    /// temperature °C + 273.15. BEEP's export leaves Step_Index/Cycle_Index empty, so the cycle is 1 and the
    /// steps come from the current: 6.6 A, one point at 0.155 mA (Data_Point 47, below 0.1 % of the largest
    /// current: rest, listed by the oracle as `near_zero_current_rows`), then 1.1 A, i.e. steps 1, 2, 3.
    /// Counters: the file's run on over the whole excerpt; ours restart at each inferred step, so at a
    /// sample row in step k ours = file − file at the last row of step k−1. Step 1 is not re-based: the
    /// excerpt starts with 5.2 mAh already counted and a reader cannot know what came before.
    @Test func arbinCSVMatchesPandas() throws {
        let file = "arbin/2017-05-09_test-TC-contact_CH33.csv"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        #expect(rec.metadata.format == .arbinCSV)
        #expect(rec.metadata.instrument == "Arbin")
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        Self.each(ref, "Test_Time") { i, v in #expect(isClose(rec.time[i], v, rel: Self.textRel), "time row \(i)") }
        Self.each(ref, "Voltage") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "Current") { i, v in #expect(isClose(rec.current[i], v, rel: Self.textRel), "current row \(i)") }
        Self.each(ref, "Temperature") { i, v in
            #expect(isClose(rec.temperature?[i] ?? .nan, v + 273.15, rel: Self.textRel), "temperature row \(i)")
        }
        let rest = try #require(ref["near_zero_current_rows"]?.arrayValue?.compactMap(\.doubleValue).map { Int($0) })
        #expect(rest == [47])
        let expectedSteps = (0..<rec.count).map { Int32($0 < 47 ? 1 : $0 == 47 ? 2 : 3) }
        #expect(rec.stepIndex == expectedSteps)
        #expect(rec.stepKind[47] == .rest && rec.stepKind[0] == .constantCurrent && rec.stepKind[48] == .constantCurrent)
        #expect(rec.cycleIndex.allSatisfy { $0 == 1 })
        let at = try #require(ref["counters_at_rows"])
        for (name, path) in [("Charge_Capacity", \Recording.chargeCapacity), ("Discharge_Capacity", \Recording.dischargeCapacity),
                             ("Charge_Energy", \Recording.chargeEnergy), ("Discharge_Energy", \Recording.dischargeEnergy)] {
            let values = try #require(rec[keyPath: path], "\(name)")
            let endOf1 = try #require(at["46"]?[name]?.doubleValue)
            let endOf2 = try #require(at["47"]?[name]?.doubleValue)
            Self.each(ref, name) { i, v in
                let expected = i < 47 ? v : i == 47 ? v - endOf1 : v - endOf2
                #expect(isClose(values[i], expected, rel: 1e-12, abs: 1e-18), "\(name) row \(i): \(values[i]) vs \(expected)")
            }
        }
        // The empty columns stay empty: no auxiliary column is made of them.
        for case let .string(name) in ref["all_empty_columns"]?.arrayValue ?? [] {
            #expect(!rec.auxiliary.contains { $0.name == name }, "\(name)")
        }
    }

    // MARK: - Maccor

    /// Oracle: pandas `read_csv(sep='\t', skiprows=1)`; TestTime durations ("0d 00:00:10.0000") converted to
    /// seconds by `pandas.to_timedelta` (integer-nanosecond arithmetic, so rel 1e-12 against our
    /// floating-point days·86400 + h·3600 + m·60 + s). Maccor facts: Cyc# counts from 0 (ours +1), Step is
    /// 1-based (same), Amps is unsigned with the sign in State (all rest here), Amp-hr counts per step.
    @Test func maccorDurationExportMatchesPandas() throws {
        let file = "maccor/maccor_test_file_4267-66-6519.041"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        #expect(rec.metadata.format == .maccorText)
        #expect(rec.metadata.channel == "041")
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        Self.each(ref, "TestTime [s by pandas.to_timedelta]") { i, v in #expect(isClose(rec.time[i], v, rel: 1e-12), "time row \(i)") }
        Self.each(ref, "Volts") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "Amps") { i, v in #expect(rec.current[i] == v, "current row \(i)") }
        Self.each(ref, "Step") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        Self.each(ref, "Cyc#") { i, v in #expect(rec.cycleIndex[i] == Int32(v) + 1, "cycle row \(i)") }
        // State letters: R rest, O other/OCV-like → rest, FRA impedance; P (pause) is not in our table.
        for (i, state) in Self.strings(ref, "State") where state == "R" { #expect(rec.stepKind[i] == .rest, "kind row \(i)") }
    }

    /// Oracle: pandas `read_csv(sep='\t', skiprows=1)`. `Test (Sec)` is seconds. Every row is state D with a
    /// negative Amps already (the sign is kept, not doubled). Cyc# 37 is Maccor's 0-based count → 38:
    /// the shift applies to every Maccor `Cyc#`, also in an excerpt that does not contain cycle 0.
    /// One step (44) in the excerpt, so the per-step discharge counter is Amp-hr unchanged (see the Arbin
    /// CSV test on first steps); the charge counter is 0.
    @Test func maccorSecondsExportMatchesPandas() throws {
        let file = "maccor/PredictionDiagnostics_000151_test.052"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        #expect(rec.metadata.format == .maccorText)
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        Self.each(ref, "Test (Sec)") { i, v in #expect(isClose(rec.time[i], v, rel: Self.textRel), "time row \(i)") }
        Self.each(ref, "Volts") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "Amps") { i, v in
            #expect(v < 0)
            #expect(isClose(rec.current[i], v, rel: Self.textRel), "current row \(i)")
        }
        Self.each(ref, "Step") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        Self.each(ref, "Cyc#") { i, v in #expect(rec.cycleIndex[i] == Int32(v) + 1, "cycle row \(i)") }
        Self.each(ref, "Amp-hr") { i, v in #expect(isClose(rec.dischargeCapacity?[i] ?? .nan, v, rel: Self.textRel), "Ah row \(i)") }
        Self.each(ref, "Watt-hr") { i, v in #expect(isClose(rec.dischargeEnergy?[i] ?? .nan, v, rel: Self.textRel), "Wh row \(i)") }
        #expect(rec.chargeCapacity?.allSatisfy { $0 == 0 } == true)
        #expect(rec.stepKind.allSatisfy { $0 == .constantCurrent })
        // Per-step final value = the file's counter at the step's last row (Maccor resets Amp-hr per step).
        for case let segment in ref["segments"]?.arrayValue ?? [] {
            let last = Int(segment["last"]?.doubleValue ?? -1)
            #expect(isClose(rec.dischargeCapacity?[last] ?? .nan, segment["Amp-hr"]?.doubleValue ?? .nan, rel: Self.textRel))
        }
    }

    /// Oracle: pandas `read_csv(sep='\t', skiprows=12, decimal=',')` minus its incomplete last row (the
    /// file is cut off mid-row; pandas fills the missing fields with NaN, we drop the row with a warning).
    /// Decimal commas parse to the same doubles as pandas' `decimal=','`. `Cycle C` (1-based) is the
    /// cycle column used; `Cycle P` stays auxiliary.
    @Test func maccorDecimalCommaExportMatchesPandas() throws {
        let file = "maccor/maccor_two.txt"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        #expect(rec.metadata.format == .maccorText)
        #expect(rec.metadata.instrument == "Maccor #4")
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        #expect(Int(ref["rows_read_by_pandas"]?.doubleValue ?? -1) == rec.count + 1)
        #expect(rec.metadata.warnings.contains { $0.contains("line 229") && $0.contains("left out") }, "\(rec.metadata.warnings)")
        Self.each(ref, "Voltage [V]") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "Current [A]") { i, v in #expect(rec.current[i] == v, "current row \(i)") }
        Self.each(ref, "Cycle C") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        Self.each(ref, "Step") { i, v in #expect(rec.stepIndex[i] == Int32(v), "step row \(i)") }
        Self.each(ref, "Cap. [Ah]") { i, v in #expect(rec.chargeCapacity?[i] == v && rec.dischargeCapacity?[i] == v) }
        #expect(rec.stepKind.allSatisfy { $0 == .rest })
        #expect(rec.auxiliary.contains { $0.name == "Cycle P" })
    }

    /// TestTime in this export has no unit, and it is not seconds: it advances by 1 per record while the
    /// wall clock `DPT Time` advances by 60 s, i.e. minutes (oracle: pandas' TestTime and DPT Time columns).
    /// The reader checks TestTime against DPT Time and converts; it says so in a warning.
    @Test func maccorTestTimeInMinutesIsRecognisedFromTheWallClock() throws {
        let file = "maccor/maccor_two.txt"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        Self.each(ref, "TestTime") { i, v in #expect(isClose(rec.time[i], v * 60, rel: Self.textRel), "time row \(i)") }
        #expect(rec.metadata.warnings.contains { $0.contains("minutes") }, "\(rec.metadata.warnings)")
    }

    /// The Maccor EIS/FRA export (`.EDA0001.041`) holds an impedance table, not cycling data: it must be
    /// refused with a clear unsupportedFormat error naming the file, not read as a cycler file.
    @Test func maccorEISExportIsRefused() throws {
        let url = Fixtures.cycler("maccor/maccor_test_file_4267-66-6519.EDA0001.041")
        do {
            _ = try RecordingLoader.load(url)
            Issue.record("the FRA export was read as cycling data")
        } catch let error as InterphaseError {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.file == url.path)
            #expect(error.description.contains("not a recognised cycler file"))
            #expect(error.description.contains("impedance"))
        }
    }

    // MARK: - EC-Lab text

    /// Oracle: pandas `read_csv(sep='\t', skiprows=<Nb header lines − 1>, encoding='latin-1', decimal=…)`
    /// (decimal comma in Pt_poly_cv_CUT.mpt). Units: `<I>/mA` × 1e-3 → A (EC-Lab's sign is ours), time s,
    /// Ewe/V V; `cycle number` is 1-based in EC-Lab text (same); `mode` 1/2/3 → CC/CV/rest.
    /// The PEIS file has two `<I>/mA` columns (pandas renames the second `<I>/mA.1`); the first is used.
    @Test(arguments: ["biologic_mpt/Pt_poly_cv_CUT.mpt", "biologic_mpt/dataset_with_loop_01_02_CVA_DUSB0_C01.mpt",
                      "biologic_mpt/multiple_techniques_dataset_01_01_PEIS_C01.mpt"])
    func ecLabTextMatchesPandas(_ file: String) throws {
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file)
        #expect(rec.metadata.format == .biologicMPT)
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        Self.each(ref, "time/s") { i, v in #expect(isClose(rec.time[i], v, rel: Self.textRel), "time row \(i)") }
        Self.each(ref, "Ewe/V") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "<Ewe>/V") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        Self.each(ref, "<I>/mA") { i, v in #expect(isClose(rec.current[i], v * 1e-3, rel: Self.textRel), "current row \(i)") }
        Self.each(ref, "cycle number") { i, v in #expect(rec.cycleIndex[i] == Int32(v), "cycle row \(i)") }
        let kinds: [Double: StepKind] = [1: .constantCurrent, 2: .constantVoltage, 3: .rest]
        Self.each(ref, "mode") { i, v in #expect(rec.stepKind[i] == kinds[v], "kind row \(i)") }
        if ref["values"]?["freq/Hz"] != nil {
            #expect(rec.stepKind.allSatisfy { $0 == .impedance })
            for name in ["freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm"] {
                let aux = try #require(rec.auxiliary.first { $0.name == name }, "auxiliary \(name)")
                Self.each(ref, name) { i, v in #expect(isClose(aux.values[i], v, rel: Self.textRel), "\(name) row \(i)") }
            }
            // The impedance columns are found by meaning, as an impedance reader takes them.
            #expect(rec.auxiliary.first(measuring: .frequency)?.name == "freq/Hz")
            #expect(rec.auxiliary.first(measuring: .realImpedance)?.name == "Re(Z)/Ohm")
            #expect(rec.auxiliary.first(measuring: .negativeImaginaryImpedance)?.name == "-Im(Z)/Ohm")
            #expect(rec.auxiliary.first(measuring: .impedancePhase)?.unit.dimension == .angle)
        }
        // Every column pandas sees is either used (time, voltage, current, cycle, mode) or kept as an
        // auxiliary column under its EC-Lab name (pandas renames a duplicate `<I>/mA` to `<I>/mA.1`).
        let used: Set<String> = ["time/s", "Ewe/V", "<Ewe>/V", "<I>/mA", "cycle number", "mode"]
        let kept = Set(rec.auxiliary.map(\.name))
        for case let .string(name) in ref["columns"]?.arrayValue ?? [] {
            let base = name.hasSuffix(".1") ? String(name.dropLast(2)) : name
            #expect(used.contains(base) || kept.contains(base), "column \(name) lost")
        }
        // Raw charge columns are kept unconverted as auxiliary columns under their EC-Lab names.
        for name in ["(Q-Qo)/C", "(Q-Qo)/mA.h"] where ref["values"]?[name] != nil {
            let aux = try #require(rec.auxiliary.first { $0.name == name }, "auxiliary \(name)")
            Self.each(ref, name) { i, v in #expect(isClose(aux.values[i], v, rel: Self.textRel), "\(name) row \(i)") }
        }
    }

    /// Oracle: pandas `read_csv(sep='\t', compression='gzip')`. The export has only `time/s` and `Ewe/V`;
    /// with `assumedCurrent` 0.4 mA the file is one constant-current step at +0.4 mA, and the charge counter
    /// is ∫I dt = 0.4 mA × (t − t₀) (trapezoid rule on a constant: exact up to rounding, rel 1e-9).
    @Test func gzipEcLabExportMatchesPandas() throws {
        let file = "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt.gz"
        let ref = try Self.ref("text", file)
        let rec = try Self.load(file, ReadOptions(assumedCurrent: 0.4e-3))
        #expect(rec.metadata.format == .delimitedText)
        #expect(rec.count == Int(ref["rows"]?.doubleValue ?? -1))
        Self.each(ref, "time/s") { i, v in #expect(isClose(rec.time[i], v, rel: Self.textRel), "time row \(i)") }
        Self.each(ref, "Ewe/V") { i, v in #expect(isClose(rec.voltage[i], v, rel: Self.textRel), "voltage row \(i)") }
        #expect(rec.current.allSatisfy { $0 == 0.4e-3 })
        #expect(Set(rec.stepIndex) == [1])
        let t0 = rec.time[0]
        Self.each(ref, "time/s") { i, v in
            #expect(isClose(rec.chargeCapacity?[i] ?? .nan, 0.4e-3 * (v - t0) / 3600, rel: 1e-9, abs: 1e-15), "Q row \(i)")
        }
        // Without a current the file is refused with a hint.
        #expect(throws: InterphaseError.self) { try Self.load(file) }
    }
}

/// Export variants recognised by their layout (issue 13). Oracle: the values written into each file.
@Suite struct ExportVariantTests {
    static func write(_ text: String, _ name: String) throws -> URL {
        let url = Fixtures.temporaryDirectory("variants").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Maccor exports in milli-units: the unit is in the column's name (`mAmps`, `mAmp-hr`, `mWatt-hr`).
    @Test func maccorMilliUnits() throws {
        let text = "Rec#\tCyc#\tStep\tTest (Sec)\tStep (Sec)\tmAmp-hr\tmWatt-hr\tmAmps\tVolts\tState\n"
            + "1\t0\t1\t0\t0\t0\t0\t500\t3.5\tC\n2\t0\t1\t3600\t3600\t500\t1900\t500\t4.1\tC\n"
            + "3\t0\t2\t3610\t10\t0\t0\t-500\t4.0\tD\n4\t0\t2\t7210\t3610\t500\t1850\t-500\t3.2\tD\n"
        let recording = try RecordingLoader.load(Self.write(text, "cell.txt"))
        #expect(recording.metadata.format == .maccorText)
        #expect(recording.current == [0.5, 0.5, -0.5, -0.5])
        #expect(isClose(recording.chargeCapacity?[1] ?? 0, 0.5, rel: 1e-12)) // 500 mAh = 0.5 Ah
        #expect(isClose(recording.dischargeCapacity?[3] ?? 0, 0.5, rel: 1e-12))
    }

    /// Neware CSV with a per-step `Time` and a `Cumulative Time`: the cumulative one is the time axis.
    @Test func newareCumulativeTime() throws {
        let text = "Record ID,Step Index,Status,Time,Cumulative Time,Voltage(V),Current(A)\n"
            + "1,1,CC_Chg,0,0,3.5,1\n2,1,CC_Chg,60,60,3.6,1\n3,2,Rest,0,70,3.55,0\n4,2,Rest,30,100,3.54,0\n"
        let recording = try RecordingLoader.load(Self.write(text, "neware.csv"))
        #expect(recording.time == [0, 60, 70, 100])
    }
}

extension ExportVariantTests {
    /// A time column that restarts at each step is named as a step time, with the columns to use instead.
    @Test func stepTimeIsNamed() throws {
        let text = "Record ID,Step Index,Status,Step Time,Relative Stamp,Voltage(V),Current(A)\n"
            + "1,1,CC_Chg,0,5,3.5,1\n2,1,CC_Chg,60,65,3.6,1\n3,2,Rest,0,75,3.55,0\n4,2,Rest,30,105,3.54,0\n"
        var options = ReadOptions()
        options.columnMapping = try ColumnMapping(parsing: "time=Step Time,voltage=Voltage(V),current=Current(A),step=Step Index")
        let url = try Self.write(text, "steptime.csv")
        let error = expectInterphaseError(.invalidData) { try RecordingLoader.load(url, options: options) }
        #expect(error?.message == "column 'Step Time' restarts at every step change (1 times): it is a step time, not the test's time")
        #expect(error?.line == 4)
        #expect(error?.expected?.contains("Relative Stamp") == false)
        #expect(error?.expected?.contains("--columns time=") == true)
    }
}

extension ExportVariantTests {
    /// One bad column does not sink a file: a temperature whose `°` was garbled (`Temperature/�C`) is a
    /// warning naming the column, and the column stays as raw auxiliary data; a garbled unit on a
    /// column the analysis needs is still an error.
    @Test func garbledUnitOnAnOptionalColumn() throws {
        let text = "time/s\tEwe/V\tI/mA\tTemperature/\u{FFFD}C\n0\t3.5\t1\t25.1\n10\t3.6\t1\t25.2\n"
        let recording = try RecordingLoader.load(Self.write(text, "garbled.txt"))
        #expect(recording.temperature == nil)
        #expect(recording.metadata.warnings.contains { $0.contains("column 'Temperature/\u{FFFD}C'") && $0.contains("kept as raw data") })
        let raw = try #require(recording.auxiliary.first { $0.name == "Temperature/\u{FFFD}C" })
        #expect(raw.values == [25.1, 25.2])
        #expect(raw.unit.symbol == "\u{FFFD}C" && !raw.unit.isKnown)
        let needed = "time/s\tEwe/\u{FFFD}V\tI/mA\n0\t3.5\t1\n"
        let error = expectInterphaseError(.invalidData) { try RecordingLoader.load(Self.write(needed, "needed.txt")) }
        #expect(error?.column == "Ewe/\u{FFFD}V")
    }
}
