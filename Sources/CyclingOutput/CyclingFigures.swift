import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// The figures of a cycling analysis, in the house style (sizes and conventions of the reference
/// matplotlib figures): one function per figure, each returning a `Figure` the caller writes.
public enum CyclingFigures {
    static let blue = Color.palette[0], vermillion = Color.palette[1], green = Color.palette[2]

    /// All figures for this analysis, by file name.
    public static func figures(for analysis: CyclingAnalysis) -> [(String, Figure)] {
        analysis.presentation?.figures(in: analysis) ?? []
    }

    /// Voltage (mV) against time (h): the whole record (dense traces are decimated per pixel).
    public static func voltageTime(_ r: Recording, width: Double = 7.0, height: Double = 2.4) -> Figure {
        var axes = Axes(x: Axis("Time (h)"), y: Axis("Voltage (mV)"))
        axes.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        axes.add(.line(r.time.map { $0 / Units.secondsPerHour }, r.voltage.map { $0 * Units.kilo }, color: blue, width: 0.5))
        axes.legend = .none
        return Figure(width: width, height: height, panels: [axes])
    }

    /// Plateau overpotential of every plating and stripping half cycle against time, with the failure time.
    static func overpotential(_ a: SymmetricCellAnalysis) -> Figure {
        var axes = Axes(x: Axis("Time (h)"), y: Axis("Overpotential (mV)"))
        let plating = a.halves.filter(\.isPlating), stripping = a.halves.filter { !$0.isPlating }
        if !plating.isEmpty {
            axes.add(.markers(plating.map { ($0.half.startTime + $0.half.endTime) / (2 * Units.secondsPerHour) }, plating.map { $0.plateau * Units.kilo },
                              MarkerStyle(.circle, color: blue), label: "Plating"))
        }
        if !stripping.isEmpty {
            axes.add(.markers(stripping.map { ($0.half.startTime + $0.half.endTime) / (2 * Units.secondsPerHour) }, stripping.map { $0.plateau * Units.kilo },
                              MarkerStyle(.square, color: vermillion), label: "Stripping"))
        }
        if let t = a.failureTime {
            axes.add(.verticalLine(x: t / Units.secondsPerHour, color: .grey, width: 0.5))
        }
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }

    static func lithiumCopperCE(_ a: LithiumCopperAnalysis) -> Figure {
        var axes = Axes(x: Axis("Cycle number", integer: true), y: Axis("Coulombic efficiency (%)"))
        let complete = a.cycles.filter { $0.coulombicEfficiency != nil }
        axes.add(.markers(complete.map { Double($0.index) }, complete.map { $0.coulombicEfficiency ?? .nan },
                          MarkerStyle(.circle, color: .black, filled: false), joined: LineStyle(color: .black, width: 0.8),
                          label: "Coulombic efficiency"))
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }

    /// Charge and discharge capacity per cycle with CE on a right-hand axis (one legend for both axes).
    static func capacityCE(_ a: FullCellAnalysis, mass: Double?) -> Figure {
        let specific = mass != nil
        let unit = specific ? "mAh g\u{207B}\u{00B9}" : "mAh"
        let factor = specific ? Units.kilo / (mass! * Units.gramsPerKilogram) : Units.kilo // Ah → mAh (g⁻¹)
        var axes = Axes(x: Axis("Cycle number", integer: true), y: Axis("Capacity (\(unit))"), y2: Axis("Coulombic efficiency (%)"))
        let complete = a.cycles.filter { $0.chargeCapacity > 0 && $0.dischargeCapacity > 0 }
        let x = complete.map { Double($0.fileCycle) }
        // Filled ■ charge (vermillion), ● discharge (blue, the measured quantity that matters), ○ CE dashed.
        axes.add(.markers(x, complete.map { $0.chargeCapacity * factor }, MarkerStyle(.square, color: vermillion),
                          joined: LineStyle(color: vermillion, width: 0.8), label: "Charge"))
        axes.add(.markers(x, complete.map { $0.dischargeCapacity * factor }, MarkerStyle(.circle, color: blue),
                          joined: LineStyle(color: blue, width: 0.8), label: "Discharge"))
        axes.add(.markers(x, complete.map { $0.coulombicEfficiency ?? .nan }, MarkerStyle(.circle, color: .black, filled: false),
                          joined: LineStyle(color: .black, width: 0.8, dash: [3, 2]), label: "Coulombic efficiency", axis: .right))
        // Room for the legend: capacities in the upper part of the left axis, CE near the top of the right
        // axis (the reference figure's choice: CE axis 97–100.5 %).
        let capacities = complete.flatMap { [$0.chargeCapacity * factor, $0.dischargeCapacity * factor] }
        if let lo = capacities.min(), let hi = capacities.max(), hi > lo {
            let layout = Ticks.linear(low: lo - 0.8 * (hi - lo), high: hi)
            axes.y.limits = (layout.lower, layout.upper)
        }
        let efficiencies = complete.compactMap(\.coulombicEfficiency)
        if let lo = efficiencies.min(), let hi = efficiencies.max(), hi <= 100.5, lo > 50 {
            let step = hi - lo < 2 ? 1.0 : 5.0
            axes.y2?.limits = ((lo / step).rounded(.down) * step - 2 * step, 100 + step / 2)
            axes.y2?.step = step
        }
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }

