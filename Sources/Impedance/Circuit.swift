import Foundation
import InterphaseCore
import InterphaseNumerics

/// An equivalent circuit parsed from impedance.py's syntax, e.g. `R0-p(R1,CPE1)-p(R2-Wo1,C2)`, with its
/// parameters in the order impedance.py uses (elements left to right, each element's parameters in
/// registry order) and named as impedance.py names them (`R0`, `CPE1_0`, `CPE1_1`).
///
/// Z(ω) is computed from the tree: series impedances add, parallel admittances add. Its derivative with
/// respect to a parameter pₖ of element e follows by the chain rule through the tree: in series
/// ∂Z/∂pₖ = ∂Z_e/∂pₖ; through a parallel node of impedance Z with branch Z_b containing e,
/// ∂Z/∂pₖ = (Z/Z_b)² ∂Z_b/∂pₖ (from ∂(1/Z) = ∂(1/Z_b)).
public struct Circuit: Sendable, Equatable {
    /// The circuit as given.
    public let text: String
    /// Its tree.
    public let root: CircuitNode
    /// Its elements, left to right.
    public let components: [CircuitComponent]
    /// Every parameter's name (`R0`, `Wo1_0`, …).
    public let parameterNames: [String]
    /// The tree in postfix order, for evaluation without recursion or copies of the components.
    private let program: [CircuitStep]

    /// Parses `text`.
    /// - Throws: `.invalidParameter` (parameter "circuit") naming the 1-based character position of an
    ///   unknown element, a missing or bad index, a repeated element, or an unbalanced parenthesis.
    public init(_ text: String) throws {
        self.text = text
        root = try CircuitParser.parse(text)
        components = root.components
        parameterNames = components.flatMap(\.parameterNames)
        program = CircuitStep.program(root)
    }

    /// Circuits are equal when their trees are.
    public static func == (a: Circuit, b: Circuit) -> Bool { a.root == b.root }

    /// Number of parameters.
    public var parameterCount: Int { parameterNames.count }

    /// Each parameter's unit (impedance.py's unit strings).
    public var parameterUnits: [String] { components.flatMap { $0.element.parameters.map(\.unit) } }

    /// Each parameter's description (its element parameter).
    public var parameters: [ElementParameter] { components.flatMap(\.element.parameters) }

    /// impedance.py's default lower bounds (0 for every parameter).
    public var defaultLowerBounds: [Double] { parameters.map(\.lowerBound) }

    /// impedance.py's default upper bounds (∞, 1 for CPE and La exponents).
    public var defaultUpperBounds: [Double] { parameters.map(\.upperBound) }

    /// The index of parameter `name`, or of a one-parameter element's only parameter under either of
    /// impedance.py's spellings (`R0` or `R0_0`).
    public func parameterIndex(_ name: String) -> Int? {
        if let k = parameterNames.firstIndex(of: name) { return k }
        if name.hasSuffix("_0"), let k = parameterNames.firstIndex(of: String(name.dropLast(2))) { return k }
        return nil
    }

    /// Z at each frequency (Hz) for the full parameter vector.
    /// - Throws: `.invalidParameter` when `parameters` does not have `parameterCount` values.
    public func impedance(_ parameters: [Double], frequencies: [Double]) throws -> [DoubleComplex] {
        try checkCount(parameters)
        var scratch = [DoubleComplex](repeating: .zero, count: parameterCount)
        return frequencies.map { run(parameters, 2 * Double.pi * $0, &scratch) }
    }

    /// Z at frequency f (Hz) and ∂Z/∂pₖ for every parameter (written into `gradient`, which must hold
    /// `parameterCount` values).
    public func impedance(_ parameters: [Double], frequency: Double, gradient: inout [DoubleComplex]) -> DoubleComplex {
        precondition(parameters.count == parameterCount && gradient.count == parameterCount)
        return run(parameters, 2 * Double.pi * frequency, &gradient)
    }

    func checkCount(_ parameters: [Double]) throws {
        guard parameters.count == parameterCount else {
            throw InterphaseError(
                .invalidParameter,
                "\(parameters.count) values for the \(parameterCount) parameters of \(text) (\(parameterNames.joined(separator: ", ")))",
                parameter: "circuit")
        }
    }

    /// Z at ω of the whole circuit, by the postfix program on a stack of (Z, parameter range) entries;
    /// derivatives are written into `gradient` and rescaled at each parallel node.
    private func run(_ p: [Double], _ omega: Double, _ gradient: inout [DoubleComplex]) -> DoubleComplex {
        withUnsafeTemporaryAllocation(of: (DoubleComplex, Int, Int).self, capacity: program.count) { stack in
            var top = 0
            for step in program {
                switch step {
                case let .element(evaluate, first, count):
                    // Lend the gradient's storage to the element (swap, no copy) and take it back.
                    var sink = CircuitElement.Derivatives(storage: [], base: first)
                    swap(&sink.storage, &gradient)
                    let z = evaluate(CircuitElement.Parameters(p[first..<(first + count)]), omega, &sink)
                    swap(&sink.storage, &gradient)
                    stack[top] = (z, first, first + count)
                    top += 1
                case let .series(count):
                    var sum = DoubleComplex.zero
                    for k in (top - count)..<top { sum += stack[k].0 }
                    let lower = stack[top - count].1, upper = stack[top - 1].2
                    top -= count
                    stack[top] = (sum, lower, upper)
                    top += 1
                case let .parallel(count):
                    var admittance = DoubleComplex.zero
                    for k in (top - count)..<top { admittance += stack[k].0.reciprocal }
                    let z = admittance.reciprocal
                    for k in (top - count)..<top {
                        let ratio = z / stack[k].0
                        let factor = ratio * ratio
                        for j in stack[k].1..<stack[k].2 { gradient[j] = factor * gradient[j] }
                    }
                    let lower = stack[top - count].1, upper = stack[top - 1].2
                    top -= count
                    stack[top] = (z, lower, upper)
                    top += 1
                }
            }
            return stack[0].0
        }
    }
}
