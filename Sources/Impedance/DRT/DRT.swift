import Foundation
import InterphaseCore
import InterphaseData
import InterphaseNumerics

/// The distribution of relaxation times by Tikhonov-regularised, non-negative regression on Gaussian
/// radial basis functions, as pyDRTtools 0.2's `simple_run` (Wan, Saccoccio, Chen & Ciucci, Electrochim.
/// Acta 184, 483 (2015); Saccoccio et al., Electrochim. Acta 147, 470 (2014)).
///
/// Z(f) = iωL + R∞ + ∫ γ(ln τ)/(1 + iωτ) d ln τ with γ = Σ_m x_m φ_m, φ_m = exp(−(ε ln(τ/τ_m))²) and
/// collocation τ_m = 1/f_m. The columns of A_re and A_im are the integrals of eqs. (32)–(33) of Wan et
/// al., computed here by the trapezoidal rule in y = ln(τ/τ_m) over |εy| ≤ 7 (the integrands are smooth
/// and decay like a Gaussian, where the trapezoidal rule converges exponentially; checked against
/// scipy's quad in the tests). M is the Gram matrix of the basis' first or second ln τ derivatives
/// (closed forms of pyDRTtools' `inner_prod_rbf_1/2`). x solves
/// min ‖A x − b‖² + λ xᵀMx subject to x ≥ 0 (R∞ and L included, as pyDRTtools constrains them) by
/// `NonNegativeQuadratic` (an exact active-set solution where pyDRTtools calls cvxopt's interior point).
/// γ is then evaluated on a grid 10× finer, half a decade beyond the data on each side, and its peaks
/// found as `scipy.signal.find_peaks(γ, height = 0.005 std γ, distance = 5)` does in pyDRTtools'
/// peak analysis.
public enum DRT {
    /// - Throws: `.invalidParameter` for λ ≤ 0, a non-positive FWHM coefficient, fewer than 5 points or
    ///   frequencies that repeat; `.invalidData` when the regression has no solution.
    public static func compute(_ spectrum: ImpedanceSpectrum, options: DRTOptions = DRTOptions()) throws -> DRTResult {
        let n = spectrum.count
        guard n >= 5 else { throw InterphaseError(.invalidParameter, "\(n) points are too few for a DRT", parameter: "spectrum", expected: "≥ 5 frequencies") }
        guard options.fwhmCoefficient > 0 else {
            throw InterphaseError(.invalidParameter, "FWHM coefficient \(options.fwhmCoefficient) is not positive", parameter: "coeff")
        }
        if case let .fixed(lambda) = options.regularisation, !(lambda > 0 && lambda.isFinite) {
            throw InterphaseError(.invalidParameter, "λ = \(lambda) is not positive", parameter: "lambda", expected: "λ > 0 (1e-3 is pyDRTtools' default)")
        }
        let f = spectrum.frequency
        guard Set(f).count == n else { throw InterphaseError(.invalidParameter, "repeated frequencies", parameter: "spectrum", expected: "one point per frequency") }
        let tau = f.map { 1 / $0 }
        let epsilon = Self.epsilon(frequency: f, coefficient: options.fwhmCoefficient)
        let (aReRBF, aImRBF) = discretisation(frequency: f, tau: tau, epsilon: epsilon)
        let mRBF = penaltyMatrix(tau: tau, epsilon: epsilon, order: options.penalty)

        // Series columns first, as pyDRTtools orders them: [L], [R∞].
        let useL = options.inductance && options.dataUsed != .real
        let useR = options.dataUsed != .imaginary
        let nRL = (useL ? 1 : 0) + (useR ? 1 : 0)
        let size = n + nRL
        var aRe = Matrix(rows: n, columns: size), aIm = Matrix(rows: n, columns: size), m = Matrix(rows: size, columns: size)
        for i in 0..<n {
            if useL { aIm[i, 0] = 2 * Double.pi * f[i] }
            if useR { aRe[i, useL ? 1 : 0] = 1 }
            for k in 0..<n { aRe[i, nRL + k] = aReRBF[i, k]; aIm[i, nRL + k] = aImRBF[i, k] }
        }
        for p in 0..<n { for q in 0..<n { m[nRL + p, nRL + q] = mRBF[p, q] } }
        let bRe = spectrum.real, bIm = spectrum.imaginary

        var lambda: Double, score: Double?
        switch options.regularisation {
        case let .fixed(value): lambda = value
        case .generalizedCrossValidation:
            (lambda, score) = try minimiseGCV(aRe: aRe, aIm: aIm, bRe: bRe, bIm: bIm, m: m)
        }

        // Normal equations of the chosen parts.
        var q = Matrix(rows: size, columns: size)
        var d = [Double](repeating: 0, count: size)
        let parts: [(Matrix, [Double])] = options.dataUsed == .combined ? [(aRe, bRe), (aIm, bIm)]
            : options.dataUsed == .real ? [(aRe, bRe)] : [(aIm, bIm)]
        for (a, b) in parts {
            for p in 0..<size {
                for r in 0..<n { d[p] += a[r, p] * b[r] }
                for s in 0...p {
                    var v = 0.0
                    for r in 0..<n { v += a[r, p] * a[r, s] }
                    q[p, s] += v
                    if s != p { q[s, p] += v }
                }
            }
        }
        for p in 0..<size { for s in 0..<size { q[p, s] += lambda * m[p, s] } }
        let x = try NonNegativeQuadratic.solve(q: q, d: d)

        let weights = Array(x[nRL...])
        let fine = fineGrid(tau, factor: options.fineGridFactor)
        let gamma = fine.map { t in
            zip(tau, weights).reduce(0.0) { s, pair in let y = epsilon * log(t / pair.0); return s + pair.1 * exp(-y * y) }
        }
        var fitted: [DoubleComplex] = []
        for i in 0..<n {
            var re = 0.0, im = 0.0
            for k in 0..<size { re += aRe[i, k] * x[k]; im += aIm[i, k] * x[k] }
            fitted.append(DoubleComplex(re, im))
        }
        return DRTResult(options: options, epsilon: epsilon, lambda: lambda, gcvScore: score, collocationTau: tau, weights: weights,
                         seriesResistance: useR ? x[useL ? 1 : 0] : 0, inductance: useL ? x[0] : 0, fineTau: fine, gamma: gamma,
                         frequency: f, fitted: fitted, peaks: peaks(gamma, tau: fine))
    }

