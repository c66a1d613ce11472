// The impedance fits of Benchmarks/eis.sh, timed inside one process (no start-up or import cost), in
// the same layout as impedance_fit_bench.py:
//
//     eis-bench single K              # the tutorial fit (exampleData.csv, R0-p(R1,C1)-p(R2-Wo1,C2)) K times
//     eis-bench batch FILE CIRCUIT    # every sweep of FILE, each seeded by the previous (SpectrumFitting)
//     eis-bench batch-serial FILE CIRCUIT   # the same on one core
//     eis-bench drt FILE K            # the DRT of FILE (λ 1e-3) K times
//     eis-bench first FILE CIRCUIT    # the fitted parameters of sweep 1 from the automatic guess
import Foundation
import Interphase

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write("usage: eis-bench single K | batch FILE CIRCUIT | batch-serial FILE CIRCUIT\n".data(using: .utf8)!)
    exit(2)
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
switch arguments[1] {
case "single":
    let k = Int(arguments[2]) ?? 100
    let spectrum = try ImpedanceLoader.load(root.appendingPathComponent("Data/impedance/exampleData.csv")).spectra[0].capacitivePoints()
    let circuit = try Circuit("R0-p(R1,C1)-p(R2-Wo1,C2)")
    let guess = [0.01, 0.01, 100, 0.01, 0.05, 100, 1]
    var last: CircuitFitResult?
    let start = now()
    for _ in 0..<k { last = try CircuitFit.fit(circuit, to: spectrum, initialGuess: guess) }
    let elapsed = now() - start
    let p = last!.parameters.map { String(format: "%.6g", $0) }.joined(separator: ",")
    print("interphase\tsingle\t\(String(format: "%.4f", elapsed / Double(k) * 1e3)) ms per fit\t\(k) fits\tparameters \(p)")
case "batch", "batch-serial":
    let file = try ImpedanceLoader.load(URL(fileURLWithPath: arguments[2]))
    var options = SpectrumFitOptions(circuit: try Circuit(arguments[3]))
    options.parallel = arguments[1] == "batch"
    let start = now()
    let outcomes = try SpectrumFitting.run(file.spectra, options: options)
    let elapsed = now() - start
    let converged = outcomes.filter(\.converged)
    let r1 = converged.compactMap { $0.fit?.value("R1")?.value }
    print("interphase\t\(arguments[1])\t\(String(format: "%.3f", elapsed)) s\t\(outcomes.count) spectra\t\(converged.count) converged"
          + "\tmean R1 \(String(format: "%.6g", r1.reduce(0, +) / Double(max(r1.count, 1))))")
case "drt":
    // DRT of FILE K times (λ fixed 1e-3, combined, L, 1st derivative: pyDRTtools' defaults but custom λ).
    let spectrum = try ImpedanceLoader.load(URL(fileURLWithPath: arguments[2])).spectra[0]
    let k = Int(arguments[3]) ?? 10
    var peaks = 0
    let start = now()
    for _ in 0..<k { peaks = try DRT.compute(spectrum).peaks.count }
    print("interphase\tdrt\t\(String(format: "%.4f", (now() - start) / Double(k))) s per DRT\t\(peaks) peaks")
case "first":
    let file = try ImpedanceLoader.load(URL(fileURLWithPath: arguments[2]))
    let fit = try CircuitFit.fit(try Circuit(arguments[3]), to: file.spectra[0])
    print(fit.parameters.map { String($0) }.joined(separator: ","))
default:
    FileHandle.standardError.write("unknown mode \(arguments[1])\n".data(using: .utf8)!)
    exit(2)
}
