import Foundation
import InterphaseData

/// An initial guess for every parameter of a circuit from the spectrum's shape (`SpectrumFeatures`),
/// so that a fit needs no guess for the common circuits (R0-p(R1,C1), R0-p(R1,CPE1), Randles
/// R0-p(R1-W1,C1), two arcs, arcs with a finite Warburg, …).
///
/// The circuit is read left to right as users write it, high to low frequency; each element's
/// `ElementBehaviour` (a registry column) says where its values come from:
/// - a top-level resistive element (R) takes the high-frequency intercept R∞ (shared equally when there
///   are several);
/// - a top-level inductive element (L, La) the inductance from the highest-frequency point (1e-9 H when
///   that point is capacitive), La's exponent 1;
/// - each arc-making block — a `p(…)`, or a top-level arc element (K, G, Gs, Zarc, T) — takes the next
///   arc (width R, apex f*; the tail, then the last arc at a tenth of its frequency, when the arcs run
///   out): inside it, resistances R, capacitances 1/(2πf*R), CPE Q = 1/(R(2πf*)^α) with α = 0.9 (from
///   τ = (RQ)^(1/α) = 1/(2πf*)), time constants 1/(2πf*), dimensionless parameters their typical value;
/// - diffusion elements (W, Wo, Ws) anywhere take the tail: Z₀ its width (or the block's arc width
///   without a tail), τ = 1/(2πf_min), A_W = −Z″·√ω at the lowest frequency;
/// - a top-level capacitive element (C, CPE) the blocking capacitance 1/(ω_min·(−Z″_min)).
/// Values are then moved strictly inside the bounds by the fit. `candidates` adds other assignments of
/// arcs to blocks.
public enum CircuitInitialGuess {
    /// An arc's width R (Ω) and apex frequency f (Hz), as assigned to one arc-making block.
    typealias Context = (width: Double, frequency: Double)

    /// One value per circuit parameter, in circuit order and units: the blocks take the detected arcs in
    /// circuit order (then the tail, then lower and lower frequencies).
    public static func estimate(_ circuit: Circuit, _ spectrum: ImpedanceSpectrum) -> [Double] {
        candidates(circuit, spectrum, limit: 1)[0]
    }

    /// Several guesses, `estimate`'s first: circuit order need not be frequency order (impedance.py's
    /// tutorial writes its low-frequency arc first), and an arc may show only as a shoulder. So besides
    /// the arcs-in-order guess, the blocks take every ordered choice of contexts from the pool — the
    /// detected arcs, the tail, and three frequencies at ¼, ½, ¾ of the measured decades with an equal
    /// share of the total width — up to `limit` guesses.
    public static func candidates(_ circuit: Circuit, _ spectrum: ImpedanceSpectrum, limit: Int = 24) -> [[Double]] {
        let features = SpectrumFeatures(spectrum)
        let top = topLevel(circuit)
        let blocks = top.filter(isArcMaking).count
        var natural: [Context] = []
        for index in 0..<blocks {
            if index < features.arcs.count {
                natural.append((features.arcs[index].width, features.arcs[index].frequency))
            } else if features.tailWidth > 0 && index == features.arcs.count {
                natural.append((features.tailWidth, features.lowestFrequency * 10))
            } else {
                let last = features.arcs[features.arcs.count - 1]
                natural.append((last.width, last.frequency / pow(10, Double(index - features.arcs.count + 1))))
            }
        }
        var result = [assign(circuit, top, natural, features)]
        guard blocks > 0 && limit > 1 else { return result }
        var pool: [Context] = features.arcs.map { ($0.width, $0.frequency) }
        if features.tailWidth > 0 { pool.append((features.tailWidth, features.lowestFrequency * 10)) }
        let decades = Foundation.log10(features.highestFrequency / features.lowestFrequency)
        for q in [0.75, 0.5, 0.25] {
            pool.append((features.totalWidth / Double(blocks + 1), features.lowestFrequency * pow(10, q * decades)))
        }
        // Ordered choices of `blocks` distinct pool entries, in lexicographic order.
        var chosen: [Int] = []
        func extend() {
            if result.count >= limit { return }
            if chosen.count == blocks {
                let guess = assign(circuit, top, chosen.map { pool[$0] }, features)
                if !result.contains(guess) { result.append(guess) }
                return
            }
            for k in pool.indices where !chosen.contains(k) {
                chosen.append(k)
                extend()
                chosen.removeLast()
            }
        }
        extend()
        return result
    }

    private static func topLevel(_ circuit: Circuit) -> [CircuitNode] {
        if case let .series(nodes) = circuit.root { return nodes }
        return [circuit.root]
    }

    /// A `p(…)` (or a nested series), or a top-level K, G, Gs, Zarc or T: something that makes an arc.
    private static func isArcMaking(_ node: CircuitNode) -> Bool {
        if case let .element(component) = node { return component.element.behaviour == .arc }
        return true
    }

    /// The guess with block b taking `contexts[b]`.
    private static func assign(
        _ circuit: Circuit, _ top: [CircuitNode], _ contexts: [Context], _ features: SpectrumFeatures
    ) -> [Double] {
        var values = [Double](repeating: 1, count: circuit.parameterCount)
        let bareResistors = top.filter { if case let .element(c) = $0 { return c.element.behaviour == .resistive } else { return false } }.count
        var block = 0
        for node in top {
            if isArcMaking(node) {
                let context = contexts[block]
                block += 1
                for component in node.components {
                    assign(component, resistance: context.width, frequency: context.frequency, features, &values)
                }
            } else if case let .element(component) = node {
                assignBare(component, features, share: Double(Swift.max(1, bareResistors)), &values)
            }
        }
        return values
    }

    /// An element inside an arc of width R (Ω) and apex frequency f (Hz).
    private static func assign(
        _ component: CircuitComponent, resistance r: Double, frequency f: Double, _ features: SpectrumFeatures,
        _ values: inout [Double]
    ) {
        if component.element.behaviour == .diffusion {
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
        switch component.element.behaviour {
        case .resistive:
            for k in component.element.parameters.indices {
                values[component.firstParameter + k] = Swift.max(features.highFrequencyResistance, 1e-6 * features.totalWidth) / share
            }
        case .diffusion:
            assignDiffusion(component, features, fallbackWidth: features.totalWidth, &values)
        case .capacitive:
            // The blocking capacitance 1/(ω_min·(−Z″_min)); a CPE with its typical exponent.
            let blocking = features.lowestImaginary > 0 ? 1 / (features.lowestOmega * features.lowestImaginary) : 1
            for (k, parameter) in component.element.parameters.enumerated() {
                if case let .dimensionless(typical) = parameter.role {
                    values[component.firstParameter + k] = typical
                } else {
                    values[component.firstParameter + k] = blocking
                }
            }
        case .inductive, .arc:
            assign(component, resistance: features.totalWidth, frequency: features.lowestFrequency, features, &values)
        }
    }
}
