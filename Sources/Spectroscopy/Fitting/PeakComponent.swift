import InterphaseCore

/// One peak of a fit: its name (an assignment such as "C–O", or "Au 4f7/2"), its line shape, the
/// starting (or fixed) value of each shape parameter, its bounds, and which parameters are held fixed.
/// Constraints between components are `ParameterTie`s, not part of the component.
public struct PeakComponent: Sendable {
    public var name: String
    public var shape: LineShape
    /// One value per `shape.parameters`, in their order and units (center eV, area counts·eV, fwhm eV, …).
    public var values: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// Names of parameters held at `values` (e.g. `["m"]` for a GL(30) with m fixed).
    public var fixed: Set<String>

    /// A component at `center` with `area` and `fwhm`; further shape parameters take `extra`, or the
    /// shape's defaults (η = 0.5, m = 0.3, w_L = 0.2 eV, α = 0.05). Bounds default to the shape's.
    /// - Throws: `.invalidParameter` naming "name.parameter" when a value is not finite or is outside its bounds.
    public init(name: String, shape: LineShape, center: Double, area: Double, fwhm: Double, extra: [Double]? = nil,
                lower: [Double]? = nil, upper: [Double]? = nil, fixed: Set<String> = []) throws {
        let defaults: [String: Double] = ["eta": 0.5, "m": 0.3, "lorentzian_fwhm": 0.2, "alpha": 0.05]
        let rest = extra ?? shape.parameters.dropFirst(3).map { defaults[$0.name] ?? 0 }
        let values = [center, area, fwhm] + rest
        guard values.count == shape.parameters.count else {
            throw InterphaseError(.invalidParameter, "\(values.count) values for the \(shape.parameters.count) parameters of a \(shape.name)",
                                  parameter: name, expected: shape.parameters.map(\.name).joined(separator: ", "))
        }
        self.name = name
        self.shape = shape
        self.values = values
        self.lower = lower ?? shape.parameters.map(\.lower)
        self.upper = upper ?? shape.parameters.map(\.upper)
        self.fixed = fixed
        for name in fixed where !shape.parameters.contains(where: { $0.name == name }) {
            throw InterphaseError(.invalidParameter, "no parameter '\(name)' to fix in a \(shape.name)", parameter: "\(self.name).\(name)",
                                  expected: shape.parameters.map(\.name).joined(separator: ", "))
        }
        for (j, p) in shape.parameters.enumerated() {
            guard values[j].isFinite, self.lower[j] <= values[j], values[j] <= self.upper[j] else {
                throw InterphaseError(.invalidParameter, "value \(values[j]) \(p.unit) is not inside [\(self.lower[j]), \(self.upper[j])]",
                                      parameter: "\(self.name).\(p.name)")
            }
        }
    }

    /// The index of parameter `name` in `values`.
    public func index(of parameter: String) -> Int? { shape.parameters.firstIndex { $0.name == parameter } }
}
