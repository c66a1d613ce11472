import Foundation
import InterphaseCore
import InterphaseData
import InterphaseNumerics

/// The linear Kramers–Kronig test of Schönleber, Klotz & Ivers-Tiffée (Electrochim. Acta 131, 20
/// (2014)), as impedance.py 1.7.1's `validation.linKK` computes it.
///
/// The data are fitted by Ẑ = R₀ + Σ_k R_k/(1 + iωτ_k) + iωL (+ 1/(iωC)), a circuit that satisfies the
/// Kramers–Kronig relations by construction, with M time constants fixed log-uniformly between
/// 1/(2πf_max) and 1/(2πf_min) (impedance.py's `get_tc_distribution`; for M = 1 the single τ is
/// 1/(2πf_min)), so the fit is linear in the resistances. Every column and the data are divided by |Z|
/// (eq. 12: relative weighting). M grows from 1 until μ = 1 − Σ|R_k<0|/Σ|R_k≥0| (eq. 21) drops to the
/// cut-off c: more elements start to over-fit with resistors of both signs. Real and imaginary fits
/// use the pseudo-inverse (minimum-norm least squares, `dgelsd` with numpy's rcond 1e-15); the complex
/// fit the normal equations of eq. 14, as impedance.py does.
public enum LinKK {
    /// - Throws: `.invalidParameter` for a cut-off outside (0, 1], `maxElements` < 1, or more elements
    ///   than the data can determine (naming the option); `.invalidData` when every R_k is negative
    ///   (μ undefined) or the normal equations are singular.
    public static func validate(_ spectrum: ImpedanceSpectrum, options: LinKKOptions = LinKKOptions()) throws -> LinKKResult {
        if let c = options.cutoff, !(c > 0 && c <= 1) {
            throw InterphaseError(.invalidParameter, "μ cut-off \(c) is not in (0, 1]", parameter: "c", expected: "0 < c ≤ 1, 0.85 by default")
        }
        guard options.maxElements >= 1 else {
            throw InterphaseError(.invalidParameter, "at most \(options.maxElements) RC elements", parameter: "max_M", expected: "≥ 1")
        }
        let n = spectrum.count
        let extra = 2 + (options.addCapacitance ? 1 : 0)
        guard options.maxElements + extra <= 2 * n || options.cutoff != nil else {
            throw InterphaseError(.invalidParameter, "\(options.maxElements) RC elements for \(n) points", parameter: "max_M",
                                  expected: "fewer unknowns than the \(2 * n) real numbers of the spectrum")
        }
        var trace: [Double] = []
        var m = options.cutoff == nil ? options.maxElements : 0
        var fit: (elements: [Double], mu: Double, tau: [Double])
        if let cutoff = options.cutoff {
            var mu = 1.0
            fit = ([], 1, [])
            while mu > cutoff && m < options.maxElements {
                m += 1
                let tau = timeConstants(spectrum.frequency, m)
                let (elements, value) = try solve(spectrum, tau: tau, options: options)
                mu = value
                trace.append(value)
                fit = (elements, value, tau)
            }
        } else {
            let tau = timeConstants(spectrum.frequency, m)
            let (elements, value) = try solve(spectrum, tau: tau, options: options)
            trace = [value]
            fit = (elements, value, tau)
        }
        let e = fit.elements
        let inverseC: Double? = options.addCapacitance ? e[m + 1] : nil
        let z = model(e, tau: fit.tau, frequency: spectrum.frequency, capacitance: options.addCapacitance)
        var realResiduals: [Double] = [], imaginaryResiduals: [Double] = []
        for k in 0..<n {
            let modulus = (spectrum.real[k] * spectrum.real[k] + spectrum.imaginary[k] * spectrum.imaginary[k]).squareRoot()
            realResiduals.append((spectrum.real[k] - z[k].re) / modulus)
            imaginaryResiduals.append((spectrum.imaginary[k] - z[k].im) / modulus)
        }
        return LinKKResult(options: options, elementCount: m, mu: fit.mu, muTrace: trace, timeConstants: fit.tau, seriesResistance: e[0],
                           resistances: Array(e[1...m]), inductance: e[e.count - 1], inverseCapacitance: inverseC,
                           frequency: spectrum.frequency, fitted: z, realResiduals: realResiduals, imaginaryResiduals: imaginaryResiduals)
    }

    /// impedance.py's `get_tc_distribution`: τ₁ = 1/(2πf_max), τ_M = 1/(2πf_min), log-uniform between
    /// (for M = 1 the last assignment wins: τ = 1/(2πf_min)). - Units: s.
    static func timeConstants(_ f: [Double], _ m: Int) -> [Double] {
        let tMax = 1 / (2 * Double.pi * f.min()!), tMin = 1 / (2 * Double.pi * f.max()!)
        var tau = [Double](repeating: 0, count: m)
        tau[0] = tMin
        tau[m - 1] = tMax
        if m > 2 {
            for k in 2..<m { tau[k - 1] = pow(10, log10(tMin) + Double(k - 1) / Double(m - 1) * log10(tMax / tMin)) }
        }
        return tau
    }

    /// Ẑ at each frequency for `elements` = R₀, R₁…R_M, [1/C], L.
    static func model(_ e: [Double], tau: [Double], frequency: [Double], capacitance: Bool) -> [DoubleComplex] {
        let m = tau.count
        return frequency.map { f in
            let w = 2 * Double.pi * f
            var re = e[0], im = w * e[e.count - 1]
            for k in 0..<m {
                let wt = w * tau[k], d = 1 + wt * wt
                re += e[k + 1] / d
                im -= e[k + 1] * wt / d
            }
            if capacitance { im -= e[m + 1] / w }
            return DoubleComplex(re, im)
        }
    }

