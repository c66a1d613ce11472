import InterphasePlot
import InterphaseData
import Spectroscopy

/// XPS figures as papers draw them: binding energy decreasing to the right, the data as open points,
/// each component filled in its own colour on the background (legend: components, data, envelope), the
/// background as a grey line, the envelope in vermillion, and the residual (data − envelope) in a panel below sharing the x axis.
public enum XPSFigures {
    static let data = Color(hex: "#0072B2"), envelope = Color(hex: "#D55E00")
    /// Component fills: the Okabe–Ito colours other than the data's blue and the envelope's vermillion, then grey.
    static let fills = ["#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#999999", "#000000"].map { Color(hex: $0) }

    public static func fit(_ r: PeakFitResult) -> Figure {
        let base = r.intensity == .countsPerSecond ? "counts s\u{207B}\u{00B9}" : r.intensity == .counts ? "counts" : "a.u."
        // No ×10ⁿ multiplier on the axis (style rule 6): large intensities are drawn in thousands.
        let factor = (r.y.max() ?? 0) >= 10_000 ? 1e-3 : 1.0
        let unit = factor == 1 ? base : "10\u{00B3} " + base
        let scale: ([Double]) -> [Double] = { $0.map { $0 * factor } }
        var x = Axis("Binding energy (eV)")
        x.reversed = true
        x.limits = (r.x.first ?? 0, r.x.last ?? 1)
        var top = Axes(x: x, y: Axis("Intensity (\(unit))"))
        top.x.showTickLabels = false
        top.x.label = ""
        for (k, c) in r.components.enumerated() {
            let upper = zip(r.background, c.curve).map { ($0 + $1) * factor }
            top.add(.area(r.x, upper, base: scale(r.background), color: fills[k % fills.count], opacity: 0.45, label: c.name))
        }
        top.add(.line(r.x, scale(r.background), color: .grey, width: 1.0))
        top.add(.markers(r.x, scale(r.y), MarkerStyle(.circle, color: data, filled: false, size: 2.5, edgeWidth: 0.6), label: "Data"))
        top.add(.line(r.x, scale(r.envelope), color: envelope, width: 1.0, label: "Envelope"))
        top.legend = .upperLeft
        var bottom = Axes(x: x, y: Axis("Residual"))
        bottom.add(.horizontalLine(y: 0, color: .grey, width: 0.5))
        bottom.add(.line(r.x, scale(r.residuals), color: data, width: 0.8))
        bottom.legend = .none
        var figure = Figure(width: 3.4, height: 2.9, rows: 2, columns: 1, panels: [top, bottom])
        figure.rowWeights = [3.2, 1]
        return figure
    }
}
