// Reads each file given K times in one process with RecordingLoader.load (the code path of
// `interphase read`) and prints the mean time per read, in the same layout as galvani_read.py.
//
//     mpr-bench K FILE...
import Foundation
import Interphase

let arguments = CommandLine.arguments
guard arguments.count >= 3, let k = Int(arguments[1]), k > 0 else {
    FileHandle.standardError.write("usage: mpr-bench K FILE...\n".data(using: .utf8)!)
    exit(2)
}
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
var total = 0.0
var sink = 0.0
for path in arguments[2...] {
    let url = URL(fileURLWithPath: path)
    let first: Recording
    do { first = try RecordingLoader.load(url) } catch {
        print("interphase\tFAILED\t\(path)\t\(error)")
        continue
    }
    let start = now()
    for _ in 0..<k {
        let recording = try RecordingLoader.load(url)
        sink += recording.voltage.last ?? 0   // keep the work observable
    }
    let elapsed = now() - start
    total += elapsed
    let columns = 6 + [first.chargeCapacity, first.dischargeCapacity, first.chargeEnergy, first.dischargeEnergy, first.temperature]
        .compactMap { $0 }.count + first.auxiliary.count
    print("interphase\t\(String(format: "%.4f", elapsed / Double(k) * 1e3)) ms\t\(first.count) rows\t\(columns) cols\t\(path)")
}
print("interphase\tTOTAL\t\(String(format: "%.3f", total)) s for \(k) reads of each file\t(checksum \(sink.isFinite ? "ok" : "nan"))")
