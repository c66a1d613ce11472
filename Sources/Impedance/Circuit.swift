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

    /// Parses `text`.
    /// - Throws: `.invalidParameter` (parameter "circuit") naming the 1-based character position of an
    ///   unknown element, a missing or bad index, a repeated element, or an unbalanced parenthesis.
    public init(_ text: String) throws {
        self.text = text
        root = try CircuitParser.parse(text)
        components = root.components
        parameterNames = components.flatMap(\.parameterNames)
    }

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
        return frequencies.map { evaluate(root, parameters, 2 * Double.pi * $0, &scratch).value }
    }

    /// Z at frequency f (Hz) and ∂Z/∂pₖ for every parameter (written into `gradient`, which must hold
    /// `parameterCount` values).
    public func impedance(_ parameters: [Double], frequency: Double, gradient: inout [DoubleComplex]) -> DoubleComplex {
        precondition(parameters.count == parameterCount && gradient.count == parameterCount)
        return evaluate(root, parameters, 2 * Double.pi * frequency, &gradient).value
    }

    func checkCount(_ parameters: [Double]) throws {
        guard parameters.count == parameterCount else {
            throw InterphaseError(
                .invalidParameter,
                "\(parameters.count) values for the \(parameterCount) parameters of \(text) (\(parameterNames.joined(separator: ", ")))",
                parameter: "circuit")
        }
    }

    /// Z of `node` and the range of parameters it holds; their derivatives are written into `gradient`.
    private func evaluate(
        _ node: CircuitNode, _ p: [Double], _ omega: Double, _ gradient: inout [DoubleComplex]
    ) -> (value: DoubleComplex, range: Range<Int>) {
        switch node {
        case let .element(component):
            let count = component.element.parameters.count
            let range = component.firstParameter..<(component.firstParameter + count)
            let (value, derivatives) = component.element.evaluate(CircuitElement.Parameters(p[range]), omega)
            for k in 0..<count { gradient[range.lowerBound + k] = derivatives[k] }
            return (value, range)
        case let .series(nodes):
            var sum = DoubleComplex.zero
            var lower = Int.max, upper = Int.min
            for child in nodes {
                let (z, range) = evaluate(child, p, omega, &gradient)
                sum += z
                lower = Swift.min(lower, range.lowerBound)
                upper = Swift.max(upper, range.upperBound)
            }
            return (sum, lower..<upper)
        case let .parallel(nodes):
            var admittance = DoubleComplex.zero
            var branches: [(DoubleComplex, Range<Int>)] = []
            branches.reserveCapacity(nodes.count)
            for child in nodes {
                let (z, range) = evaluate(child, p, omega, &gradient)
                admittance += z.reciprocal
                branches.append((z, range))
            }
            let z = admittance.reciprocal
            for (zb, range) in branches {
                let ratio = z / zb
                let factor = ratio * ratio
                for k in range { gradient[k] = factor * gradient[k] }
            }
            return (z, branches.first!.1.lowerBound..<branches.last!.1.upperBound)
        }
    }
}