    /// One M: the elements and μ (`fit_linKK`).
    static func solve(_ s: ImpedanceSpectrum, tau: [Double], options: LinKKOptions) throws -> ([Double], Double) {
        let n = s.count, m = tau.count
        let cap = options.addCapacitance
        let columns = m + 2 + (cap ? 1 : 0)   // R₀, R₁…R_M, [1/C], L
        let lColumn = columns - 1, cColumn = cap ? m + 1 : -1
        var aRe = Matrix(rows: n, columns: columns), aIm = Matrix(rows: n, columns: columns)
        var bRe = [Double](repeating: 0, count: n), bIm = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let w = 2 * Double.pi * s.frequency[i]
            let modulus = (s.real[i] * s.real[i] + s.imaginary[i] * s.imaginary[i]).squareRoot()
            aRe[i, 0] = 1 / modulus
            aIm[i, lColumn] = w / modulus
            if cap { aIm[i, cColumn] = -1 / (w * modulus) }
            for k in 0..<m {
                let wt = w * tau[k], d = 1 + wt * wt
                aRe[i, k + 1] = 1 / d / modulus
                aIm[i, k + 1] = -wt / d / modulus
            }
            bRe[i] = s.real[i] / modulus
            bIm[i] = s.imaginary[i] / modulus
        }
        var e = [Double](repeating: 0, count: columns)
        switch options.fitType {
        case .real:
            // pinv(a_re) b_re over R₀…R_M (the L and C columns of a_re are zero: their pinv entries are 0).
            let x = try pseudoInverseSolve(aRe, columns: Array(0...m), bRe)
            for (k, v) in x.enumerated() { e[k] = v }
            if cap { e[cColumn] = 1e-18 }  // impedance.py nullifies C before evaluating the real fit
            let zFit = model(e, tau: tau, frequency: s.frequency, capacitance: cap)
            let remainder = (0..<n).map { (s.imaginary[$0] - zFit[$0].im) / (s.real[$0] * s.real[$0] + s.imaginary[$0] * s.imaginary[$0]).squareRoot() }
            let imagColumns = cap ? [cColumn, lColumn] : [lColumn]
            let coefficients = try pseudoInverseSolve(aIm, columns: imagColumns, remainder)
            for (k, column) in imagColumns.enumerated() { e[column] = coefficients[k] }
        case .imaginary:
            let used = Array(1..<columns)
            let x = try pseudoInverseSolve(aIm, columns: used, bIm)
            for (k, column) in used.enumerated() { e[column] = x[k] }
            let zFit = model(e, tau: tau, frequency: s.frequency, capacitance: cap)
            var num = 0.0, den = 0.0
            for i in 0..<n {
                let weight = 1 / (s.real[i] * s.real[i] + s.imaginary[i] * s.imaginary[i])
                num += weight * (s.real[i] - zFit[i].re)
                den += weight
            }
            e[0] = num / den
        case .complex:
            // (A_reᵀA_re + A_imᵀA_im) x = A_reᵀ b_re + A_imᵀ b_im (eq. 14).
            var normal = Matrix(rows: columns, columns: columns), rhs = Matrix(rows: columns, columns: 1)
            for p in 0..<columns {
                for q in 0...p {
                    var v = 0.0
                    for i in 0..<n { v += aRe[i, p] * aRe[i, q] + aIm[i, p] * aIm[i, q] }
                    normal[p, q] = v
                    normal[q, p] = v
                }
                var r = 0.0
                for i in 0..<n { r += aRe[i, p] * bRe[i] + aIm[i, p] * bIm[i] }
                rhs[p, 0] = r
            }
            let x: Matrix
            do { x = try LAPACK.solve(normal, rhs) } catch {
                throw InterphaseError(.invalidData, "the lin-KK normal equations are singular at M = \(m)", parameter: "max_M",
                                      expected: "fewer RC elements")
            }
            for k in 0..<columns { e[k] = x[k, 0] }
        }
        let rk = e[1...m]
        let negative = rk.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }, positive = rk.filter { $0 >= 0 }.reduce(0) { $0 + abs($1) }
        guard positive > 0 else {
            throw InterphaseError(.invalidData, "every RC resistance is negative at M = \(m): μ is undefined", file: s.source,
                                  expected: "an impedance spectrum with Z′ > 0")
        }
        return (e, 1 - negative / positive)
    }

    /// x = A⁺ b over the chosen columns of `a` (minimum norm, numpy's pinv rcond 1e-15).
    static func pseudoInverseSolve(_ a: Matrix, columns: [Int], _ b: [Double]) throws -> [Double] {
        var sub = Matrix(rows: a.rows, columns: columns.count)
        for (c, column) in columns.enumerated() { for r in 0..<a.rows { sub[r, c] = a[r, column] } }
        let rows = max(a.rows, columns.count)
        var rhs = Matrix(rows: rows, columns: 1)
        for r in 0..<a.rows { rhs[r, 0] = b[r] }
        _ = try sub.withMutableView { av in try rhs.withMutableView { bv in try LAPACK.minimumNormLeastSquares(overwriting: av, bv, rcond: 1e-15) } }
        return (0..<columns.count).map { rhs[$0, 0] }
    }
}
