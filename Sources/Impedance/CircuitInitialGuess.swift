import Foundation
import InterphaseData

/// An initial guess for every parameter of a circuit from the spectrum's shape (`SpectrumFeatures`),
/// so that a fit needs no guess for the common circuits (R0-p(R1,C1), R0-p(R1,CPE1), Randles
/// R0-p(R1-W1,C1), two arcs, arcs with a finite Warburg, …).
///
/// The circuit is read left to right as users write it, high to low frequency:
/// - a top-level R takes the high-frequency intercept R∞ (shared equally when there are several);
/// - a top-level L or La the inductance from the highest-frequency point (1e-9 H when it is capacitive);
/// - each arc-making block — a `p(…)`, or a top-level K, G, Gs, Zarc or T — takes the next arc (width R,
///   apex f*; the tail, then the last arc at a tenth of its frequency, when the arcs run out): inside it,
///   resistances R, capacitances 1/(2πf*R), CPE Q = 1/(R(2πf*)^α) with α = 0.9 (from τ = (RQ)^(1/α) =
///   1/(2πf*)), time constants 1/(2πf*);
/// - Warburg elements (W, Wo, Ws) anywhere take the tail: Z₀ its width (or R∞'s arc), τ = 1/(2πf_min),
///   A_W = −Z″·√ω at the lowest frequency;
/// - a top-level C or CPE the blocking capacitance 1/(ω_min·(−Z″_min)).
/// Values are then moved strictly inside the bounds by the fit.
public enum CircuitInitialGuess {
    /// One value per circuit parameter, in circuit order and units.
    public static func estimate(_ circuit: Circuit, _ spectrum: ImpedanceSpectrum) -> [Double] {
        let features = SpectrumFeatures(spectrum)
        var values = [Double](repeating: 1, count: circuit.parameterCount)
        let top: [CircuitNode]
        if case let .series(nodes) = circuit.root { top = nodes } else { top = [circuit.root] }
        let bareResistors = top.filter { if case let .element(c) = $0 { return c.element.symbol == "R" } else { return false } }.count
        var arcIndex = 0
        let arcMaking: Set<String> = ["K", "G", "Gs", "Zarc", "T"]
        func nextArc() -> (width: Double, frequency: Double) {
            defer { arcIndex += 1 }
            if arcIndex < features.arcs.count { return (features.arcs[arcIndex].width, features.arcs[arcIndex].frequency) }
            if features.tailWidth > 0 && arcIndex == features.arcs.count {
                return (features.tailWidth, features.lowestFrequency * 10)
            }
            let last = features.arcs[features.arcs.count - 1]
            return (last.width, last.frequency / pow(10, Double(arcIndex - features.arcs.count + 1)))
        }
        for node in top {
            switch node {
            case let .element(component) where arcMaking.contains(component.element.symbol):
                let arc = nextArc()
                assign(component, resistance: arc.width, frequency: arc.frequency, features, &values)
            case let .element(component):
                assignBare(component, features, share: Double(Swift.max(1, bareResistors)), &values)
            case .parallel, .series:
                let arc = nextArc()
                for component in node.components {
                    assign(component, resistance: arc.width, frequency: arc.frequency, features, &values)
                }
            }
        }
        return values
    }

    /// An element inside an arc of width R (Ω) and apex frequency f (Hz).
    private static func assign(
        _ component: CircuitComponent, resistance r: Double, frequency f: Double, _ features: SpectrumFeatures,
        _ values: inout [Double]
    ) {
        if ["W", "Wo", "Ws"].contains(component.element.symbol) {
            assignDiffusion(component, features, fallbackWidth: r, &values)
            return
        }
        let omega = 2 * Double.pi * f
        for (k, parameter) in component.element.parameters.enumerated() {
            let value: Double
            switch parameter.role {
            case .resistance: value = r
            case .capacitance: value = 1 / (omega * r)
            case .cpeCoefficient: value = 1 / (r * pow(omega, 0.9))
            case .timeConstant: value = 1 / omega
            case .inductance, .modifiedInductance: value = features.inductance ?? 1e-9
            case .warburgCoefficient: value = r * omega.squareRoot()
            case let .dimensionless(typical): value = typical
            }
            values[component.firstParameter + k] = value
        }
    }

    /// W, Wo, Ws from the low-frequency tail.
    private static func assignDiffusion(
        _ component: CircuitComponent, _ features: SpectrumFeatures, fallbackWidth: Double, _ values: inout [Double]
    ) {
        let width = features.tailWidth > 0 ? features.tailWidth : fallbackWidth
        for (k, parameter) in component.element.parameters.enumerated() {
            let value: Double
            switch parameter.role {
            case .warburgCoefficient:
                value = features.lowestImaginary > 0
                    ? features.lowestImaginary * features.lowestOmega.squareRoot() : width * features.lowestOmega.squareRoot()
            case .timeConstant: value = 1 / features.lowestOmega
            default: value = width
            }
            values[component.firstParameter + k] = value
        }
    }

    /// A top-level element outside any arc.
    private static func assignBare(
        _ component: CircuitComponent, _ features: SpectrumFeatures, share: Double, _ values: inout [Double]
    ) {
        switch component.element.symbol {
        case "R":
            values[component.firstParameter] = Swift.max(features.highFrequencyResistance, 1e-6 * features.totalWidth) / share
        case "W", "Wo", "Ws":
            assignDiffusion(component, features, fallbackWidth: features.totalWidth, &values)
        case "C", "CPE":
            let blocking = features.lowestImaginary > 0 ? 1 / (features.lowestOmega * features.lowestImaginary) : 1
            values[component.firstParameter] = blocking
            if component.element.symbol == "CPE" { values[component.firstParameter + 1] = 0.9 }
        default:
            assign(component, resistance: features.totalWidth, frequency: features.lowestFrequency, features, &values)
        }
    }
}
