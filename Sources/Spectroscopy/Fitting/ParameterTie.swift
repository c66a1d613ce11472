/// A constraint between components as parameter tying: target = scale · source + offset. The target
/// is not fitted; its value and standard error follow the source's. This expresses the usual XPS
/// constraints without evaluating strings:
/// - shared FWHM: `ParameterTie.sameWidth("C–O", as: "C–C")` (scale 1, offset 0 on `fwhm`);
/// - fixed offset between components: `.offset("Au 4f5/2", from: "Au 4f7/2", by: 3.67)` on `center`;
/// - area ratio (spin–orbit 4:3): `.areaRatio("Au 4f5/2", to: "Au 4f7/2", 0.75)` on `area`.
public struct ParameterTie: Sendable, Equatable {
    /// A parameter of a named component.
    public struct Reference: Sendable, Hashable, CustomStringConvertible {
        public let component: String
        public let parameter: String
        public init(_ component: String, _ parameter: String) {
            self.component = component
            self.parameter = parameter
        }
        public var description: String { "\(component).\(parameter)" }
    }

    public let target: Reference
    public let source: Reference
    public let scale: Double
    public let offset: Double

    public init(_ target: Reference, to source: Reference, scale: Double = 1, offset: Double = 0) {
        self.target = target
        self.source = source
        self.scale = scale
        self.offset = offset
    }

    public static func sameWidth(_ target: String, as source: String, parameter: String = "fwhm") -> ParameterTie {
        ParameterTie(Reference(target, parameter), to: Reference(source, parameter))
    }

    /// center(target) = center(source) + eV.
    public static func offset(_ target: String, from source: String, by eV: Double) -> ParameterTie {
        ParameterTie(Reference(target, "center"), to: Reference(source, "center"), offset: eV)
    }

    /// area(target) = ratio · area(source).
    public static func areaRatio(_ target: String, to source: String, _ ratio: Double) -> ParameterTie {
        ParameterTie(Reference(target, "area"), to: Reference(source, "area"), scale: ratio)
    }

    /// Human-readable form for summaries ("C–O.fwhm = C–C.fwhm", "b.center = a.center + 3.67").
    public var description: String {
        var s = "\(target) = " + (scale == 1 ? "" : "\(scale) × ") + "\(source)"
        if offset != 0 { s += offset > 0 ? " + \(offset)" : " − \(-offset)" }
        return s
    }
}
