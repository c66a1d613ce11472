// The XPS fits of Benchmarks/xps.sh, timed inside one process, in the layout of xps_fit_bench.py: the
// six-component C 1s model (pseudo-Voigt η = 0.3 fixed, shared FWHM, centers ±1 eV around the study's
// table energies) with the Shirley background subtracted first (end levels from single points, as
// lmfitxps's shirley_calculate), fitted by `PeakFit.fit`.
//
//     xps-bench single FILE K          # region 0 fitted K times
//     xps-bench batch FILE             # every region once, on both cores
//     xps-bench batch-serial FILE      # the same on one core
import Foundation
import Interphase

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let energies = [290.1, 288.5, 286.5, 284.7, 283.7, 282.9]

func regions(_ path: String) throws -> [Spectrum] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var x: [Int: [Double]] = [:], y: [Int: [Double]] = [:]
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        guard f.count == 3, let k = Int(f[0]), let e = Double(f[1]), let c = Double(f[2]) else { continue }
        x[k, default: []].append(e)
        y[k, default: []].append(c)
    }
    return try x.keys.sorted().map { try Spectrum(x: x[$0]!, y: y[$0]!, axis: .bindingEnergy, metadata: SpectrumMetadata(region: "C 1s")) }
}

func fit(_ s: Spectrum) throws -> PeakFitResult {
    let options = PeakFitOptions(background: .shirley, endpointPoints: 1)
    let (x, y) = try PeakFit.prepared(s, options: options)
    let b = try ShirleyBackground.compute(x: x, y: y, endpoints: try BackgroundEndpoints(y, points: 1))
    let components = try energies.enumerated().map { j, e -> PeakComponent in
        let i = x.indices.min { abs(x[$0] - e) < abs(x[$1] - e) }!
        return try PeakComponent(name: "p\(j)", shape: .pseudoVoigt, center: e, area: max(y[i] - b[i], 1) * 1.2, fwhm: 1.2, extra: [0.3],
                                 lower: [e - 1, 0, 0.3, 0], upper: [e + 1, .infinity, 3, 1], fixed: ["eta"])
    }
    let ties = (1..<energies.count).map { ParameterTie.sameWidth("p\($0)", as: "p0") }
    return try PeakFit.fit(s, components: components, ties: ties, options: options)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write("usage: xps-bench single FILE K | batch FILE | batch-serial FILE\n".data(using: .utf8)!)
    exit(2)
}
let data = try regions(arguments[2])
switch arguments[1] {
case "single":
    let k = Int(arguments[3]) ?? 100
    var last: PeakFitResult?
    let start = now()
    for _ in 0..<k { last = try fit(data[0]) }
    let elapsed = now() - start
    let cc = last!.components[3]
    print("interphase\tsingle\t\(String(format: "%.4f", elapsed / Double(k) * 1e3)) ms per fit\t\(k) fits\tC-C \(String(format: "%.4f", cc.center)) chi2 \(String(format: "%.6g", last!.chiSquare))")
case "batch", "batch-serial":
    let start = now()
    let results = try Parallel.map(data.count, parallel: arguments[1] == "batch") { try fit(data[$0]) }
    let elapsed = now() - start
    let cc = results.map { $0.components[3].center }.reduce(0, +) / Double(results.count)
    print("interphase\t\(arguments[1])\t\(String(format: "%.3f", elapsed)) s\t\(results.count) regions\t\(results.count) converged\tmean C-C \(String(format: "%.4f", cc))")
default:
    FileHandle.standardError.write("unknown mode \(arguments[1])\n".data(using: .utf8)!)
    exit(2)
}
