import Foundation
import InterphaseNumerics

/// The line-shape table. Each row states its formula, what its width and area mean, and its source;
/// its gradient is analytic (checked against central differences in `LineShapeTests`), except the
/// m-derivative of the GL(m) normalisation, which is a central difference of a scalar function of m.
///
/// Notation: d = x − center (eV), w = the `fwhm` parameter, u = d/w, c₄ = 4 ln 2.
extension LineShape {
    /// Every shape, in the order `--components` and component tables list them.
    public static let all: [LineShape] = [gaussian, lorentzian, pseudoVoigt, gl, sgl, voigt, doniachSunjic]

    static let c4 = 4 * log(2.0)
    static let center = Parameter("center", "eV", "peak position (binding energy)")
    static let area = Parameter("area", "counts·eV", "integrated intensity ∫f dE", lower: 0)
    static let width = Parameter("fwhm", "eV", "full width at half maximum", lower: 1e-3)

    public static let gaussian = LineShape(
        id: "gaussian", name: "Gaussian", parameters: [center, area, width],
        formula: "G(x) = A √(c₄/π)/w · exp(−c₄ d²/w²)",
        widthAndArea: "FWHM = w; area = A; σ = w/(2√(2 ln 2))", source: "standard (lmfit GaussianModel with sigma = w/(2√(2 ln 2)))",
        evaluate: { x, p, g in
            let d = x - p[0], w = p[2]
            let e = (c4 / .pi).squareRoot() / w * exp(-c4 * d * d / (w * w))
            let f = p[1] * e
            if let g {
                g[0] = f * 2 * c4 * d / (w * w)
                g[1] = e
                g[2] = f * (-1 / w + 2 * c4 * d * d / (w * w * w))
            }
            return f
        }, area: { $0[1] }, fwhm: { $0[2] })

    public static let lorentzian = LineShape(
        id: "lorentzian", name: "Lorentzian", parameters: [center, area, width],
        formula: "L(x) = A (w/2π) / (d² + w²/4)",
        widthAndArea: "FWHM = w; area = A; γ (HWHM) = w/2", source: "standard (lmfit LorentzianModel with sigma = w/2)",
        evaluate: { x, p, g in
            let d = x - p[0], w = p[2]
            let den = d * d + w * w / 4
            let k = w / (2 * .pi) / den
            let f = p[1] * k
            if let g {
                g[0] = p[1] * w / (2 * .pi) * 2 * d / (den * den)
                g[1] = k
                g[2] = p[1] / (2 * .pi) * (den - w * w / 2) / (den * den)
            }
            return f
        }, area: { $0[1] }, fwhm: { $0[2] })

    public static let pseudoVoigt = LineShape(
        id: "pseudo-voigt", name: "pseudo-Voigt", parameters: [center, area, width, Parameter("eta", "", "Lorentzian fraction of the area", lower: 0, upper: 1)],
        formula: "pV(x) = η L(x; A, w) + (1 − η) G(x; A, w)",
        widthAndArea: "FWHM = w (both parts have width w); area = A", source: "Wertheim et al., Rev. Sci. Instrum. 45 (1974) 1369; lmfit PseudoVoigtModel (sigma = w/2, fraction = η)",
        evaluate: { x, p, g in
            var gg = (0.0, 0.0, 0.0), gl = (0.0, 0.0, 0.0)
            let eta = p[3]
            let fg = withUnsafeMutableBytes(of: &gg) { gaussian.evaluate(x, p, g == nil ? nil : $0.baseAddress!.assumingMemoryBound(to: Double.self)) }
            let fl = withUnsafeMutableBytes(of: &gl) { lorentzian.evaluate(x, p, g == nil ? nil : $0.baseAddress!.assumingMemoryBound(to: Double.self)) }
            if let g {
                g[0] = eta * gl.0 + (1 - eta) * gg.0
                g[1] = eta * gl.1 + (1 - eta) * gg.1
                g[2] = eta * gl.2 + (1 - eta) * gg.2
                g[3] = fl - fg
            }
            return eta * fl + (1 - eta) * fg
        }, area: { $0[1] }, fwhm: { $0[2] })

