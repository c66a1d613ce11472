import Foundation
import InterphaseCore
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

@testable import Impedance

/// Circuit strings: the parse tree (hand-written expected trees), parameter names as impedance.py
/// names them, error positions, and the composite impedance and its Jacobian against impedance.py's
/// `CustomCircuit.predict` and central differences.
@Suite struct CircuitTests {
    @Test func tutorialCircuitTree() throws {
        let circuit = try Circuit("R0-p(R1,C1)-p(R2-Wo1,C2)")
        guard case let .series(top) = circuit.root, top.count == 3 else {
            Issue.record("expected three nodes in series, got \(circuit.root)")
            return
        }
        #expect(top[0].components.map(\.name) == ["R0"])
        guard case let .parallel(first) = top[1], case let .parallel(second) = top[2] else {
            Issue.record("expected two parallel blocks, got \(top)")
            return
        }
        #expect(first.map(\.text) == ["R1", "C1"])
        #expect(second.map(\.text) == ["R2-Wo1", "C2"])
        if case let .series(branch) = second[0] { #expect(branch.map(\.text) == ["R2", "Wo1"]) } else { Issue.record("R2-Wo1 is not a series") }
        #expect(circuit.parameterNames == ["R0", "R1", "C1", "R2", "Wo1_0", "Wo1_1", "C2"])
        #expect(circuit.parameterUnits == ["Ohm", "Ohm", "F", "Ohm", "Ohm", "sec", "F"])
        #expect(circuit.components.map(\.position) == [1, 6, 9, 15, 18, 22])
        #expect(circuit.root.text == "R0-p(R1,C1)-p(R2-Wo1,C2)")
        #expect(circuit.parameterIndex("R0_0") == 0 && circuit.parameterIndex("Wo1_1") == 5 && circuit.parameterIndex("X9") == nil)
    }

    /// Nested parallels, spaces, a single element, multi-letter symbols sharing a first letter (G, Gs).
    @Test func otherTrees() throws {
        let nested = try Circuit(" R0 - p( p(R1,C1) , G1-Gs2 ) ")
        #expect(nested.root.text == "R0-p(p(R1,C1),G1-Gs2)")
        #expect(nested.parameterNames == ["R0", "R1", "C1", "G1_0", "G1_1", "Gs2_0", "Gs2_1", "Gs2_2"])
        let single = try Circuit("CPE12")
        #expect(single.root == .element(single.components[0]) && single.components[0].element.symbol == "CPE")
        #expect(single.parameterNames == ["CPE12_0", "CPE12_1"])
    }

    /// Errors name the 1-based character where the problem starts.
    @Test(arguments: [
        ("R0-p(R1,X1)", 9, "unknown element 'X'"),
        ("R0-Q1", 4, "unknown element 'Q'"),
        ("R0-p(R1,C1", 4, "never closed"),
        ("R0-p(R1,C1))", 12, "without a matching"),
        ("R0-C", 5, "no index"),
        ("R0-C1a", 6, "bad index"),
        ("R0-R_1", 5, "bad index"),
        ("R0--C1", 4, "expected an element"),
        ("R0-p(R1)", 4, "at least two branches"),
        ("R0-p(R1,C1)-R0", 13, "appears twice"),
        ("", 1, "empty"),
        ("R0-", 4, "ends"),
    ] as [(String, Int, String)])
    func errorsNameThePosition(text: String, position: Int, words: String) {
        let error = expectInterphaseError(.invalidParameter) { try Circuit(text) }
        #expect(error?.line == position, "\(text): \(error?.description ?? "")")
        #expect(error?.lineLabel == "character")
        #expect(error?.parameter == "circuit")
        #expect(error?.message.contains(words) == true, "\(text): \(error?.message ?? "")")
    }

    /// Composite circuits against impedance.py's `CustomCircuit.predict` (1e-12 relative).
    @Test func compositeImpedanceMatchesImpedancePy() throws {
        let root = try ImpedanceReference.root()
        let frequencies = try ImpedanceReference.numbers(root["frequencies"])
        let circuits = try #require(root["circuits"]?.arrayValue)
        #expect(circuits.count == 3)
        for entry in circuits {
            let circuit = try Circuit(try #require(entry["circuit"]?.stringValue))
            let p = try ImpedanceReference.numbers(entry["parameters"])
            let re = try ImpedanceReference.numbers(entry["real"]), im = try ImpedanceReference.numbers(entry["imag"])
            let z = try circuit.impedance(p, frequencies: frequencies)
            for i in frequencies.indices {
                let reference = DoubleComplex(re[i], im[i])
                #expect((z[i] - reference).magnitude <= 1e-12 * reference.magnitude, "\(circuit.text) at \(frequencies[i]) Hz")
            }
        }
    }

    /// The chain rule through series and nested parallel nodes against central differences of the whole
    /// circuit's Z (h = 1e-6 pₖ; tolerance as in `CircuitElementTests`).
    @Test func compositeJacobianMatchesCentralDifferences() throws {
        let circuit = try Circuit("L0-R0-p(p(R1,C1),G1-Gs1)-p(R2-Wo1,CPE2)-K1")
        let p = [1e-7, 0.01, 0.02, 1e-3, 0.1, 1e-2, 0.2, 1e-3, 0.5, 0.03, 0.05, 5.0, 0.1, 0.7, 0.05, 1e-3]
        #expect(p.count == circuit.parameterCount)
        var gradient = [DoubleComplex](repeating: .zero, count: p.count)
        for f in [1e-3, 0.5, 40, 1e4] {
            let z = circuit.impedance(p, frequency: f, gradient: &gradient)
            for k in p.indices {
                var plus = p, minus = p
                plus[k] += 1e-6 * p[k]
                minus[k] -= 1e-6 * p[k]
                let central = (try circuit.impedance(plus, frequencies: [f])[0] - circuit.impedance(minus, frequencies: [f])[0])
                    * DoubleComplex(1 / (2e-6 * p[k]))
                let tolerance = 1e-7 * gradient[k].magnitude + 1e-8 * z.magnitude / p[k]
                #expect((gradient[k] - central).magnitude <= tolerance, "\(circuit.parameterNames[k]) at \(f) Hz")
            }
        }
    }

    @Test func wrongParameterCountIsAnError() throws {
        let circuit = try Circuit("R0-p(R1,C1)")
        let error = expectInterphaseError(.invalidParameter) { try circuit.impedance([1, 2], frequencies: [1]) }
        #expect(error?.message.contains("R0, R1, C1") == true)
    }
}
