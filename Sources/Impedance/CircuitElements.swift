import Foundation
import InterphaseNumerics

/// The registry of circuit elements: one row per kind, with the same definitions, parameter order,
/// units and default bounds as impedance.py 1.7.1 (`impedance/models/circuits/elements.py`), and the
/// analytic derivative of Z with respect to each parameter (derived here; checked against central
/// differences and impedance.py's values in `Tests/ImpedanceTests`).
///
/// ω = 2πf is the angular frequency (rad/s), j the imaginary unit. One deliberate difference: impedance.py's
/// transmission line `T` replaces sinh β by 10¹⁰ once Re β ≥ 100 (to dodge overflow); here csch β is
/// computed without overflow, which changes Z by B/(10¹⁰ β) there — far below any measurement.
public enum CircuitElements {
    private static let j = DoubleComplex.i

    /// Every element kind, in impedance.py's order.
    public static let all: [CircuitElement] = [
        CircuitElement(
            "R", title: "resistor", formula: "Z = R", reference: "impedance.py 1.7.1 elements.R",
            behaviour: .resistive,
            parameters: [.init("R", unit: "Ohm", role: .resistance)],
            evaluate: { p, _, out in
                out[0] = DoubleComplex(1)
                return DoubleComplex(p[0])
            }),
        CircuitElement(
            "C", title: "capacitor", formula: "Z = 1/(jωC)", reference: "impedance.py 1.7.1 elements.C",
            behaviour: .capacitive,
            parameters: [.init("C", unit: "F", role: .capacitance)],
            evaluate: { p, w, out in
                let c = p[0]
                out[0] = DoubleComplex(0, 1 / (w * c * c))
                return DoubleComplex(0, -1 / (w * c))
            }),
        CircuitElement(
            "L", title: "inductor", formula: "Z = jωL", reference: "impedance.py 1.7.1 elements.L",
            behaviour: .inductive,
            parameters: [.init("L", unit: "H", role: .inductance)],
            evaluate: { p, w, out in
                out[0] = DoubleComplex(0, w)
                return DoubleComplex(0, w * p[0])
            }),
        CircuitElement(
            "W", title: "semi-infinite Warburg element", formula: "Z = A_W (1 − j)/√ω",
            reference: "impedance.py 1.7.1 elements.W; E. Warburg, Ann. Phys. 303, 493 (1899); A. Lasia, Electrochemical Impedance Spectroscopy and its Applications (Springer 2014)",
            behaviour: .diffusion,
            parameters: [.init("A_W", unit: "Ohm sec^-1/2", role: .warburgCoefficient)],
            evaluate: { p, w, out in
                let d = DoubleComplex(1, -1) * DoubleComplex(1 / w.squareRoot())
                out[0] = d
                return p[0] * d
            }),
        CircuitElement(
            "Wo", title: "finite-space (open, reflective) Warburg element", formula: "Z = Z₀ coth(√(jωτ))/√(jωτ), τ = L²/D",
            reference: "impedance.py 1.7.1 elements.Wo; E. Barsoukov & J. R. Macdonald, Impedance Spectroscopy, 3rd ed. (Wiley 2018)",
            behaviour: .diffusion,
            parameters: [.init("Z0", unit: "Ohm", role: .resistance), .init("tau", unit: "sec", role: .timeConstant)],
            evaluate: { p, w, out in
                let z0 = p[0], tau = p[1]
                let x = DoubleComplex.sqrt(DoubleComplex(0, w * tau))
                let coth = DoubleComplex.coth(x)
                let f = coth / x
                let dTau = DoubleComplex(z0) * (-(x * DoubleComplex.csch2(x)) - coth) / (DoubleComplex(2 * tau) * x)
                out[0] = f
                out[1] = dTau
                return z0 * f
            }),
        CircuitElement(
            "Ws", title: "finite-length (short, transmissive) Warburg element", formula: "Z = Z₀ tanh(√(jωτ))/√(jωτ), τ = L²/D",
            reference: "impedance.py 1.7.1 elements.Ws; E. Barsoukov & J. R. Macdonald, Impedance Spectroscopy, 3rd ed. (Wiley 2018)",
            behaviour: .diffusion,
            parameters: [.init("Z0", unit: "Ohm", role: .resistance), .init("tau", unit: "sec", role: .timeConstant)],
            evaluate: { p, w, out in
                let z0 = p[0], tau = p[1]
                let x = DoubleComplex.sqrt(DoubleComplex(0, w * tau))
                let tanh = DoubleComplex.tanh(x)
                let f = tanh / x
                let dTau = DoubleComplex(z0) * (x * DoubleComplex.sech2(x) - tanh) / (DoubleComplex(2 * tau) * x)
                out[0] = f
                out[1] = dTau
                return z0 * f
            }),
        CircuitElement(
            "CPE", title: "constant phase element", formula: "Z = 1/(Q (jω)^α)",
            reference: "impedance.py 1.7.1 elements.CPE; G. J. Brug et al., J. Electroanal. Chem. 176, 275 (1984)",
            behaviour: .capacitive,
            parameters: [
                .init("Q", unit: "Ohm^-1 sec^a", role: .cpeCoefficient),
                .init("alpha", unit: "", role: .dimensionless(typical: 0.9), upperBound: 1),
            ],
            evaluate: { p, w, out in
                let q = p[0], alpha = p[1]
                let z = (DoubleComplex(q) * DoubleComplex.powImaginary(w, alpha)).reciprocal
                let logJw = DoubleComplex(Foundation.log(w), Double.pi / 2)
                out[0] = -z * DoubleComplex(1 / q)
                out[1] = -(z * logJw)
                return z
            }),
        CircuitElement(
            "La", title: "modified inductance", formula: "Z = (jωL)^α",
            reference: "impedance.py 1.7.1 elements.La; BioLogic EC-Lab Application Note 42 (2019)",
            behaviour: .inductive,
            parameters: [
                .init("L", unit: "H sec", role: .modifiedInductance),
                .init("alpha", unit: "", role: .dimensionless(typical: 1), upperBound: 1),
            ],
            evaluate: { p, w, out in
                let l = p[0], alpha = p[1]
                let z = DoubleComplex.powImaginary(w * l, alpha)
                let logJwL = DoubleComplex(Foundation.log(w * l), Double.pi / 2)
                out[0] = DoubleComplex(alpha / l) * z
                out[1] = z * logJwL
                return z
            }),
        CircuitElement(
            "G", title: "Gerischer element", formula: "Z = R_G/√(1 + jωt_G)",
            reference: "impedance.py 1.7.1 elements.G; Y. Lu, C. Kreller & S. B. Adler, J. Electrochem. Soc. 156, B513 (2009)",
            behaviour: .arc,
            parameters: [.init("R_G", unit: "Ohm", role: .resistance), .init("t_G", unit: "sec", role: .timeConstant)],
            evaluate: { p, w, out in
                let r = p[0], t = p[1]
                let y = DoubleComplex.sqrt(DoubleComplex(1, w * t))
                let inverse = y.reciprocal
                let dT = -(DoubleComplex(r) * DoubleComplex(0, w) / (DoubleComplex(2) * y * y * y))
                out[0] = inverse
                out[1] = dT
                return r * inverse
            }),
        CircuitElement(
            "Gs", title: "finite-length Gerischer element", formula: "Z = R_G/(√(1 + jωt_G) tanh(φ √(1 + jωt_G)))",
            reference: "impedance.py 1.7.1 elements.Gs; R. D. Green, C. C. Liu & S. B. Adler, Solid State Ionics 179, 647 (2008)",
            behaviour: .arc,
            parameters: [
                .init("R_G", unit: "Ohm", role: .resistance), .init("t_G", unit: "sec", role: .timeConstant),
                .init("phi", unit: "", role: .dimensionless(typical: 1)),
            ],
            evaluate: { p, w, out in
                let r = p[0], t = p[1], phi = p[2]
                let y = DoubleComplex.sqrt(DoubleComplex(1, w * t))
                let u = phi * y
                let tanh = DoubleComplex.tanh(u), sech2 = DoubleComplex.sech2(u)
                let d = y * tanh
                let z = DoubleComplex(r) / d
                let zOverD = z / d
                let dPhi = -(zOverD * y * y * sech2)
                let dDdy = tanh + DoubleComplex(phi) * y * sech2
                let dT = -(zOverD * dDdy * DoubleComplex(0, w) / (DoubleComplex(2) * y))
                out[0] = d.reciprocal
                out[1] = dT
                out[2] = dPhi
                return z
            }),
        CircuitElement(
            "K", title: "RC element with time constant (Lin-KK)", formula: "Z = R/(1 + jωτ)",
            reference: "impedance.py 1.7.1 elements.K; M. Schönleitner et al., Electrochim. Acta 227, 1 (2017)",
            behaviour: .arc,
            parameters: [.init("R", unit: "Ohm", role: .resistance), .init("tau_k", unit: "sec", role: .timeConstant)],
            evaluate: { p, w, out in
                let r = p[0], tau = p[1]
                let d = DoubleComplex(1, w * tau)
                let inverse = d.reciprocal
                out[0] = inverse
                out[1] = -(DoubleComplex(0, w * r) * inverse * inverse)
                return r * inverse
            }),
        CircuitElement(
            "Zarc", title: "ZARC (RQ as R, τ, γ; Cole–Cole)", formula: "Z = R/(1 + (jωτ)^γ)",
            reference: "impedance.py 1.7.1 elements.Zarc; K. S. Cole & R. H. Cole, J. Chem. Phys. 9, 341 (1941)",
            behaviour: .arc,
            parameters: [
                .init("R", unit: "Ohm", role: .resistance), .init("tau_k", unit: "sec", role: .timeConstant),
                .init("gamma", unit: "", role: .dimensionless(typical: 0.9)),
            ],
            evaluate: { p, w, out in
                let r = p[0], tau = p[1], gamma = p[2]
                let power = DoubleComplex.powImaginary(w * tau, gamma)
                let inverse = (DoubleComplex(1) + power).reciprocal
                let common = -(DoubleComplex(r) * inverse * inverse * power)
                let logJwt = DoubleComplex(Foundation.log(w * tau), Double.pi / 2)
                out[0] = inverse
                out[1] = common * DoubleComplex(gamma / tau)
                out[2] = common * logJwt
                return r * inverse
            }),
        CircuitElement(
            "T", title: "macrohomogeneous porous electrode (transmission line)",
            formula: "Z = A coth(β)/β + B/(β sinh β), β = √(a + jωb)",
            reference: "impedance.py 1.7.1 elements.T; G. Paasch, K. Micka & P. Gersdorf, Electrochim. Acta 38, 2653 (1993)",
            behaviour: .arc,
            parameters: [
                .init("A", unit: "Ohm-m^2", role: .resistance), .init("B", unit: "Ohm-m^2", role: .resistance),
                .init("a", unit: "", role: .dimensionless(typical: 1)), .init("b", unit: "sec", role: .timeConstant),
            ],
            evaluate: { p, w, out in
                let a0 = p[0], b0 = p[1], a = p[2], b = p[3]
                let beta = DoubleComplex.sqrt(DoubleComplex(a, w * b))
                let coth = DoubleComplex.coth(beta), csch = DoubleComplex.csch(beta)
                let fA = coth / beta, fB = csch / beta
                let beta2 = beta * beta
                let dBetaA = (-(beta * DoubleComplex.csch2(beta)) - coth) / beta2
                let dBetaB = (-(beta * csch * coth) - csch) / beta2
                let dBeta = DoubleComplex(a0) * dBetaA + DoubleComplex(b0) * dBetaB
                let dA = dBeta / (DoubleComplex(2) * beta)
                out[0] = fA
                out[1] = fB
                out[2] = dA
                out[3] = dA * DoubleComplex(0, w)
                return DoubleComplex(a0) * fA + DoubleComplex(b0) * fB
            }),
    ]

    /// The element kinds by symbol.
    public static let bySymbol: [String: CircuitElement] = Dictionary(uniqueKeysWithValues: all.map { ($0.symbol, $0) })
}