    /// ∫ exp(−c₄(1−m)u²)/(1 + 4mu²) du = (π/√b) e^{a/b} erfc(√(a/b)), a = c₄(1−m), b = 4m.
    static func glNorm(_ m: Double) -> Double {
        if m < 1e-9 { return (Double.pi / c4).squareRoot() }
        let a = c4 * (1 - m), b = 4 * m
        return Double.pi / b.squareRoot() * Faddeeva.erfcx((a / b).squareRoot())
    }

    /// ∂/∂center, ∂/∂area, ∂/∂w of f = A s(u)/(w N), u = (x − center)/w, h = A/(w N), for a profile s
    /// whose norm N does not depend on these three (the GL and SGL forms).
    @inline(__always)
    static func scaledProfileGradient(_ g: UnsafeMutablePointer<Double>, h: Double, w: Double, n: Double, s: Double, dsdu: Double, u: Double) {
        g[0] = -h * dsdu / w
        g[1] = s / (w * n)
        g[2] = -h * s / w - h * dsdu * u / w
    }

    public static let gl = LineShape(
        id: "gl", name: "CasaXPS GL(m) product", parameters: [center, area, width, Parameter("m", "", "Lorentzian mixing (GL(30) is m = 0.3)", lower: 0, upper: 1)],
        formula: "GL(x) = H exp(−c₄(1−m)u²) / (1 + 4m u²), H = A/(w N(m)), N(m) = (π/√(4m)) erfcx(√(c₄(1−m)/(4m)))",
        widthAndArea: "area = A; the half maximum is at |u| = ½ only for m = 0 or 1, so the FWHM is measured on the profile (GL(30): 0.9614 w)",
        source: "CasaXPS manual, 'Line shapes' (GL(p) product form); Jain, Biesinger & Linford, Appl. Surf. Sci. 447 (2018) 548",
        evaluate: { x, p, g in
            let w = p[2], m = p[3], u = (x - p[0]) / w
            let r = 1 / (1 + 4 * m * u * u)
            let s = exp(-c4 * (1 - m) * u * u) * r
            let n = glNorm(m)
            let h = p[1] / (w * n)
            let f = h * s
            if let g {
                let dsdu = s * (-2 * c4 * (1 - m) * u - 8 * m * u * r)
                let step = 1e-6
                let dn = (glNorm(Swift.min(m + step, 1)) - glNorm(Swift.max(m - step, 0))) / (Swift.min(m + step, 1) - Swift.max(m - step, 0))
                scaledProfileGradient(g, h: h, w: w, n: n, s: s, dsdu: dsdu, u: u)
                g[3] = h * s * (c4 * u * u - 4 * u * u * r) - f * dn / n
            }
            return f
        }, area: { $0[1] }, fwhm: { $0[3] == 0 || $0[3] == 1 ? $0[2] : nil })

    public static let sgl = LineShape(
        id: "sgl", name: "CasaXPS SGL(m) sum", parameters: [center, area, width, Parameter("m", "", "Lorentzian mixing of the heights", lower: 0, upper: 1)],
        formula: "SGL(x) = H [(1−m) exp(−c₄u²) + m/(1 + 4u²)], H = A/(w N), N = (1−m)√(π/c₄) + m π/2",
        widthAndArea: "FWHM = w (both terms are half at |u| = ½); area = A",
        source: "CasaXPS manual, 'Line shapes' (SGL(p) sum form)",
        evaluate: { x, p, g in
            let w = p[2], m = p[3], u = (x - p[0]) / w
            let e = exp(-c4 * u * u), r = 1 / (1 + 4 * u * u)
            let s = (1 - m) * e + m * r
            let n = (1 - m) * (Double.pi / c4).squareRoot() + m * Double.pi / 2
            let h = p[1] / (w * n)
            let f = h * s
            if let g {
                let dsdu = (1 - m) * e * (-2 * c4 * u) + m * (-8 * u * r * r)
                let dn = Double.pi / 2 - (Double.pi / c4).squareRoot()
                scaledProfileGradient(g, h: h, w: w, n: n, s: s, dsdu: dsdu, u: u)
                g[3] = p[1] / w * ((r - e) / n - s * dn / (n * n))
            }
            return f
        }, area: { $0[1] }, fwhm: { $0[2] })

