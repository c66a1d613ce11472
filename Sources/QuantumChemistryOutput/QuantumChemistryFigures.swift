import Foundation
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
                                 width: 1.2, dash: [5, 3], label: String(format: "μ(Li) = %.2f eV", reference.energyEV).replacingOccurrences(of: "-", with: "−"), decimate: false))
        axes.legend = .lowerRight
        return Figure(width: max(4.5, 0.9 * Double(names.count) + 1.4), height: 3.6, panels: [axes])
    }

    /// The electrostatic potential on the isodensity surface as a map of the directions seen from the
    /// molecule's centre (longitude × latitude, equirectangular), coloured red (negative) → white →
    /// blue (positive) on a range symmetric about zero, in kcal/mol, with each atom's direction marked by
    /// its label and the `labelled` most positive and most negative local extrema marked and valued.
    public static func electrostaticMap(_ surface: ElectrostaticSurface, molecule: Molecule, labelled: Int = 3) -> Figure {
        let scale = Units.hartreeToKilocaloriePerMole
        let values = surface.potential.map { $0 * scale }
        let limit = max(values.map(abs).max() ?? 1, 1e-6)
        var axes = Axes(x: Axis("Longitude (°)", limits: (-180, 180), step: 60), y: Axis("Latitude (°)", limits: (-90, 90), step: 30))
        axes.series.append(.image(values, columns: surface.longitudes, rows: surface.latitudes, x: -180...180, y: -90...90,
                                  colormap: .redWhiteBlue, range: -limit...limit))
        axes.equalAspect = true
        axes.legend = .none
        axes.colorbar = Colorbar(colormap: .redWhiteBlue, range: -limit...limit, title: "ESP (kcal/mol)")
        func label(_ k: Int) -> String { "\(molecule.atoms[k].element.symbol)\(k + 1)" }
        // Each atom's direction from the centre, labelled unless an atom farther out lies within 15° of
        // it (the outer one is what the surface shows there).
        let directions = molecule.atoms.map { atom -> (SIMD3<Double>, Double) in
            let d = atom.position - surface.centre
            let r = (d * d).sum().squareRoot()
            return (r > 1e-6 ? d / r : SIMD3(0, 0, 1), r)
        }
        for (k, (u, r)) in directions.enumerated() where r > 1e-6 {
            let hidden = directions.indices.contains { m in m != k && directions[m].1 > r && (directions[m].0 * u).sum() > cos(15 * Double.pi / 180) }
            guard !hidden else { continue }
            let latitude = asin(max(-1, min(1, u.z))) * 180 / .pi, longitude = atan2(u.y, u.x) * 180 / .pi
            axes.decorations.append(.text(label(k), x: longitude, y: latitude, size: 6.5, color: Color(0.25, 0.25, 0.25)))
        }
        let marked = Array(surface.maxima.prefix(labelled)) + Array(surface.minima.prefix(labelled))
        axes.series.append(.markers(marked.map(\.longitude), marked.map(\.latitude), MarkerStyle(.circle, color: .black, filled: false, size: 3.5)))
        for e in marked {
            let site = e.bondedTo.map { "\(label(e.atom))–\(label($0))" } ?? label(e.atom)
            // Kept inside the frame (the label is about 60° wide).
            let value = String(format: "%+.1f", e.potential * scale).replacingOccurrences(of: "-", with: "−")
            axes.decorations.append(.text("\(site) \(value)", x: min(max(e.longitude, -148), 148),
                                          y: max(e.latitude - 9, -86), size: 6.5, color: .black))
        }
        return Figure(width: 6.4, height: 3.0, panels: [axes])
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