    /// ε = coefficient · FWHM / Δ with FWHM = 2√ln 2 the Gaussian's full width at half maximum in εy and
    /// Δ the mean spacing of ln(1/f) (pyDRTtools' `compute_epsilon`; |Δ|, so the order of the
    /// frequencies does not matter).
    static func epsilon(frequency f: [Double], coefficient: Double) -> Double {
        let logs = f.map { log(1 / $0) }
        let delta = abs(zip(logs.dropFirst(), logs).map { $0 - $1 }.reduce(0, +) / Double(f.count - 1))
        return coefficient * 2 * log(2.0).squareRoot() / delta
    }

    /// True when ln τ is spaced uniformly within 1 % (std/mean of the spacings): pyDRTtools then builds
    /// A and M as Toeplitz matrices from their first row and column (exact for uniform spacing, and
    /// what its numbers are), which this code repeats so the two agree on real, almost uniform data.
    static func nearlyUniform(_ tau: [Double]) -> Bool {
        let d = zip(tau.dropFirst(), tau).map { log($0) - log($1) }
        let mean = d.reduce(0, +) / Double(d.count)
        let std = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count)).squareRoot()
        return abs(std / mean) < 0.01
    }

    /// `full` with every entry replaced by the first row's or column's on its diagonal.
    static func toeplitz(_ full: Matrix) -> Matrix {
        var t = full
        for r in 0..<full.rows { for c in 0..<full.columns { t[r, c] = r >= c ? full[r - c, 0] : full[0, c - r] } }
        return t
    }

    /// A_re[n, m] = ∫ φ(y)/(1 + α²e^{2y}) dy and A_im[n, m] = −∫ φ(y) α/(e^{−y} + α²e^{y}) dy with
    /// α = ω_n τ_m (Wan et al. eqs. 32–33), trapezoidal rule on |εy| ≤ 7 with 4001 nodes; Toeplitz from
    /// the first row and column when the spacing is nearly uniform (`nearlyUniform`).
    static func discretisation(frequency f: [Double], tau: [Double], epsilon: Double) -> (Matrix, Matrix) {
        let uniform = nearlyUniform(tau)
        let n = f.count, nodes = 4001
        let half = 7 / epsilon, h = 2 * half / Double(nodes - 1)
        var y = [Double](repeating: 0, count: nodes), phi = y, ey = y
        for k in 0..<nodes {
            y[k] = -half + Double(k) * h
            phi[k] = exp(-(epsilon * y[k]) * (epsilon * y[k])) * (k == 0 || k == nodes - 1 ? 0.5 : 1) * h
            ey[k] = exp(y[k])
        }
        var aRe = Matrix(rows: n, columns: n), aIm = Matrix(rows: n, columns: n)
        for r in 0..<n {
            for c in 0..<n where !uniform || r == 0 || c == 0 {
                let alpha = 2 * Double.pi * f[r] * tau[c], a2 = alpha * alpha
                var re = 0.0, im = 0.0
                for k in 0..<nodes {
                    let e = ey[k]
                    re += phi[k] / (1 + a2 * e * e)
                    im += phi[k] * alpha / (1 / e + a2 * e)
                }
                aRe[r, c] = re
                aIm[r, c] = -im
            }
        }
        return uniform ? (toeplitz(aRe), toeplitz(aIm)) : (aRe, aIm)
    }

    /// Gram matrix of the Gaussian basis' first or second derivatives in ln τ: with a = ε ln(τ_m/τ_n),
    /// −ε(a² − 1)e^{−a²/2}√(π/2) and ε³(3 − 6a² + a⁴)e^{−a²/2}√(π/2) (pyDRTtools' `inner_prod_rbf_1/2`).
    static func penaltyMatrix(tau: [Double], epsilon: Double, order: DRTOptions.Penalty) -> Matrix {
        let n = tau.count
        var m = Matrix(rows: n, columns: n)
        let c = (Double.pi / 2).squareRoot()
        for p in 0..<n {
            for q in 0..<n {
                let a = epsilon * log(tau[q] / tau[p]), a2 = a * a
                m[p, q] = order == .first ? -epsilon * (a2 - 1) * exp(-a2 / 2) * c
                    : epsilon * epsilon * epsilon * (3 - 6 * a2 + a2 * a2) * exp(-a2 / 2) * c
            }
        }
        return nearlyUniform(tau) ? toeplitz(m) : m
    }

    /// τ from half a decade below the smallest to half a decade above the largest collocation τ, `factor`×N
    /// log-spaced points (pyDRTtools' `tau_fine`).
    static func fineGrid(_ tau: [Double], factor: Int) -> [Double] {
        let lo = log10(tau.min()!) - 0.5, hi = log10(tau.max()!) + 0.5, count = factor * tau.count
        return (0..<count).map { pow(10, lo + (hi - lo) * Double($0) / Double(count - 1)) }
    }

    /// Local maxima of γ at least 0.005 σ(γ) high, thinned to at least 5 samples apart keeping the higher
    /// (`scipy.signal.find_peaks(height=…, distance=5)`: plateaus count once, at their middle).
    static func peaks(_ gamma: [Double], tau: [Double]) -> [DRTResult.Peak] {
        let n = gamma.count
        let mean = gamma.reduce(0, +) / Double(n)
        let std = (gamma.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        var candidates: [Int] = []
        var i = 1
        while i < n - 1 {
            if gamma[i - 1] < gamma[i] {
                var j = i
                while j + 1 < n - 1 && gamma[j + 1] == gamma[i] { j += 1 }
                if gamma[j + 1] < gamma[i] {
                    candidates.append((i + j) / 2)
                    i = j
                }
            }
            i += 1
        }
        candidates = candidates.filter { gamma[$0] >= 0.005 * std }
        // Distance: visit by decreasing height, drop neighbours closer than 5.
        var keep = Set(candidates)
        for p in candidates.sorted(by: { gamma[$0] > gamma[$1] }) where keep.contains(p) {
            for other in candidates where other != p && abs(other - p) < 5 { keep.remove(other) }
        }
        return keep.sorted().map { DRTResult.Peak(index: $0, tau: tau[$0], gamma: gamma[$0]) }
    }

    /// GCV(λ) = (1/n ‖(I − K)Z‖²) / (1/n tr(I − K))², K = A(AᵀA + λM)⁻¹Aᵀ with A and Z the stacked real and
    /// imaginary parts (Wahba 1985; pyDRTtools' `compute_GCV`, which always stacks both).
    static func gcv(_ lambda: Double, aRe: Matrix, aIm: Matrix, bRe: [Double], bIm: [Double], m: Matrix) throws -> Double {
        let n = aRe.rows, size = aRe.columns, rows = 2 * n
        var a = Matrix(rows: rows, columns: size)
        for r in 0..<n { for c in 0..<size { a[r, c] = aRe[r, c]; a[n + r, c] = aIm[r, c] } }
        let z = bRe + bIm
        var normal = try LAPACK.product(a, a, transposeA: true)
        for p in 0..<size { for q in 0..<size { normal[p, q] += lambda * m[p, q] } }
        let factor = try LAPACK.cholesky(normal)
        // K = A N⁻¹ Aᵀ: solve N X = Aᵀ, K = A X.
        let x = try LAPACK.choleskySolve(factor: factor, a.transpose())
        let k = try LAPACK.product(a, x)
        var residual = 0.0, trace = 0.0
        for r in 0..<rows {
            var kz = 0.0
            for c in 0..<rows { kz += k[r, c] * z[c] }
            residual += (z[r] - kz) * (z[r] - kz)
            trace += 1 - k[r, r]
        }
        let nn = Double(rows)
        return (residual / nn) / ((trace / nn) * (trace / nn))
    }

    /// The GCV minimiser over ln λ ∈ [ln 1e-7, 0]: 57-point grid, then golden section between the best
    /// point's neighbours (to 1e-8 in ln λ).
    static func minimiseGCV(aRe: Matrix, aIm: Matrix, bRe: [Double], bIm: [Double], m: Matrix) throws -> (Double, Double) {
        let lo = log(1e-7), hi = 0.0, count = 57
        let grid = (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
        func score(_ t: Double) -> Double { (try? gcv(exp(t), aRe: aRe, aIm: aIm, bRe: bRe, bIm: bIm, m: m)) ?? .infinity }
        let scores = grid.map(score)
        guard let best = scores.indices.min(by: { scores[$0] < scores[$1] }), scores[best].isFinite else {
            throw InterphaseError(.invalidData, "the GCV score is not finite for any λ in [1e-7, 1]", parameter: "lambda",
                                  expected: "a fixed λ")
        }
        var a = grid[max(best - 1, 0)], b = grid[min(best + 1, count - 1)]
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = score(c), fd = score(d)
        while b - a > 1e-8 {
            if fc < fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = score(c) } else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = score(d) }
        }
        let t = (a + b) / 2, s = score(t)
        return s <= scores[best] ? (exp(t), s) : (exp(grid[best]), scores[best])
    }
}
