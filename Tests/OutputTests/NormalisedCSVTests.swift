import CyclerData
import RecordingOutput
import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase read --to csv` output (`RecordingCSV`) read back by `RecordingLoader`.
/// Oracle: the recording that was written. Every number is written in its shortest round-trip form, so
/// reading it back must give the same doubles bit for bit; the headers (`time_s`, `current_A`,
/// `charge_capacity_Ah`, `step_kind`) must be understood without `--columns`. 180,000 rows span several
/// of the 65,536-row blocks that are formatted on both cores.
@Suite struct NormalisedCSVTests {
    @Test func writtenCSVReadsBackToTheSameRecording() throws {
        var builder = SyntheticRecording(dt: 0.5)
        builder.cycles = []
        for cycle in 1...5 {
            builder.add(.init(current: 1.5e-3, duration: 7200) { 3.4 + 0.3 * sin($0 / 997) })
            builder.add(.init(current: 0, duration: 1800, kind: .rest) { _ in 3.65 + Double(cycle) * 1e-4 })
            builder.add(.init(current: -1.5e-3, duration: 7200) { 3.3 - 0.25 * sin($0 / 1009) })
            builder.add(.init(current: 0, duration: 1800, kind: .rest) { _ in 3.1 })
            builder.cycles! += Array(repeating: Int32(cycle), count: 4)
        }
        let original = builder.build()
        #expect(original.count > 2 * 65_536)
        let url = Fixtures.temporaryDirectory("normalised").appendingPathComponent("recording.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try RecordingCSV.write(original, to: url)
        let back = try RecordingLoader.load(url)
        #expect(back.count == original.count)
        #expect(back.time == original.time)
        #expect(back.voltage == original.voltage)
        #expect(back.current == original.current)
        #expect(back.stepIndex == original.stepIndex)
        #expect(back.cycleIndex == original.cycleIndex)
        #expect(back.stepKind == original.stepKind)
        #expect(back.chargeCapacity == original.chargeCapacity)
        #expect(back.dischargeCapacity == original.dischargeCapacity)
    }
}
