import Foundation
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

@testable import Impedance

/// Every element of the registry against two independent oracles: impedance.py 1.7.1's own element
/// functions (values in Reference/impedance.json), and, for the analytic parameter derivatives, central
/// finite differences of the element's impedance.
@Suite struct CircuitElementTests {
    static let symbols = ["R", "C", "L", "W", "Wo", "Ws", "CPE", "La", "G", "Gs", "K", "Zarc", "T"]

    /// The registry holds exactly these kinds, with impedance.py's parameter counts and default bounds
    /// (≥ 0; only the CPE and La exponents ≤ 1, as `set_default_bounds` in 1.7.1).
    @Test func registryMatchesImpedancePy() {
        #expect(CircuitElements.all.map(\.symbol) == Self.symbols)
        let counts = ["R": 1, "C": 1, "L": 1, "W": 1, "Wo": 2, "Ws": 2, "CPE": 2, "La": 2, "G": 2, "Gs": 3, "K": 2, "Zarc": 3, "T": 4]
        for element in CircuitElements.all {
            #expect(element.parameters.count == counts[element.symbol], "\(element.symbol)")
            for (k, parameter) in element.parameters.enumerated() {
                #expect(parameter.lowerBound == 0)
                let bounded = (element.symbol == "CPE" || element.symbol == "La") && k == 1
                #expect(parameter.upperBound == (bounded ? 1 : .infinity), "\(element.symbol) \(k)")
            }
        }
    }

    /// Z of each element at 17 frequencies (1 mHz – 100 kHz) equals impedance.py's to 1e-12 relative.
    @Test(arguments: symbols)
    func impedanceMatchesImpedancePy(symbol: String) throws {
        let root = try ImpedanceReference.root()
        let frequencies = try ImpedanceReference.numbers(root["frequencies"])
        let entry = try #require(root["elements"]?[symbol])
        let p = try ImpedanceReference.numbers(entry["parameters"])
        let re = try ImpedanceReference.numbers(entry["real"]), im = try ImpedanceReference.numbers(entry["imag"])
        let element = try #require(CircuitElements.bySymbol[symbol])
        for (i, f) in frequencies.enumerated() {
            let z = element.impedance(p, omega: 2 * Double.pi * f)
            let reference = DoubleComplex(re[i], im[i])
            #expect((z - reference).magnitude <= 1e-12 * reference.magnitude + 1e-300, "\(symbol) at \(f) Hz: \(z) vs \(reference)")
        }
    }

    /// ∂Z/∂pₖ against the central difference (Z(p + hₖ) − Z(p − hₖ))/(2hₖ), hₖ = 1e-6·pₖ, whose error is
    /// O(h²) ≈ 1e-12 relative and whose rounding error is ≈ ε|Z|/h = 2e-10·|Z|/pₖ: agreement to
    /// 1e-7·|∂Z/∂pₖ| + 1e-8·|Z|/pₖ, at frequencies from 1 mHz to 100 kHz and two parameter sets per element
    /// (the reference set and a second one).
    @Test(arguments: symbols)
    func derivativesMatchCentralDifferences(symbol: String) throws {
        let root = try ImpedanceReference.root()
        let reference = try ImpedanceReference.numbers(root["elements"]?[symbol]?["parameters"])
        let second: [String: [Double]] = [
            "R": [3.3], "C": [2.2e-6], "L": [4e-4], "W": [1.5], "Wo": [2.5, 0.03], "Ws": [2.5, 0.03],
            "CPE": [2e-5, 0.62], "La": [3e-3, 0.55], "G": [5, 3e-4], "Gs": [5, 3e-4, 2.5], "K": [7, 2e-5],
            "Zarc": [4, 5e-2, 0.55], "T": [2, 5, 0.1, 3e-3],
        ]
        let element = try #require(CircuitElements.bySymbol[symbol])
        for p in [reference, try #require(second[symbol])] {
            for f in [1e-3, 0.1, 3.7, 250, 1e5] {
                let omega = 2 * Double.pi * f
                let analytic = element.derivatives(p, omega: omega)
                let z = element.impedance(p, omega: omega)
                for k in p.indices {
                    let h = 1e-6 * p[k]
                    var plus = p, minus = p
                    plus[k] += h
                    minus[k] -= h
                    let central = (element.impedance(plus, omega: omega) - element.impedance(minus, omega: omega)) * DoubleComplex(1 / (2 * h))
                    let tolerance = 1e-7 * analytic[k].magnitude + 1e-8 * z.magnitude / Swift.abs(p[k])
                    #expect((analytic[k] - central).magnitude <= tolerance,
                            "\(symbol) p=\(p) ∂/∂p\(k) at \(f) Hz: analytic \(analytic[k]) vs central \(central)")
                }
            }
        }
    }

    /// Finite Warburg and transmission line far beyond the overflow point of cosh/sinh (|√(jωτ)| ≈ 1800):
    /// the values stay finite and tend to their semi-infinite limits Z₀/√(jωτ).
    @Test func largeArgumentsStayFinite() throws {
        let omega = 2 * Double.pi * 1e6, tau = 1.0, z0 = 2.0
        let limit = DoubleComplex(z0) / DoubleComplex.sqrt(DoubleComplex(0, omega * tau))
        for symbol in ["Wo", "Ws"] {
            let element = try #require(CircuitElements.bySymbol[symbol])
            let z = element.impedance([z0, tau], omega: omega)
            #expect((z - limit).magnitude <= 1e-12 * limit.magnitude, "\(symbol): \(z) vs \(limit)")
            #expect(element.derivatives([z0, tau], omega: omega).allSatisfy { $0.re.isFinite && $0.im.isFinite })
        }
        let t = try #require(CircuitElements.bySymbol["T"])
        let zt = t.impedance([1, 1, 1e6, 1], omega: omega)
        #expect(zt.re.isFinite && zt.im.isFinite)
    }
}
