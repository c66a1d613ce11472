import Foundation
import Impedance
import InterphaseCore
import InterphaseData
import InterphaseNumerics
import InterphasePlot

/// The figures of impedance analyses in the house style (the reference `nyquist` figure of
/// `shared/design/figures`): a Nyquist plot with equal axes and −Z″ up, beside Bode |Z| and −phase
/// panels; open circles for measured points, grey for points not fitted (the legend says why), the fit
/// as a vermillion line through 400 log-spaced frequencies over the fitted range; R_e and R_i against
/// time for a series.
public enum ImpedanceFigures {
    static let blue = Color.palette[0], vermillion = Color.palette[1], green = Color.palette[2]

    /// Nyquist (a), |Z| (b) and −phase (c) of one spectrum with its fit (7.0 × 2.9 in).
    public static func nyquistBode(_ outcome: SpectrumFitOutcome, excludedReason: String? = nil) -> Figure {
        let s = outcome.spectrum
        let used = Set(outcome.fitted.map { fitted in
            s.frequency.indices.filter { k in fitted.frequency.contains(s.frequency[k]) }
        } ?? Array(s.frequency.indices))
        let kept = s.frequency.indices.filter { used.contains($0) }, dropped = s.frequency.indices.filter { !used.contains($0) }
        var line: (f: [Double], z: [DoubleComplex])?
        if let fit = outcome.fit, let fitted = outcome.fitted, let lo = fitted.frequency.min(), let hi = fitted.frequency.max(), hi > lo {
            let f = (0..<400).map { pow(10, log10(lo) + (log10(hi) - log10(lo)) * Double($0) / 399) }
            if let z = try? fit.predicted(f) { line = (f, z) }
        }
        let scale = ResistanceScale(largest: (s.real + s.imaginary).map(\.magnitude).max() ?? 1)
        let marker = MarkerStyle(.circle, color: blue, filled: false)
        let grey = MarkerStyle(.circle, color: .grey, filled: false)
        let reason = excludedReason ?? "Not fitted"

        var nyquist = Axes(x: Axis("Z\u{2032} (\(scale.unit))"), y: Axis("\u{2212}Z\u{2033} (\(scale.unit))"))
        nyquist.equalAspect = true
        nyquist.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        nyquist.add(.markers(kept.map { s.real[$0] * scale.factor }, kept.map { -s.imaginary[$0] * scale.factor }, marker, label: "Data"))
        if !dropped.isEmpty {
            nyquist.add(.markers(dropped.map { s.real[$0] * scale.factor }, dropped.map { -s.imaginary[$0] * scale.factor }, grey,
                                 label: reason))
        }
        if let line {
            nyquist.add(.line(line.z.map { $0.re * scale.factor }, line.z.map { -$0.im * scale.factor }, color: vermillion, label: "Fit"))
        }
        nyquist.legend = .upperLeft
        nyquist.panelLetter = "a"

        let frequency = Axis("Frequency (Hz)", scale: .log)
        var modulus = Axes(x: frequency, y: Axis("|Z| (\(scale.unit))"))
        modulus.x.showTickLabels = false
        modulus.x.label = ""
        var phase = Axes(x: frequency, y: Axis("\u{2212}Phase (\u{00B0})"))
        func mod(_ k: Int) -> Double { (s.real[k] * s.real[k] + s.imaginary[k] * s.imaginary[k]).squareRoot() * scale.factor }
        func negPhase(_ k: Int) -> Double { -atan2(s.imaginary[k], s.real[k]) * 180 / .pi }
        modulus.add(.markers(kept.map { s.frequency[$0] }, kept.map(mod), marker))
        phase.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        phase.add(.markers(kept.map { s.frequency[$0] }, kept.map(negPhase), marker))
        if !dropped.isEmpty {
            modulus.add(.markers(dropped.map { s.frequency[$0] }, dropped.map(mod), grey))
            phase.add(.markers(dropped.map { s.frequency[$0] }, dropped.map(negPhase), grey))
        }
        // Angles in steps of 30° when the phase spans enough for four such ticks (the style rule), else
        // the automatic 1-2-5 steps.
        let phases = s.frequency.indices.map(negPhase)
        if let lo = phases.min(), let hi = phases.max(), hi - lo >= 60 { phase.y.step = 30 }
        if let line {
            modulus.add(.line(line.f, line.z.map { $0.magnitude * scale.factor }, color: vermillion))
            phase.add(.line(line.f, line.z.map { -atan2($0.im, $0.re) * 180 / .pi }, color: vermillion))
        }
        modulus.legend = .none
        phase.legend = .none
        modulus.panelLetter = "b"
        phase.panelLetter = "c"
        var figure = Figure(width: 7.0, height: 2.9, rows: 2, columns: 2, panels: [nyquist, modulus, phase])
        figure.columnWeights = [1.0, 1.3]
        figure.placements = [PanelPlacement(row: 0, column: 0, rowSpan: 2), PanelPlacement(row: 0, column: 1),
                             PanelPlacement(row: 1, column: 1)]
        return figure
    }

