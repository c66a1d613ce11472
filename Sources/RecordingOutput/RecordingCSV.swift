import Foundation
import InterphaseCore
import InterphaseData

/// The normalised recording as CSV, with units in the headers. Numbers are written in their shortest
/// round-trip form (Swift's `description`), so reading the file back gives the same doubles.
public enum RecordingCSV {
    /// Rows are formatted in blocks of 65,536, one per core at a time, and written in order.
    /// - Parameter progress: fraction of the rows written.
    public static func write(_ recording: Recording, to url: URL, progress: ((Double) -> Void)? = nil) throws {
        let optional: [(String, [Double]?)] = [
            ("charge_capacity_Ah", recording.chargeCapacity), ("discharge_capacity_Ah", recording.dischargeCapacity),
            ("charge_energy_Wh", recording.chargeEnergy), ("discharge_energy_Wh", recording.dischargeEnergy),
            ("temperature_K", recording.temperature),
        ]
        let present = optional.compactMap { name, values in values.map { (name, $0) } }
        let n = recording.count
        let block = 1 << 16
        try AtomicFile.withStream(to: url) { writer in
            let header = ["time_s", "voltage_V", "current_A", "step_index", "cycle_index", "step_kind"] + present.map(\.0)
            try writer.write(header.joined(separator: ",") + "\n")
            // One block per core and round, formatted concurrently and written in order.
            let columns = present.map(\.1)
            let round = Parallel.coreCount * block
            var start = 0
            while start < n {
                let blocks = Parallel.map(Parallel.coreCount, parallel: n - start > block) { [start] k in
                    let lo = min(start + k * block, n), hi = min(lo + block, n)
                    return rows(recording, columns, lo..<hi)
                }
                for text in blocks { try writer.write(text) }
                start += round
                progress?(Double(min(start, n)) / Double(max(n, 1)))
            }
        }
    }

    static func rows(_ r: Recording, _ columns: [[Double]], _ range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 72)
        for i in range {
            bytes.append(contentsOf: r.time[i].description.utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: r.voltage[i].description.utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: r.current[i].description.utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: r.stepIndex[i].description.utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: r.cycleIndex[i].description.utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: r.stepKind[i].description.utf8)
            for column in columns {
                bytes.append(0x2C)
                bytes.append(contentsOf: column[i].description.utf8)
            }
            bytes.append(0x0A)
        }
        return bytes
    }
}
