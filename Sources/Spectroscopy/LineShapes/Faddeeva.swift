import Foundation
import InterphaseNumerics

/// The Faddeeva function w(z) = e^{−z²} erfc(−iz) for Im z ≥ 0, by Weideman's rational expansion
/// (J. A. C. Weideman, "Computation of the complex error function", SIAM J. Numer. Anal. 31 (1994)
/// 1497–1518, eq. 38–41 and his `cef` program): with L = √(N/√2) and Z = (L + iz)/(L − iz),
///
///     w(z) ≈ 2 p(Z)/(L − iz)² + 1/(√π (L − iz)),   p(Z) = Σₙ₌₁ᴺ aₙ Zⁿ⁻¹,
///
/// the aₙ being the discrete Fourier coefficients of f(t) = e^{−t²}(L² + t²) at t = L tan(θ/2). N = 36
/// gives |error| below 1e-13 on the real line (tested against erfcx on the imaginary axis and against
/// SciPy's `wofz` through lmfit's Voigt). Used for the Voigt profile, whose z always has Im z ≥ 0.
/// Its derivative is w′(z) = −2z w(z) + 2i/√π.
public enum Faddeeva {
    static let n = 36
    static let scale = (Double(n) / 2.0.squareRoot()).squareRoot()
    static let inverseSqrtPi = 1 / Double.pi.squareRoot()

    /// a₁ … a_N (Weideman's `cef`: M = 2N, f sampled at θₖ = kπ/M, k = −M+1 … M−1, Fourier cosine sums).
    static let coefficients: [Double] = {
        let m = 2 * n, m2 = 2 * m
        let l = scale
        var f = [Double](repeating: 0, count: m)  // f at k = 0 … M−1 (even in k)
        for k in 0..<m {
            let t = l * tan(Double(k) * Double.pi / Double(m) / 2)
            f[k] = exp(-t * t) * (l * l + t * t)
        }
        return (1...n).map { j in
            var sum = f[0]
            for k in 1..<m { sum += 2 * f[k] * cos(2 * Double.pi * Double(k * j) / Double(m2)) }
            return sum / Double(m2)
        }
    }()

    /// w(z) for Im z ≥ 0.
    public static func w(_ z: DoubleComplex) -> DoubleComplex {
        let l = scale
        // L − iz and L + iz with z = a + ib: L − i(a + ib) = (L + b) − ia.
        let den = DoubleComplex(l + z.im, -z.re)
        let bigZ = DoubleComplex(l - z.im, z.re) / den
        var p = DoubleComplex(coefficients[n - 1], 0)
        for j in stride(from: n - 2, through: 0, by: -1) { p = p * bigZ + DoubleComplex(coefficients[j], 0) }
        return DoubleComplex(2 * p.re, 2 * p.im) / (den * den) + DoubleComplex(inverseSqrtPi, 0) / den
    }

    /// erfcx(x) = e^{x²} erfc(x) = w(ix), for x ≥ 0 (no overflow where erfc underflows).
    public static func erfcx(_ x: Double) -> Double { w(DoubleComplex(0, x)).re }
}
