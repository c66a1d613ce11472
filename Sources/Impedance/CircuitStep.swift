/// One instruction of a circuit's evaluation program: the tree in postfix order (children before their
/// node), so that `Circuit` evaluates Z and its gradient with a small stack instead of recursing through
/// the tree and copying its components at every frequency.
enum CircuitStep: Sendable {
    /// Evaluate an element whose parameters are `first..<first + count`; push its Z.
    case element(CircuitElement.Evaluation, first: Int, count: Int)
    /// Replace the top `count` impedances by their sum.
    case series(Int)
    /// Replace the top `count` impedances by the inverse of their admittances' sum.
    case parallel(Int)

    /// The postfix program of `node`. Parameters are numbered left to right, so each subtree's
    /// parameters are contiguous and a node's range runs from its first child's to its last child's.
    static func program(_ node: CircuitNode) -> [CircuitStep] {
        switch node {
        case let .element(component):
            return [.element(component.element.evaluate, first: component.firstParameter, count: component.element.parameters.count)]
        case let .series(nodes):
            return nodes.flatMap(program) + [.series(nodes.count)]
        case let .parallel(nodes):
            return nodes.flatMap(program) + [.parallel(nodes.count)]
        }
    }
}
