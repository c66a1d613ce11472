import InterphaseCore
import InterphasePlot
import QuantumChemistry

/// Figures of the quantum-chemistry engine.
public enum QuantumChemistryFigures {
    /// The orbital-level chart of a screening, as SEI papers draw it: per species a short bar at the
    /// LUMO (blue) and at the HOMO (grey), the reduction reference as a dashed line across, and, when
    /// given, the published LUMO as an open marker beside ours. Energies in eV on the vacuum scale.
    public static func orbitalLevels(_ entries: [SEIScreening.Entry], reference: ReductionReference,
                                     published: [String: Double] = [:], showHOMO: Bool = true) -> Figure {
        let names = entries.map(\.name)
        var lumoX: [Double] = [], lumoY: [Double] = [], homoX: [Double] = [], homoY: [Double] = []
        var paperX: [Double] = [], paperY: [Double] = []
        for (k, e) in entries.enumerated() {
            let x = Double(k)
            if let l = e.lumoEV { lumoX += [x - 0.3, x + 0.3, .nan]; lumoY += [l, l, .nan] }
            if showHOMO, let h = e.homoEV { homoX += [x - 0.3, x + 0.3, .nan]; homoY += [h, h, .nan] }
            if let p = published[e.name] { paperX.append(x + 0.38); paperY.append(p) }
        }
        let levels = (lumoY + homoY + paperY + [reference.energyEV]).filter(\.isFinite)
        // Room below the lowest level for the legend (the levels are two-point segments, which the
        // "best" legend placement cannot see).
        let low = (levels.min() ?? -2) - 0.6 - 0.33 * ((levels.max() ?? 0) - (levels.min() ?? -2) + 1.2), high = (levels.max() ?? 0) + 0.6
        var x = Axis("")
        x.categories = names.map(chemicalSubscripts)
        var axes = Axes(x: x, y: Axis("Orbital energy (eV, vs vacuum)", limits: (low, high)))
        axes.series.append(.line(lumoX, lumoY, color: Color.palette[0], width: 2.2, label: "LUMO (Interphase)", decimate: false))
        if showHOMO, !homoX.isEmpty {
            axes.series.append(.line(homoX, homoY, color: Color(0.35, 0.35, 0.35), width: 2.2, label: "HOMO (Interphase)", decimate: false))
        }
        if !paperX.isEmpty {
            axes.series.append(.markers(paperX, paperY, MarkerStyle(.square, color: Color.palette[1], filled: false, size: 4.5),
                                        label: "LUMO (study)"))
        }
        axes.series.append(.line([-0.5, Double(names.count) - 0.5], [reference.energyEV, reference.energyEV], color: Color.palette[3],
                                 width: 1.2, dash: [5, 3], label: String(format: "μ(Li) = %.2f eV", reference.energyEV), decimate: false))
        axes.legend = .lowerRight
        return Figure(width: max(4.5, 0.9 * Double(names.count) + 1.4), height: 3.6, panels: [axes])
    }

    /// Formula digits as subscripts ("Li2CO3" → "Li₂CO₃"): a digit after a letter or ")" is a count.
    static func chemicalSubscripts(_ name: String) -> String {
        let subscripts: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        var out = "", previous: Character = " "
        for c in name {
            let counts = previous.isLetter || previous == ")" || subscripts.values.contains(previous)
            out.append(counts ? (subscripts[c] ?? c) : c)
            previous = out.last ?? c
        }
        return out
    }
}
