/// One element of a parsed circuit: its kind from the registry, its name as written (`Wo1`), where it
/// starts in the circuit string, and where its parameters start in the circuit's parameter vector.
public struct CircuitComponent: Sendable, Equatable {
    /// The element kind (registry row).
    public let element: CircuitElement
    /// The name as written: symbol + index, e.g. "CPE1".
    public let name: String
    /// 1-based character position of the name in the circuit string.
    public let position: Int
    /// Index of the element's first parameter in `Circuit.parameterNames`.
    public let firstParameter: Int

    /// impedance.py's parameter names: the element name for a one-parameter element (`R0`), otherwise
    /// name_k (`Wo1_0`, `Wo1_1`).
    public var parameterNames: [String] {
        element.parameters.count == 1 ? [name] : element.parameters.indices.map { "\(name)_\($0)" }
    }
}
