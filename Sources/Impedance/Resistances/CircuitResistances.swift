import InterphaseNumerics

/// R_e and R_i of a fitted equivalent circuit, by where its resistors sit in the tree:
/// - R_e (electrolyte/ohmic resistance): the resistors in series at the top level (`R0` of
///   `R0-p(R1,CPE1)`), the high-frequency limit of Z′;
/// - R_i (interfacial resistance): every resistor inside a parallel block (`R1` and `R2` of
///   `R0-p(R1,C1)-p(R2-Wo1,C2)`), the total width of the arcs (SEI and charge transfer together, as the
///   study reports one "interfacial resistance" per spectrum). Diffusion elements' resistances (`Wo1_0`)
///   are not resistors and are left out.
/// The standard error of a sum uses the fit's full covariance (Σᵢⱼ Cᵢⱼ); constants count with zero error.
public struct CircuitResistances: Sendable, Equatable {
    /// - Units: Ω. Nil when the circuit has no resistor at that place.
    public let electrolyte: Double?
    public let electrolyteError: Double?
    public let interfacial: Double?
    public let interfacialError: Double?
    /// Parameter names summed into each.
    public let electrolyteParameters: [String]
    public let interfacialParameters: [String]

    /// The resistances of `fit`.
    public init(_ fit: CircuitFitResult) {
        var series: [String] = [], parallel: [String] = []
        func visit(_ node: CircuitNode, insideParallel: Bool, topLevel: Bool) {
            switch node {
            case let .element(component) where component.element.symbol == "R":
                if insideParallel { parallel.append(component.name) } else if topLevel { series.append(component.name) }
            case .element: break
            case let .series(nodes): nodes.forEach { visit($0, insideParallel: insideParallel, topLevel: topLevel) }
            case let .parallel(nodes): nodes.forEach { visit($0, insideParallel: true, topLevel: false) }
            }
        }
        visit(fit.circuit.root, insideParallel: false, topLevel: true)
        func sum(_ names: [String]) -> (Double?, Double?) {
            guard !names.isEmpty else { return (nil, nil) }
            let value = names.reduce(0.0) { $0 + (fit.value($1)?.value ?? 0) }
            let free = names.compactMap { fit.freeParameterNames.firstIndex(of: $0) }
            var variance = 0.0
            for i in free { for j in free { variance += fit.solver.covariance[i, j] } }
            return (value, variance.isFinite ? max(variance, 0).squareRoot() : .infinity)
        }
        (electrolyte, electrolyteError) = sum(series)
        (interfacial, interfacialError) = sum(parallel)
        electrolyteParameters = series
        interfacialParameters = parallel
    }
}
