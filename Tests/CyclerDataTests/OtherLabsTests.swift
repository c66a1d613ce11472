import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport
@testable import CyclerData

/// Cycler files from other labs (issue 13): Basytec and Novonix layouts, a Novonix file whose channel
/// restarted, a Novonix file with every line quoted, an EC-Lab test split over three numbered files, and an
/// EC-Lab export whose time column holds clock times.
///
/// Oracle: pandas through `Reference/other_labs.json` (`References/other_labs_reference.py`), which reads
/// each file with its own settings and sums the cyclers' counters by each vendor's rule.
@Suite struct OtherLabsTests {
    static let reference: JSONValue? = try? JSONValue.parse(
        Data(contentsOf: Fixtures.reference("CyclerDataTests", "other_labs.json")))

    @Test func basytecResultFileReadsByItsLayout() throws {
        let ref = try #require(Self.reference?["basytec"])
        let r = try RecordingLoader.load(Fixtures.cycler("basytec/sample_data_basytec.txt"))
        #expect(r.metadata.format == .basytec)
        #expect(r.count == ref["rows"].flatMap { $0.doubleValue.map { Int($0) } })
        #expect(r.metadata.channel == "1814 CH14 XCTS_40")
        #expect(r.metadata.startTime == Date(timeIntervalSince1970: 1_687_197_413)) // 19.06.2023 17:56:53 UTC
        #expect(isClose(r.time.last!, try #require(ref["time_s_last"]?.doubleValue), rel: 1e-15))
        #expect(isClose(r.voltage.max()!, try #require(ref["voltage_V_max"]?.doubleValue), rel: 1e-15))
        // `Command` is the state (Pause → rest), not Basytec's record-marker `State` column.
        #expect(r.stepKind.first == .rest && r.stepKind.last == .constantCurrent)
        // Per-step counter `Ah-Step` (pandas: last value of each step of the charging cycle).
        let charge = try #require(ref["cycles"]?.arrayValue?.last?["charge_Ah"]?.doubleValue)
        #expect(isClose(try #require(r.chargeCapacity?.max()), charge, rel: 1e-12))
        #expect(r.metadata.warnings.contains { $0.contains("T1[") }) // the garbled °C: a warning, the column kept raw
    }

    @Test func novonixExportAndItsQuotedVariantReadTheSame() throws {
        let ref = try #require(Self.reference?["novonix_uhpc"])
        let url = Fixtures.cycler("novonix/sample_data_novonix.csv")
        let r = try RecordingLoader.load(url)
        #expect(r.metadata.format == .novonix)
        #expect(r.count == ref["rows"].flatMap { $0.doubleValue.map { Int($0) } })
        let charge = try #require(ref["cycles"]?.arrayValue?.first?["charge_Ah"]?.doubleValue)
        #expect(isClose(try #require(r.chargeCapacity?.max()), charge, rel: 1e-12))
        // Every line wrapped in double quotes (as a spreadsheet round trip leaves some exports).
        let text = try String(contentsOf: url, encoding: .utf8)
        let quoted = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "\"" + $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) + "\"" }.joined(separator: "\n")
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("quoted.csv")
        try quoted.write(to: copy, atomically: true, encoding: .utf8)
        let q = try RecordingLoader.load(copy)
        #expect(q.metadata.format == .novonix)
        #expect(q.count == r.count)
        #expect(q.time == r.time && q.voltage == r.voltage && q.current == r.current)
        #expect(q.chargeCapacity == r.chargeCapacity)
    }

    @Test func novonixRestartedChannelIsJoinedAndRepeatsDropped() throws {
        let ref = try #require(Self.reference?["novonix_hpc_restarted"])
        let r = try RecordingLoader.load(Fixtures.cycler("novonix/preparenovonix_example_data.csv"))
        #expect(r.count == ref["rows"].flatMap { $0.doubleValue.map { Int($0) } })
        #expect(r.metadata.warnings.contains { $0.contains("\(ref["dropped_repeats"].flatMap { $0.doubleValue.map { Int($0) } } ?? -1) records whose run time goes back") })
        #expect(r.metadata.warnings.contains { $0.contains("restarted 1 time") })
        // Time never goes back; cycles continue across the restart (pandas: 11 cycles).
        #expect(zip(r.time, r.time.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(r.cycleIndex).count == ref["cycles"]?.arrayValue?.count)
    }

    @Test func ecLabFilesOfOneTestAreJoinedInTimeOrder() throws {
        let ref = try #require(Self.reference?["eclab_joined"]?["parts"]?.arrayValue)
        let urls = (1...3).map { Fixtures.cycler("biologic_mpt/Sample_data_biologic_0\($0)_MB_CA1.txt.gz") }
        // Given out of order: joined by their start clock (the same here), then by their own time.
        let r = try RecordingLoader.load([urls[0], urls[1], urls[2]])
        #expect(r.metadata.provenance.parts.count == 3)
        #expect(r.count == ref.reduce(0) { $0 + ($1["rows"].flatMap { $0.doubleValue.map { Int($0) } } ?? 0) })
        var row = 0
        for part in ref {
            // EC-Lab counts every file's time from the sequence's start: no shift.
            #expect(isClose(r.time[row], try #require(part["time_s_first"]?.doubleValue), rel: 1e-15))
            row += part["rows"].flatMap { $0.doubleValue.map { Int($0) } } ?? 0
            #expect(isClose(r.time[row - 1], try #require(part["time_s_last"]?.doubleValue), rel: 1e-15))
        }
        #expect(r.metadata.warnings.contains { $0.contains("starts") && $0.contains("after the part before ended") })
        #expect(zip(r.stepIndex, r.stepIndex.dropFirst()).allSatisfy { $0 <= $1 }) // steps continue
    }

    @Test func clockTimesInTheTimeColumnCountFromTheFirstRecord() throws {
        let r = try RecordingLoader.load(Fixtures.cycler("biologic_mpt/Sample_data_biologic_timestamped.txt"))
        #expect(r.time[0] == 0)
        // 11/20/2024 11:38:41.707 → 11:38:48.171: 6.464 s (the file's own step time says 6.464000307 s).
        #expect(isClose(r.time[1], 6.464, abs: 1e-6))
        #expect(abs(r.metadata.startTime!.timeIntervalSince1970 - 1_732_102_721.707) < 1e-3)
        #expect(NumberParsing.parseDateTime("2024-11-20 11:38:41") == 1_732_102_721)
        #expect(NumberParsing.parseDateTime("20.11.2024 11:38:41") == 1_732_102_721)
        let evening: Double = 1_732_102_721 + 12 * 3600
        #expect(NumberParsing.parseDateTime("11/20/2024 11:38:41 PM") == evening)
        #expect(NumberParsing.parseDateTime("13/20/2024 11:38:41") == nil)
    }
}
