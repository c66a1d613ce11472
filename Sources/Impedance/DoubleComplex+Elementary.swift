import Foundation
import InterphaseNumerics

/// The complex elementary functions the circuit elements need (principal branches, as NumPy's), written
/// to stay finite where the naive formulas overflow: tanh, sech² and csch of arguments with a large real
/// part (a finite Warburg or transmission line at high frequency, |√(jωτ)| ≫ 1) go through e^(−2z).
extension DoubleComplex {
    /// 1/z by Smith's scaling (no overflow in |z|²), written out: the hot operation of every parallel node.
    var reciprocal: DoubleComplex {
        if Swift.abs(re) >= Swift.abs(im) {
            let r = im / re, d = re + im * r
            return DoubleComplex(1 / d, -r / d)
        }
        let r = re / im, d = re * r + im
        return DoubleComplex(r / d, -1 / d)
    }

    /// e^z.
    static func exp(_ z: DoubleComplex) -> DoubleComplex {
        let r = Foundation.exp(z.re)
        return DoubleComplex(r * Foundation.cos(z.im), r * Foundation.sin(z.im))
    }

    /// Principal logarithm: ln|z| + i·arg z, arg in (−π, π].
    static func log(_ z: DoubleComplex) -> DoubleComplex {
        DoubleComplex(Foundation.log(z.magnitude), Foundation.atan2(z.im, z.re))
    }

    /// Principal square root (Re ≥ 0), by the cancellation-free half-angle formulas (Kahan 1987).
    static func sqrt(_ z: DoubleComplex) -> DoubleComplex {
        if z.re == 0 && z.im == 0 { return .zero }
        let r = z.magnitude
        if z.re >= 0 {
            let t = ((r + z.re) / 2).squareRoot()
            return DoubleComplex(t, z.im / (2 * t))
        }
        let t = ((r - z.re) / 2).squareRoot()
        return DoubleComplex(Swift.abs(z.im) / (2 * t), z.im < 0 || (z.im == 0 && z.im.sign == .minus) ? -t : t)
    }

    /// z^a for real a on the principal branch: e^(a ln z).
    static func pow(_ z: DoubleComplex, _ a: Double) -> DoubleComplex { exp(a * log(z)) }

    /// (jω)^a = ω^a e^(jπa/2) exactly (no rounding of arg(jω) through atan2).
    static func powImaginary(_ omega: Double, _ a: Double) -> DoubleComplex {
        let r = Foundation.pow(omega, a), phase = Double.pi / 2 * a
        return DoubleComplex(r * Foundation.cos(phase), r * Foundation.sin(phase))
    }

    /// e^(−2z) with z taken into Re ≥ 0 (returns the value for |z|'s half-plane and whether z was flipped).
    private static func decaying(_ z: DoubleComplex) -> (DoubleComplex, Bool) {
        let flip = z.re < 0
        let w = flip ? -z : z
        return (exp(-2 * w), flip)
    }

    /// tanh z = (1 − e^(−2z))/(1 + e^(−2z)) for Re z ≥ 0, odd.
    static func tanh(_ z: DoubleComplex) -> DoubleComplex {
        let (e, flip) = decaying(z)
        let t = (DoubleComplex(1) - e) / (DoubleComplex(1) + e)
        return flip ? -t : t
    }

    /// coth z = 1/tanh z.
    static func coth(_ z: DoubleComplex) -> DoubleComplex {
        let (e, flip) = decaying(z)
        let t = (DoubleComplex(1) + e) / (DoubleComplex(1) - e)
        return flip ? -t : t
    }

    /// csch z = 2e^(−z)/(1 − e^(−2z)) for Re z ≥ 0, odd.
    static func csch(_ z: DoubleComplex) -> DoubleComplex {
        let flip = z.re < 0
        let w = flip ? -z : z
        let c = (2 * exp(-w)) / (DoubleComplex(1) - exp(-2 * w))
        return flip ? -c : c
    }

    /// sech² z = 4e^(−2z)/(1 + e^(−2z))², even.
    static func sech2(_ z: DoubleComplex) -> DoubleComplex {
        let (e, _) = decaying(z)
        let d = DoubleComplex(1) + e
        return (4 * e) / (d * d)
    }

    /// csch² z = 4e^(−2z)/(1 − e^(−2z))², even.
    static func csch2(_ z: DoubleComplex) -> DoubleComplex {
        let (e, _) = decaying(z)
        let d = DoubleComplex(1) - e
        return (4 * e) / (d * d)
    }
}
