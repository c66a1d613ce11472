import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// The voltammetry figures, in the house style (Okabe–Ito colours, 3.4-inch single-column panels):
/// one function per figure, each returning a `Figure` the caller writes.
public enum VoltammetryFigures {
    static let blue = Color.palette[0], vermillion = Color.palette[1], green = Color.palette[2]

    /// Tafel plot: |j| (log axis; |i| without an area) against η, anodic and cathodic points, the fitted
    /// Tafel lines from η = 0 to the end of their windows, the chosen windows shaded, and the
    /// Butler–Volmer fit dashed.
    public static func tafel(_ a: TafelAnalysis) -> Figure {
        let hasArea = a.area != nil
        let scale = hasArea ? Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre / a.area! : Units.kilo // A → mA cm⁻² or mA
        var axes = Axes(x: Axis("Overpotential (mV)"),
                        y: Axis(hasArea ? "|Current density| (mA cm\u{207B}\u{00B2})" : "|Current| (mA)", scale: .log))
        for branch in [a.anodic, a.cathodic].compactMap({ $0 }) {
            axes.add(.xSpan(from: branch.window.lowerBound * Units.kilo, to: branch.window.upperBound * Units.kilo, color: .highlight))
        }
        for (sign, color, label) in [(1.0, vermillion, "Anodic"), (-1.0, blue, "Cathodic")] {
            let k = a.overpotential.indices.filter { sign * a.overpotential[$0] > 0 && sign * a.current[$0] > 0 }
            guard !k.isEmpty else { continue }
            axes.add(.markers(k.map { a.overpotential[$0] * Units.kilo }, k.map { abs(a.current[$0]) * scale },
                              MarkerStyle(.circle, color: color, filled: false, size: 2.5), label: label))
        }
        for branch in [a.anodic, a.cathodic].compactMap({ $0 }) {
            let end = branch.direction > 0 ? branch.window.upperBound : branch.window.lowerBound
            let eta = (0...20).map { end * Double($0) / 20 }
            axes.add(.line(eta.map { $0 * Units.kilo }, eta.map { pow(10, branch.fit($0)) * scale }, color: .black, width: 1.0,
                           label: branch.direction > 0 ? "Tafel fits" : nil))
        }
        if let bv = a.butlerVolmer {
            let lo = a.overpotential.min() ?? 0, hi = a.overpotential.max() ?? 0
            let eta = (0...400).map { lo + (hi - lo) * Double($0) / 400 }.filter { abs($0) > 1e-6 }
            let model = bv.current(at: eta)
            let keep = eta.indices.filter { abs(model[$0]) > 0 }
            axes.add(.line(keep.map { eta[$0] * Units.kilo }, keep.map { abs(model[$0]) * scale }, color: green, width: 1.0, dash: [3, 2],
                           label: "Butler\u{2013}Volmer fit"))
        }
        return Figure(width: 3.4, height: 2.6, panels: [axes])
    }

    /// Current density (current without an area) against potential, one colour per cycle (viridis,
    /// colour bar), peaks marked.
    public static func cyclicVoltammogram(_ a: CyclicVoltammetryAnalysis) -> Figure {
        let v = a.voltammogram
        let hasArea = a.area != nil
        let scale = hasArea ? Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre / a.area! : Units.kilo
        var axes = Axes(x: Axis("Potential (V)"), y: Axis(hasArea ? "Current density (mA cm\u{207B}\u{00B2})" : "Current (mA)"))
        let colors = Colormap.viridis.discrete(max(a.cycles.count, 1))
        for (k, c) in a.cycles.enumerated() {
            let r = c.range.lowerBound > 0 ? (c.range.lowerBound - 1)..<c.range.upperBound : c.range
            axes.add(.line(r.map { v.potential[$0] }, r.map { v.current[$0] * scale }, color: colors[k], width: 0.8))
        }
        let peaks = a.cycles.flatMap { [$0.anodicPeak, $0.cathodicPeak].compactMap { $0 } }
        if !peaks.isEmpty {
            axes.add(.markers(peaks.map(\.potential), peaks.map { $0.current * scale }, MarkerStyle(.circle, color: .black, filled: false, size: 3),
                              label: "Peaks"))
        }
        axes.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        if a.cycles.count > 1 {
            axes.colorbar = Colorbar(colors: colors, labels: a.cycles.map { String($0.cycle) }, title: "Cycle")
        }
        return Figure(width: 3.4, height: 2.6, panels: [axes])
    }

    /// Current density against potential with the threshold line, the baseline and steepest tangents,
    /// and both onsets marked.
    public static func linearSweep(_ a: LinearSweepAnalysis) -> Figure {
        let s = Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre
        var axes = Axes(x: Axis("Potential (V)"), y: Axis("Current density (mA cm\u{207B}\u{00B2})"))
        axes.add(.line(a.potential, a.currentDensity.map { $0 * s }, color: blue, width: 1.0, label: "LSV"))
        axes.add(.horizontalLine(y: a.options.thresholdDensity * s, color: .grey, width: 0.5))
        if let t = a.tangent {
            let lo = a.potential.min() ?? 0, hi = a.potential.max() ?? 0
            axes.add(.line([lo, hi], [lo, hi].map { t.baseline($0) * s }, color: .black, width: 0.6, dash: [3, 2], label: "Tangents"))
            let top = (a.currentDensity.max() ?? 0) * s
            let e1 = t.onsetPotential, e2 = t.steepestPotential + (top / s - t.steepestDensity) / t.steepestSlope
            axes.add(.line([e1, e2], [t.baseline(e1) * s, top], color: .black, width: 0.6, dash: [3, 2]))
            axes.add(.markers([t.onsetPotential], [t.baseline(t.onsetPotential) * s], MarkerStyle(.square, color: green, size: 4),
                              label: String(format: "Tangent onset %.3f V", t.onsetPotential)))
        }
        if let e = a.thresholdOnset {
            axes.add(.markers([e], [a.options.thresholdDensity * s], MarkerStyle(.circle, color: vermillion, size: 4),
                              label: String(format: "Threshold onset %.3f V", e)))
        }
        axes.legend = .upperLeft
        return Figure(width: 3.4, height: 2.6, panels: [axes])
    }
}
