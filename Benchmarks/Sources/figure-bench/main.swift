// Renders a capacity/CE figure of N cycles (the shape `cycling --out` draws for a long full-cell test:
// two filled marker series joined by lines and an open-marker CE series on a right axis) K times per
// format and prints the mean milliseconds per file, for profiling the figure path.
//
//     figure-bench N K [DIR]
import Foundation
import Interphase

let arguments = CommandLine.arguments
guard arguments.count >= 3, let n = Int(arguments[1]), let k = Int(arguments[2]), n > 0, k > 0 else {
    FileHandle.standardError.write("usage: figure-bench N K [DIR]\n".data(using: .utf8)!)
    exit(2)
}
let directory = URL(fileURLWithPath: arguments.count > 3 ? arguments[3] : NSTemporaryDirectory() + "figure-bench")
var generator = SystemRandomNumberGenerator()
let x = (1...n).map(Double.init)
let discharge = x.map { 3000 - 0.06 * $0 + Double.random(in: -2...2, using: &generator) }
let charge = discharge.map { $0 + Double.random(in: 0...3, using: &generator) }
let efficiency = x.map { _ in 100 + Double.random(in: -0.08...0.06, using: &generator) }
var axes = Axes(x: Axis("Cycle number", integer: true), y: Axis("Capacity (mAh)"), y2: Axis("Coulombic efficiency (%)"))
axes.add(.markers(x, charge, MarkerStyle(.square, color: Color.palette[1]), joined: LineStyle(color: Color.palette[1], width: 0.8), label: "Charge"))
axes.add(.markers(x, discharge, MarkerStyle(.circle, color: Color.palette[0]), joined: LineStyle(color: Color.palette[0], width: 0.8), label: "Discharge"))
axes.add(.markers(x, efficiency, MarkerStyle(.circle, color: .black, filled: false), joined: LineStyle(color: .black, width: 0.8, dash: [3, 2]),
                  label: "Coulombic efficiency", axis: .right))
let figure = Figure(width: 3.4, height: 2.5, panels: [axes])
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
for format in [FigureFormat.svg, .png] {
    _ = try figure.write(to: directory, name: "capacity", formats: [format])
    let start = now()
    for _ in 0..<k { _ = try figure.write(to: directory, name: "capacity", formats: [format]) }
    print("\(format.rawValue)\t\(String(format: "%.2f", (now() - start) / Double(k) * 1e3)) ms\t\(n) cycles")
}
