import Foundation
import InterphaseNumerics
import Spectroscopy
import Testing
import _InterphaseTestSupport

/// Each line shape against independent facts: its analytic gradient against central finite differences,
/// its area against numerical quadrature, the Voigt FWHM against Olivero & Longbothum (J. Quant.
/// Spectrosc. Radiat. Transfer 17 (1977) 233, quoted as accurate to 0.02 %), and the Faddeeva function against
/// erfcx computed from glibc's erfc.
@Suite struct LineShapeTests {
    static let cases: [(String, [Double])] = [
        ("gaussian", [285, 1000, 1.3]), ("lorentzian", [285, 1000, 0.9]), ("pseudo-voigt", [285, 1000, 1.1, 0.35]),
        ("gl", [285, 1000, 1.2, 0.3]), ("sgl", [285, 1000, 1.2, 0.4]), ("voigt", [285, 1000, 0.8, 0.5]),
        ("doniach-sunjic", [84, 500, 0.6, 0.12]),
    ]

    @Test(arguments: cases.map(\.0))
    func gradientMatchesCentralDifferences(_ id: String) throws {
        let shape = try LineShape.named(id)
        let p = try #require(Self.cases.first { $0.0 == id }?.1)
        for x in stride(from: p[0] - 3, through: p[0] + 3, by: 0.37) {
            let g = shape.gradient(x, p)
            for j in p.indices {
                let h = 1e-6 * Swift.max(1, Swift.abs(p[j]))
                var up = p, down = p
                up[j] += h
                down[j] -= h
                let numeric = (shape.value(x, up) - shape.value(x, down)) / (2 * h)
                let scale = Swift.max(Swift.abs(numeric), 1e-6 * shape.value(p[0], p) / Swift.max(1, Swift.abs(p[j])))
                #expect(Swift.abs(g[j] - numeric) <= 1e-5 * scale, "\(id) ∂/∂\(shape.parameters[j].name) at x = \(x): \(g[j]) vs \(numeric)")
            }
        }
    }

    /// ∫ f over ±U·w with the Lorentzian tails' truncated part added back in closed form: the area parameter is the area.
    @Test func areasAreTheAreaParameter() throws {
        func integral(_ shape: LineShape, _ p: [Double], half: Double) -> Double {
            let n = 400_000
            let h = 2 * half / Double(n)
            var s = 0.0
            for k in 0...n { s += (k == 0 || k == n ? 0.5 : 1) * shape.value(p[0] - half + Double(k) * h, p) }
            return s * h
        }
        let w = 1.2, half = 60 * w, u = half / w
        #expect(isClose(integral(.gaussian, [0, 1000, w], half: half), 1000, rel: 1e-9))
        // Lorentzian: ∫_{−L}^{L} = A (2/π) arctan(2L/w).
        #expect(isClose(integral(.lorentzian, [0, 1000, w], half: half), 1000 * 2 / .pi * atan(2 * u), rel: 1e-8))
        #expect(isClose(integral(.gl, [0, 1000, w, 0.3], half: half), 1000, rel: 1e-6))
        #expect(isClose(integral(.gl, [0, 1000, w, 0.9], half: 4000 * w) , 1000, rel: 2e-4))
        // SGL: the Gaussian term is complete, the Lorentzian term truncated at arctan(2U).
        let m = 0.4, c4 = 4 * log(2.0)
        let n = (1 - m) * (Double.pi / c4).squareRoot() + m * Double.pi / 2
        let truncated = 1000 / n * ((1 - m) * (Double.pi / c4).squareRoot() + m * atan(2 * u))
        #expect(isClose(integral(.sgl, [0, 1000, w, m], half: half), truncated, rel: 1e-8))
        // Doniach–Šunjić with α = 0 is a Lorentzian of area πA.
        for x in [-2.0, -0.3, 0, 0.7, 3] {
            #expect(isClose(LineShape.doniachSunjic.value(x, [0, 1000 / .pi, w, 0]), LineShape.lorentzian.value(x, [0, 1000, w]), rel: 1e-12))
        }
    }

    @Test func voigtWidthMatchesOliveroLongbothum() {
        for ratio in [0.05, 0.3, 1, 2, 5] {
            let wG = 1.0, wL = ratio * wG
            let fwhm = LineShape.voigt.fullWidth([0, 1, wG, wL])
            let ol = 0.5346 * wL + (0.2166 * wL * wL + wG * wG).squareRoot()
            // The approximation's own error reaches 0.024 % near w_L/w_G = 0.3 (SciPy's voigt_profile gives that too).
            #expect(Swift.abs(fwhm - ol) / ol < 2.5e-4, "w_L/w_G = \(ratio): \(fwhm) vs Olivero–Longbothum \(ol)")
        }
        // The exact width there, from scipy.special.voigt_profile 1.17.1 and brentq: 1.1698032914122478.
        #expect(isClose(LineShape.voigt.fullWidth([0, 1, 1, 0.3]), 1.1698032914122478, rel: 1e-9))
        // γ → 0 is the Gaussian.
        #expect(isClose(LineShape.voigt.value(0.4, [0, 10, 1.3, 0]), LineShape.gaussian.value(0.4, [0, 10, 1.3]), rel: 1e-12))
    }

    @Test func faddeevaMatchesErfcx() {
        for x in stride(from: 0.0, through: 6, by: 0.25) {
            let reference = exp(x * x) * erfc(x)
            #expect(isClose(Faddeeva.erfcx(x), reference, rel: 1e-12), "erfcx(\(x))")
        }
        // w(x) on the real axis: Re w = e^{−x²} (Dawson's integral gives the imaginary part).
        for x in [0.0, 0.5, 1.5, 3] { #expect(isClose(Faddeeva.w(DoubleComplex(x, 0)).re, exp(-x * x), rel: 1e-12, abs: 1e-15)) }
    }

    @Test func glWidthIsMeasuredAndSglWidthIsW() {
        #expect(isClose(LineShape.sgl.fullWidth([0, 1, 1.2, 0.4]), 1.2, rel: 1e-12))
        let gl30 = LineShape.gl.fullWidth([0, 1, 1.0, 0.3])
        // The half maximum solves exp(−c₄(1−m)u²)/(1+4mu²) = ½; checked on the profile itself.
        #expect(isClose(LineShape.gl.value(gl30 / 2, [0, 1, 1, 0.3]), LineShape.gl.value(0, [0, 1, 1, 0.3]) / 2, rel: 1e-9))
        // scipy.optimize.brentq on exp(−c₄·0.7u²)/(1 + 1.2u²) = ½ gives 2u = 0.9613571024333961.
        #expect(isClose(gl30, 0.9613571024333961, rel: 1e-9))
    }
}
