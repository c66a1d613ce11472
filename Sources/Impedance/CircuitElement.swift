import InterphaseNumerics

/// One kind of circuit element (R, C, CPE, Wo, …): its symbol as impedance.py writes it, its parameters,
/// the formula and its source, and its impedance with the analytic derivative with respect to each
/// parameter at an angular frequency ω = 2πf (rad/s).
///
/// The kinds are rows of `CircuitElements.all`; a circuit string refers to them by symbol.
public struct CircuitElement: Sendable, Equatable {
    /// The element's parameters p (0-based), viewed without copying out of the circuit's vector.
    public struct Parameters {
        let values: ArraySlice<Double>
        init(_ values: ArraySlice<Double>) { self.values = values }
        /// Parameter k of this element.
        public subscript(k: Int) -> Double { values[values.startIndex + k] }
    }

    /// Where an element writes ∂Z/∂pₖ: slot k of its own parameters inside the circuit's gradient, so a
    /// circuit evaluation allocates nothing per element and frequency.
    public struct Derivatives {
        var storage: [DoubleComplex]
        let base: Int
        /// ∂Z/∂pₖ for the element's parameter k.
        public subscript(k: Int) -> DoubleComplex {
            get { storage[base + k] }
            set { storage[base + k] = newValue }
        }
    }

    /// Z(p, ω) (Ω), writing ∂Z/∂pₖ for each parameter (Ω per parameter unit) into the third argument.
    public typealias Evaluation = @Sendable (Parameters, Double, inout Derivatives) -> DoubleComplex

    /// The symbol in circuit strings ("R", "CPE", "Wo").
    public let symbol: String
    /// What it is, in words.
    public let title: String
    /// The impedance formula, as text.
    public let formula: String
    /// Where the formula comes from.
    public let reference: String
    /// Its parameters in order.
    public let parameters: [ElementParameter]
    /// How it shows in a spectrum (for the automatic initial guess).
    public let behaviour: ElementBehaviour
    /// Z and its parameter derivatives.
    public let evaluate: Evaluation

    public init(
        _ symbol: String, title: String, formula: String, reference: String, behaviour: ElementBehaviour,
        parameters: [ElementParameter], evaluate: @escaping Evaluation
    ) {
        self.symbol = symbol
        self.title = title
        self.formula = formula
        self.reference = reference
        self.parameters = parameters
        self.behaviour = behaviour
        self.evaluate = evaluate
    }

    /// Z at angular frequency ω (rad/s) for the element's parameters `p` (their units; see `parameters`).
    public func impedance(_ p: [Double], omega: Double) -> DoubleComplex {
        var sink = Derivatives(storage: [DoubleComplex](repeating: .zero, count: parameters.count), base: 0)
        return evaluate(Parameters(p[...]), omega, &sink)
    }

    /// ∂Z/∂pₖ at ω for each parameter.
    public func derivatives(_ p: [Double], omega: Double) -> [DoubleComplex] {
        var sink = Derivatives(storage: [DoubleComplex](repeating: .zero, count: parameters.count), base: 0)
        _ = evaluate(Parameters(p[...]), omega, &sink)
        return sink.storage
    }

    /// Elements are the same kind when their symbols are.
    public static func == (a: CircuitElement, b: CircuitElement) -> Bool { a.symbol == b.symbol }
}