    /// R_e and R_i of every fitted spectrum of a series against time (h) — or against the sweep number
    /// when the spectra carry no time — from the circuit (filled markers) and from the arc (open), one
    /// panel each (3.4 × 4.0 in).
    public static func resistanceSeries(_ outcomes: [SpectrumFitOutcome]) -> Figure {
        let timed = outcomes.allSatisfy { $0.spectrum.time?.first != nil }
        func x(_ o: SpectrumFitOutcome) -> Double {
            timed ? o.spectrum.time![0] / Units.secondsPerHour : Double(o.spectrum.loop)
        }
        let xAxis = timed ? Axis("Time (h)") : Axis("Spectrum", integer: true)
        let largest = outcomes.compactMap { $0.resistances?.interfacial ?? $0.arc?.interfacialResistance }.max() ?? 1
        let scale = ResistanceScale(largest: largest)
        /// Circuit values whose resistor ended on a bound are drawn grey: the data do not determine them.
        func panel(_ label: String, _ circuit: (SpectrumFitOutcome) -> Double?, _ parameters: (CircuitResistances) -> [String],
                   _ arc: (SpectrumFitOutcome) -> Double?) -> Axes {
            var axes = Axes(x: xAxis, y: Axis("\(label) (\(scale.unit))"))
            func atBound(_ o: SpectrumFitOutcome) -> Bool {
                guard let fit = o.fit, let r = o.resistances else { return false }
                return !Set(parameters(r)).isDisjoint(with: fit.parametersAtBounds)
            }
            let c = outcomes.filter { circuit($0) != nil && !atBound($0) }, bound = outcomes.filter { circuit($0) != nil && atBound($0) }
            let a = outcomes.filter { arc($0) != nil }
            if !c.isEmpty {
                axes.add(.markers(c.map(x), c.map { circuit($0)! * scale.factor }, MarkerStyle(.circle, color: blue), label: "Circuit fit"))
            }
            if !bound.isEmpty {
                axes.add(.markers(bound.map(x), bound.map { circuit($0)! * scale.factor }, MarkerStyle(.circle, color: .grey),
                                  label: "At a bound (not determined)"))
            }
            if !a.isEmpty {
                axes.add(.markers(a.map(x), a.map { arc($0)! * scale.factor }, MarkerStyle(.square, color: vermillion, filled: false),
                                  label: "Arc (model-free)"))
            }
            axes.legend = .best
            return axes
        }
        var re = panel("R\u{2091}", { $0.resistances?.electrolyte }, \.electrolyteParameters, { $0.arc?.electrolyteResistance })
        var ri = panel("R\u{1D62}", { $0.resistances?.interfacial }, \.interfacialParameters, { $0.arc?.interfacialResistance })
        re.x.showTickLabels = false
        re.x.label = ""
        re.panelLetter = "a"
        ri.panelLetter = "b"
        return Figure(width: 3.4, height: 4.0, rows: 2, columns: 1, panels: [re, ri])
    }

    /// Lin-KK residuals (Z − Ẑ)/|Z| in % against frequency, real (●) and imaginary (■), with a grey
    /// zero line (3.4 × 2.5 in): the plot impedance.py's `plot_residuals` draws.
    public static func kkResiduals(_ result: LinKKResult) -> Figure {
        var axes = Axes(x: Axis("Frequency (Hz)", scale: .log), y: Axis("Residual (%)"))
        axes.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        axes.add(.markers(result.frequency, result.realResiduals.map { $0 * 100 }, MarkerStyle(.circle, color: blue),
                          joined: LineStyle(color: blue, width: 0.8), label: "\u{0394}Re"))
        axes.add(.markers(result.frequency, result.imaginaryResiduals.map { $0 * 100 }, MarkerStyle(.square, color: vermillion),
                          joined: LineStyle(color: vermillion, width: 0.8), label: "\u{0394}Im"))
        // Symmetric limits at a round value (1, 2 or 5 × 10ⁿ) above the largest residual.
        let largest = max(result.maximumResidual * 100, 0.1) * 1.2
        let decade = pow(10, floor(log10(largest)))
        let limit = ([1.0, 2, 5, 10].first { $0 * decade >= largest } ?? 10) * decade
        axes.y.limits = (-limit, limit)
        axes.legend = .upperLeft
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }

    /// γ(τ) against τ (log axis) with the peaks marked (3.4 × 2.5 in).
    public static func drt(_ result: DRTResult) -> Figure {
        let scale = ResistanceScale(largest: result.gamma.max() ?? 1)
        var axes = Axes(x: Axis("\u{03C4} (s)", scale: .log), y: Axis("\u{03B3} (\(scale.unit))"))
        axes.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        axes.add(.line(result.fineTau, result.gamma.map { $0 * scale.factor }, color: blue, label: "DRT"))
        if !result.peaks.isEmpty {
            axes.add(.markers(result.peaks.map(\.tau), result.peaks.map { $0.gamma * scale.factor },
                              MarkerStyle(.circle, color: vermillion, filled: false), label: "Peaks"))
        }
        axes.legend = .upperLeft
        return Figure(width: 3.4, height: 2.5, panels: [axes])
    }
}