    static let sigmaPerFWHM = 1 / (2 * (2 * log(2.0)).squareRoot())

    public static let voigt = LineShape(
        id: "voigt", name: "Voigt", parameters: [center, area, Parameter("fwhm", "eV", "Gaussian FWHM w_G", lower: 1e-3),
                                               Parameter("lorentzian_fwhm", "eV", "Lorentzian FWHM w_L", lower: 0)],
        formula: "V(x) = A Re w(z) / (σ√(2π)), z = (d + iγ)/(σ√2), σ = w_G/(2√(2 ln 2)), γ = w_L/2, w = Faddeeva function",
        widthAndArea: "area = A; FWHM ≈ 0.5346 w_L + √(0.2166 w_L² + w_G²) (Olivero & Longbothum 1977), measured on the profile",
        source: "Armstrong, J. Quant. Spectrosc. Radiat. Transfer 7 (1967) 61; lmfit VoigtModel (sigma = σ, gamma = γ)",
        evaluate: { x, p, g in
            let sigma = p[2] * sigmaPerFWHM, gamma = p[3] / 2
            let s2 = sigma * 2.0.squareRoot()
            let z = DoubleComplex((x - p[0]) / s2, gamma / s2)
            let wz = Faddeeva.w(z)
            let k = 1 / (sigma * (2 * Double.pi).squareRoot())
            let f = p[1] * wz.re * k
            if let g {
                // w′(z) = −2z w(z) + 2i/√π
                let dw = DoubleComplex(-2, 0) * z * wz + DoubleComplex(0, 2 / Double.pi.squareRoot())
                g[0] = p[1] * k * (-dw.re / s2)
                g[1] = wz.re * k
                // ∂z/∂σ = −z/σ
                let dSigma = p[1] * k * (-(dw * z).re / sigma - wz.re / sigma)
                g[2] = dSigma * sigmaPerFWHM
                // ∂z/∂γ = i/(σ√2): Re(w′ i) = −Im w′
                g[3] = p[1] * k * (-dw.im / s2) / 2
            }
            return f
        }, area: { $0[1] }, fwhm: { _ in nil })

    public static let doniachSunjic = LineShape(
        id: "doniach-sunjic", name: "Doniach–Šunjić",
        parameters: [center, Parameter("amplitude", "counts·eV^(1−α)", "intensity scale (the tail has no finite area)", lower: 0),
                     Parameter("fwhm", "eV", "Lorentzian width 2γ of the unbroadened line", lower: 1e-3),
                     Parameter("alpha", "", "asymmetry (singularity index)", lower: 0, upper: 0.5)],
        formula: "DS(x) = A γ^{α−1} cos(πα/2 + (1−α) arctan ε) / (1 + ε²)^{(1−α)/2}, ε = (center − x)/γ, γ = w/2 (tail to higher binding energy)",
        widthAndArea: "α = 0 is a Lorentzian of FWHM w and area πA; for α > 0 the area diverges and is integrated over the fitted window, the FWHM measured on the profile",
        source: "Doniach & Šunjić, J. Phys. C 3 (1970) 285; lmfit DoniachModel with x mirrored about the center (binding energy)",
        evaluate: { x, p, g in
            let gamma = p[2] / 2, alpha = p[3], q = 1 - alpha
            let eps = (p[0] - x) / gamma
            let onePlus = 1 + eps * eps
            let theta = Double.pi * alpha / 2 + q * atan(eps)
            let scale = pow(gamma, -q) * pow(onePlus, -q / 2)
            let f = p[1] * scale * cos(theta)
            if let g {
                let dEps = p[1] * scale * q * (-sin(theta) - eps * cos(theta)) / onePlus
                g[0] = dEps / gamma
                g[1] = scale * cos(theta)
                g[2] = (f * (-q / gamma) + dEps * (-eps / gamma)) / 2
                g[3] = f * (log(gamma) + log(onePlus) / 2) - p[1] * scale * sin(theta) * (Double.pi / 2 - atan(eps))
            }
            return f
        }, area: { $0[3] == 0 ? Double.pi * $0[1] : nil }, fwhm: { $0[3] == 0 ? $0[2] : nil })
}
