/// The typed tree of an equivalent circuit: elements combined in series (Z = Σ Zₖ) and in parallel
/// (1/Z = Σ 1/Zₖ). Built by `CircuitParser` from impedance.py's syntax; never evaluated as text.
public indirect enum CircuitNode: Sendable, Equatable {
    /// One element, e.g. `CPE1`.
    case element(CircuitComponent)
    /// `a-b-…`: impedances add.
    case series([CircuitNode])
    /// `p(a,b,…)`: admittances add.
    case parallel([CircuitNode])

    /// The elements in the order they appear in the string.
    public var components: [CircuitComponent] {
        switch self {
        case let .element(component): return [component]
        case let .series(nodes), let .parallel(nodes): return nodes.flatMap(\.components)
        }
    }

    /// The tree back in impedance.py's syntax (`R0-p(R1,C1)`), spaces removed.
    public var text: String {
        switch self {
        case let .element(component): return component.name
        case let .series(nodes): return nodes.map(\.text).joined(separator: "-")
        case let .parallel(nodes): return "p(" + nodes.map(\.text).joined(separator: ",") + ")"
        }
    }
}