    /// Voltage against the half cycle's own capacity for every charge and discharge, coloured by cycle
    /// (viridis 0–0.85, one colour per cycle) with a discrete colour bar.
    static func profiles(_ analysis: CyclingAnalysis) -> Figure {
        let r = analysis.recording
        let halves = analysis.halfCycles
        let specific = analysis.mass != nil && analysis.cellType == .full
        let scale = specific ? Units.kilo / (analysis.mass! * Units.gramsPerKilogram) : Units.kilo // Ah → mAh (g⁻¹)
        let unit = specific ? "mAh g\u{207B}\u{00B9}" : "mAh"
        // Cycle number of each half cycle, from the analysis.
        var cycleOf = [Int](repeating: 1, count: halves.count)
        if let a = analysis.detail as? FullCellAnalysis {
            for c in a.cycles { for h in c.halves { cycleOf[h] = c.index } }
        } else {
            var cycle = 0
            for (k, h) in halves.enumerated() {
                if h.direction < 0 { cycle += 1 }
                cycleOf[k] = max(cycle, 1)
            }
        }
        let cycles = Array(Set(cycleOf)).sorted()
        // About ten cycles evenly spread, always the first and the last (the colour bar then spans the test).
        var shown = cycles.count > 12 ? stride(from: 0, to: cycles.count, by: Int((Double(cycles.count) / 10).rounded(.up))).map { cycles[$0] } : cycles
        if let last = cycles.last, shown.last != last { shown.append(last) }
        let colors = Colormap.viridis.discrete(shown.count)
        var axes = Axes(x: Axis("Capacity (\(unit))"), y: Axis("Voltage (V)"))
        for (k, half) in halves.enumerated() {
            guard let position = shown.firstIndex(of: cycleOf[k]) else { continue }
            var q = [0.0]
            for i in half.range.dropFirst() {
                q.append(q[q.count - 1] + abs(r.chargeIncrement(at: i)) * scale)
            }
            axes.add(.line(q, half.range.map { r.voltage[$0] }, color: colors[position]))
        }
        axes.colorbar = Colorbar(colors: colors, labels: shown.map(String.init), title: "Cycle number")
        axes.legend = .none
        return Figure(width: 3.4, height: 2.6, panels: [axes])
    }

    /// dQ/dV curves; discharge curves are −dQ/dV (peaks up). A single curve needs no legend.
    public static func dqdv(_ curves: [DifferentialCapacity]) -> Figure {
        let directions = Set(curves.map(\.direction))
        let quantity = directions == [-1] ? "\u{2212}dQ/dV" : directions == [1] ? "dQ/dV" : "|dQ/dV|"
        var axes = Axes(x: Axis("Voltage (V)"), y: Axis("\(quantity) (Ah V\u{207B}\u{00B9})"))
        for (k, c) in curves.enumerated() {
            axes.add(.line(c.voltage, c.dqdv, color: Color.palette[k % Color.palette.count],
                           label: curves.count > 1 ? "Cycle \(c.cycle) \(c.direction > 0 ? "charge" : "discharge")" : nil))
        }
        if curves.contains(where: { $0.dqdv.contains { $0 < 0 } }) {
            axes.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        }
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }
}
