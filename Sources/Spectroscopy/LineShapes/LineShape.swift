import Foundation
import InterphaseCore

/// One peak shape: its parameters, its formula and how its FWHM and area follow from them, and the
/// function with its analytic gradient. Rows of `LineShape.all` (a table, not a switch): the fitter,
/// the figures and the component tables ask a row, never a name.
///
/// Every shape's first three parameters have the same roles — `center` (eV), then the intensity scale
/// (`area` in counts·eV for every shape with a finite area; `amplitude` for Doniach–Šunjić, whose tail
/// has no finite area), then a width (eV) — so constraints such as "shared FWHM" tie parameter 3 of
/// two components. The energy is binding energy: asymmetric tails go to higher binding energy.
public struct LineShape: Sendable {
    /// One parameter: its name (as in component tables and summary.json), unit and meaning.
    public struct Parameter: Sendable, Equatable {
        public let name: String
        public let unit: String
        public let meaning: String
        /// Default bounds a component gets unless it states its own.
        public let lower: Double
        public let upper: Double
        public init(_ name: String, _ unit: String, _ meaning: String, lower: Double = -.infinity, upper: Double = .infinity) {
            self.name = name
            self.unit = unit
            self.meaning = meaning
            self.lower = lower
            self.upper = upper
        }
    }

    /// f(x; p) and, when `gradient` is non-nil, ∂f/∂pⱼ written into gradient[0..<parameters.count].
    /// `p` points at this component's parameters.
    public typealias Evaluate = @Sendable (_ x: Double, _ p: UnsafePointer<Double>, _ gradient: UnsafeMutablePointer<Double>?) -> Double

    /// Id in component tables and on the command line (`gaussian`, `gl`, `voigt`).
    public let id: String
    public let name: String
    public let parameters: [Parameter]
    /// The formula, as documented (u = (x − center)/fwhm unless said otherwise).
    public let formula: String
    /// How the FWHM and the area relate to the parameters.
    public let widthAndArea: String
    /// Literature source of the shape.
    public let source: String
    public let evaluate: Evaluate
    /// The area ∫f dx over all x in closed form, or nil when it diverges or has none (then the area is
    /// integrated over the fitted window). - Units: counts·eV.
    public let area: @Sendable ([Double]) -> Double?
    /// The FWHM in closed form, or nil when it has none (then it is found numerically). - Units: eV.
    public let fwhm: @Sendable ([Double]) -> Double?

    public init(id: String, name: String, parameters: [Parameter], formula: String, widthAndArea: String, source: String,
                evaluate: @escaping Evaluate, area: @escaping @Sendable ([Double]) -> Double?,
                fwhm: @escaping @Sendable ([Double]) -> Double?) {
        self.id = id
        self.name = name
        self.parameters = parameters
        self.formula = formula
        self.widthAndArea = widthAndArea
        self.source = source
        self.evaluate = evaluate
        self.area = area
        self.fwhm = fwhm
    }

    /// f(x; p) for a parameter array.
    public func value(_ x: Double, _ p: [Double]) -> Double { p.withUnsafeBufferPointer { evaluate(x, $0.baseAddress!, nil) } }

    /// ∂f/∂p at x.
    public func gradient(_ x: Double, _ p: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: parameters.count)
        p.withUnsafeBufferPointer { pp in g.withUnsafeMutableBufferPointer { _ = evaluate(x, pp.baseAddress!, $0.baseAddress!) } }
        return g
    }

    /// The row with this id.
    /// - Throws: `.invalidParameter` listing the ids.
    public static func named(_ id: String) throws -> LineShape {
        guard let row = all.first(where: { $0.id == id.lowercased() }) else {
            throw InterphaseError(.invalidParameter, "unknown line shape '\(id)'", parameter: "shape",
                                  expected: all.map(\.id).joined(separator: ", "))
        }
        return row
    }

    /// The full width at half maximum: the closed form when there is one, else measured on the profile
    /// (maximum found on a fine grid, the two half-maximum crossings by bisection). - Units: eV.
    public func fullWidth(_ p: [Double]) -> Double {
        if let w = fwhm(p) { return w }
        let c = p[0], scale = Swift.max(Swift.abs(p[2]), 1e-6) + (parameters.count > 3 ? Swift.abs(p[3]) : 0)
        var peak = c, top = -Double.infinity
        for k in -400...400 {
            let x = c + Double(k) * scale / 200
            let v = value(x, p)
            if v > top { top = v; peak = x }
        }
        let half = top / 2
        func crossing(_ direction: Double) -> Double {
            var inside = peak, outside = peak + direction * scale
            while value(outside, p) > half { outside += direction * scale }
            for _ in 0..<80 {
                let mid = (inside + outside) / 2
                if value(mid, p) > half { inside = mid } else { outside = mid }
            }
            return (inside + outside) / 2
        }
        return crossing(1) - crossing(-1)
    }
}
