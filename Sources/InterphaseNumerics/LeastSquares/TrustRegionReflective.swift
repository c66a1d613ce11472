/// The trust-region reflective method for bound-constrained nonlinear least squares of Branch, Coleman
/// & Li, "A subspace, interior, and conjugate gradient method for large-scale bound-constrained
/// minimization problems", SIAM J. Sci. Comput. 21, 1–23 (1999), in the dense form SciPy's
/// `least_squares(method="trf", tr_solver="exact")` implements (N. Mayorov, 2015).
///
/// Each iteration works in variables scaled by the Coleman–Li vector v (distance to the bound the
/// gradient points at, 1 for a free or unbounded direction; Coleman & Li, SIAM J. Optim. 6, 418–445,
/// 1996), D = diag(√v). The scaled trust-region subproblem
///   min ‖J D p + r‖² + pᵀ diag(g ∘ dv) p  subject to  ‖p‖ ≤ Δ
/// is solved exactly from one SVD of the augmented matrix [J D; diag(√(g ∘ dv))] by Moré's
/// Levenberg–Marquardt parameter iteration (J. J. Moré, "The Levenberg–Marquardt algorithm:
/// implementation and theory", Lecture Notes in Mathematics 630, 105–116, 1978). A step that would leave
/// the box is cut at the bound, and the best of three candidates — the cut step pulled back by θ, its
/// reflection off the bound, and the scaled steepest descent — is taken. Iterates stay strictly inside
/// the box. The radius update and the ftol/xtol/gtol tests are SciPy's, so a problem posed as
/// `curve_fit` stops where it does.
struct TrustRegionReflective {
    struct Outcome {
        var x: [Double]
        var residuals: [Double]
        var jacobian: Matrix
        var cost: Double
        var evaluations: Int
        var jacobianEvaluations: Int
        var iterations: Int
        /// nil when the evaluation budget ran out.
        var stop: LeastSquaresStop?
        /// The last trial point gave non-finite residuals (the radius was shrinking around it).
        var lastTrialNonFinite: Bool
        /// v ∘ g at the last iterate (which parameter still pulls).
        var scaledGradient: [Double]
    }

    let problem: LeastSquaresProblem
    let options: LeastSquaresOptions
    let maxEvaluations: Int
    /// J(p) given p and r(p) (analytic or finite differences), checked finite by the driver.
    let jacobianAt: ([Double], [Double]) throws -> Matrix
    /// r(p), checked for its count by the driver.
    let residualsAt: ([Double]) throws -> [Double]

    func minimize(x0: [Double], f0: [Double], j0: Matrix) throws -> Outcome {
        let lb = problem.lowerBounds, ub = problem.upperBounds
        let ftol = options.functionTolerance, xtol = options.stepTolerance, gtol = options.gradientTolerance
        var x = x0, f = f0, jac = j0
        let m = f.count, n = x.count
        var nfev = 1, njev = 1
        var cost = 0.5 * dot(f, f)
        var g = transposeTimes(jac, f)
        // Variable scaling (SciPy's x_scale): 1, or Moré's (1978) column norms of J, never decreasing.
        let jacobianScaling = options.scaling == .jacobian
        var scaleInverse = jacobianScaling ? Self.columnNorms(jac, previous: nil) : [Double](repeating: 1, count: n)
        var scale = scaleInverse.map { 1 / $0 }
        var (v, dv) = Self.scaling(x, g, lb, ub)
        for i in 0..<n where dv[i] != 0 { v[i] *= scaleInverse[i] }
        var delta = norm((0..<n).map { x0[$0] * scaleInverse[$0] / v[$0].squareRoot() })
        if delta == 0 || !delta.isFinite { delta = 1 }
        var alpha = 0.0
        var stop: LeastSquaresStop?
        var iterations = 0
        var lastNonFinite = false

        while true {
            (v, dv) = Self.scaling(x, g, lb, ub)
            let gNorm = (0..<n).reduce(0.0) { Swift.max($0, Swift.abs(g[$1] * v[$1])) }
            if gNorm < gtol { stop = .gradient }
            if stop != nil || nfev >= maxEvaluations { break }

            for i in 0..<n where dv[i] != 0 { v[i] *= scaleInverse[i] }
            let d = (0..<n).map { v[$0].squareRoot() * scale[$0] }
            let diagH = (0..<n).map { g[$0] * dv[$0] * scale[$0] }
            let gH = (0..<n).map { d[$0] * g[$0] }
            var jh = jac
            for j in 0..<n {
                for i in 0..<m { jh[i, j] *= d[j] }
            }
            var augmented = Matrix(rows: m + n, columns: n)
            for j in 0..<n {
                for i in 0..<m { augmented[i, j] = jh[i, j] }
                augmented[m + j, j] = diagH[j].squareRoot()
            }
            let (u, s, vt) = try LAPACK.singularValueDecomposition(augmented)
            let uf = (0..<s.count).map { k in (0..<m).reduce(0.0) { $0 + u[$1, k] * f[$1] } }
            let theta = Swift.max(0.995, 1 - gNorm)

            var actualReduction = -1.0
            var xNew = x, fNew = f, costNew = cost
            while actualReduction <= 0 && nfev < maxEvaluations {
                let (pH, newAlpha) = Self.subproblem(n: n, m: m, uf: uf, s: s, vt: vt, delta: delta, initialAlpha: alpha)
                alpha = newAlpha
                let p = (0..<n).map { d[$0] * pH[$0] }
                let (step, stepH, predicted) = Self.selectStep(
                    x: x, jh: jh, diagH: diagH, gH: gH, p: p, pH: pH, d: d, delta: delta, lb: lb, ub: ub, theta: theta)
                xNew = Self.strictlyFeasible((0..<n).map { x[$0] + step[$0] }, lb, ub)
                fNew = try residualsAt(xNew)
                nfev += 1
                let stepHNorm = norm(stepH)
                guard fNew.allSatisfy(\.isFinite) else {
                    lastNonFinite = true
                    delta = 0.25 * stepHNorm
                    continue
                }
                lastNonFinite = false
                costNew = 0.5 * dot(fNew, fNew)
                actualReduction = cost - costNew
                let (deltaNew, ratio) = Self.updateRadius(
                    delta, actual: actualReduction, predicted: predicted, stepNorm: stepHNorm,
                    boundHit: stepHNorm > 0.95 * delta)
                stop = Self.termination(
                    actualReduction, cost, stepNorm: norm(step), xNorm: norm(x), ratio: ratio, ftol: ftol, xtol: xtol)
                if stop != nil { break }
                alpha *= delta / deltaNew
                delta = deltaNew
            }
            if actualReduction > 0 {
                x = xNew
                f = fNew
                cost = costNew
                jac = try jacobianAt(x, f)
                njev += 1
                g = transposeTimes(jac, f)
                if jacobianScaling {
                    scaleInverse = Self.columnNorms(jac, previous: scaleInverse)
                    scale = scaleInverse.map { 1 / $0 }
                }
            }
            iterations += 1
        }
        return Outcome(
            x: x, residuals: f, jacobian: jac, cost: cost, evaluations: nfev, jacobianEvaluations: njev,
            iterations: iterations, stop: stop, lastTrialNonFinite: lastNonFinite,
            scaledGradient: (0..<n).map { g[$0] * v[$0] })
    }

    // MARK: Pieces of the method

    /// ‖J[:, j]‖ per column, at least the previous value (zero columns count 1 on the first call).
    static func columnNorms(_ jac: Matrix, previous: [Double]?) -> [Double] {
        (0..<jac.columns).map { j in
            let norm = jac.column(j).reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            if let previous { return Swift.max(norm, previous[j]) }
            return norm == 0 ? 1 : norm
        }
    }

    /// Coleman–Li scaling: vᵢ = uᵢ − xᵢ when gᵢ < 0 and uᵢ finite (dvᵢ = −1), xᵢ − lᵢ when gᵢ > 0 and lᵢ
    /// finite (dvᵢ = 1), else 1 (dvᵢ = 0).
    static func scaling(_ x: [Double], _ g: [Double], _ lb: [Double], _ ub: [Double]) -> ([Double], [Double]) {
        var v = [Double](repeating: 1, count: x.count), dv = [Double](repeating: 0, count: x.count)
        for i in x.indices {
            if g[i] < 0 && ub[i].isFinite {
                v[i] = ub[i] - x[i]
                dv[i] = -1
            } else if g[i] > 0 && lb[i].isFinite {
                v[i] = x[i] - lb[i]
                dv[i] = 1
            }
        }
        return (v, dv)
    }

    /// Moré (1978): p(α) = −V (Σ uf)/(Σ² + α) with ‖p(α)‖ = Δ found by Newton's method on
    /// φ(α) = ‖p(α)‖ − Δ safeguarded in [α_lower, α_upper]; the Gauss–Newton step when it fits.
    static func subproblem(
        n: Int, m: Int, uf: [Double], s: [Double], vt: Matrix, delta: Double, initialAlpha: Double
    ) -> (p: [Double], alpha: Double) {
        let k = s.count
        let suf = (0..<k).map { s[$0] * uf[$0] }
        func vTimes(_ c: [Double]) -> [Double] {
            (0..<n).map { i in (0..<k).reduce(0.0) { $0 + vt[$1, i] * c[$1] } }
        }
        func phi(_ alpha: Double) -> (Double, Double) {
            var squares = 0.0, sum = 0.0
            for i in 0..<k {
                let denominator: Double = s[i] * s[i] + alpha
                let q: Double = suf[i] / denominator
                squares += q * q
                sum += q * q / denominator
            }
            let pNorm = squares.squareRoot()
            return (pNorm - delta, -sum / pNorm)
        }
        let fullRank = m >= n && k > 0 && s[k - 1] > Double.ulpOfOne * Double(m) * s[0]
        if fullRank {
            let p = vTimes((0..<k).map { -uf[$0] / s[$0] })
            if norm(p) <= delta { return (p, 0) }
        }
        var alphaUpper = norm(suf) / delta
        var alphaLower = 0.0
        if fullRank {
            let (f0, f0Prime) = phi(0)
            alphaLower = -f0 / f0Prime
        }
        var alpha = (!fullRank && initialAlpha == 0)
            ? Swift.max(0.001 * alphaUpper, (alphaLower * alphaUpper).squareRoot()) : initialAlpha
        for _ in 0..<10 {
            if alpha < alphaLower || alpha > alphaUpper {
                alpha = Swift.max(0.001 * alphaUpper, (alphaLower * alphaUpper).squareRoot())
            }
            let (value, derivative) = phi(alpha)
            if value < 0 { alphaUpper = alpha }
            let ratio = value / derivative
            alphaLower = Swift.max(alphaLower, alpha - ratio)
            alpha -= (value + delta) * ratio / delta
            if Swift.abs(value) < 0.01 * delta { break }
        }
        var p = vTimes((0..<k).map { -suf[$0] / (s[$0] * s[$0] + alpha) })
        let pn = norm(p)
        if pn > 0 { p = p.map { $0 * delta / pn } }
        return (p, alpha)
    }

    /// The step actually tried: the trust-region step if it stays in the box, otherwise the best of the
    /// θ-shortened cut step, its reflection and the bounded steepest descent (SciPy's `select_step`).
    static func selectStep(
        x: [Double], jh: Matrix, diagH: [Double], gH: [Double], p: [Double], pH: [Double], d: [Double],
        delta: Double, lb: [Double], ub: [Double], theta: Double
    ) -> (step: [Double], stepH: [Double], predicted: Double) {
        let n = x.count
        let trial = (0..<n).map { x[$0] + p[$0] }
        if (0..<n).allSatisfy({ trial[$0] >= lb[$0] && trial[$0] <= ub[$0] }) {
            return (p, pH, -quadratic(jh, gH, pH, diagH))
        }
        let (pStride, hits) = stepToBound(x, p, lb, ub)
        var rH = pH
        for i in 0..<n where hits[i] != 0 { rH[i] = -rH[i] }
        var r = (0..<n).map { d[$0] * rH[$0] }
        var p = p.map { $0 * pStride }
        var pH = pH.map { $0 * pStride }
        let xOnBound = (0..<n).map { x[$0] + p[$0] }
        let toTrustRegion = intersectTrustRegion(pH, rH, delta).upper
        let toBound = stepToBound(xOnBound, r, lb, ub).stride
        var rStride = Swift.min(toBound, toTrustRegion)
        let rLower: Double, rUpper: Double
        if rStride > 0 {
            rLower = (1 - theta) * pStride / rStride
            rUpper = rStride == toBound ? theta * toBound : toTrustRegion
        } else {
            rLower = 0
            rUpper = -1
        }
        var rValue = Double.infinity
        if rLower <= rUpper {
            let (a, b, c) = quadratic1D(jh, gH, rH, s0: pH, diag: diagH)
            (rStride, rValue) = minimizeQuadratic1D(a, b, rLower, rUpper, c: c)
            rH = (0..<n).map { rH[$0] * rStride + pH[$0] }
            r = (0..<n).map { rH[$0] * d[$0] }
        }
        p = p.map { $0 * theta }
        pH = pH.map { $0 * theta }
        let pValue = quadratic(jh, gH, pH, diagH)
        var agH = gH.map { -$0 }
        var ag = (0..<n).map { d[$0] * agH[$0] }
        let agToTrustRegion = delta / norm(agH)
        let agToBound = stepToBound(x, ag, lb, ub).stride
        let agLimit = agToBound < agToTrustRegion ? theta * agToBound : agToTrustRegion
        let (a, b, _) = quadratic1D(jh, gH, agH, s0: nil, diag: diagH)
        let (agStride, agValue) = minimizeQuadratic1D(a, b, 0, agLimit, c: 0)
        agH = agH.map { $0 * agStride }
        ag = ag.map { $0 * agStride }
        if pValue < rValue && pValue < agValue { return (p, pH, -pValue) }
        if rValue < pValue && rValue < agValue { return (r, rH, -rValue) }
        return (ag, agH, -agValue)
    }

    /// Largest t with x + t·s in the box, and which components reach a bound first (±1 by the sign of s).
    static func stepToBound(_ x: [Double], _ s: [Double], _ lb: [Double], _ ub: [Double]) -> (stride: Double, hits: [Int]) {
        var steps = [Double](repeating: .infinity, count: x.count)
        for i in x.indices where s[i] != 0 {
            steps[i] = Swift.max((lb[i] - x[i]) / s[i], (ub[i] - x[i]) / s[i])
        }
        let minimum = steps.min() ?? .infinity
        let hits = x.indices.map { steps[$0] == minimum ? (s[$0] > 0 ? 1 : (s[$0] < 0 ? -1 : 0)) : 0 }
        return (minimum, hits)
    }

    /// The two t with ‖x + t·s‖ = Δ (x inside the ball), smaller first; Numerical Recipes' stable roots.
    static func intersectTrustRegion(_ x: [Double], _ s: [Double], _ delta: Double) -> (lower: Double, upper: Double) {
        let a = dot(s, s)
        guard a > 0 else { return (0, 0) }
        let b = dot(x, s)
        let c = Swift.min(0, dot(x, x) - delta * delta)
        let root = (b * b - a * c).squareRoot()
        let q = -(b + (b >= 0 ? root : -root))
        if q == 0 { return (0, 0) }
        let t1 = q / a, t2 = c / q
        return t1 < t2 ? (t1, t2) : (t2, t1)
    }

    /// ½ sᵀ(JᵀJ + diag)s + gᵀs.
    static func quadratic(_ jh: Matrix, _ g: [Double], _ s: [Double], _ diag: [Double]) -> Double {
        let js = times(jh, s)
        var q = dot(js, js)
        for i in s.indices { q += s[i] * diag[i] * s[i] }
        return 0.5 * q + dot(s, g)
    }

    /// The quadratic model along s0 + t·s as a t² + b t + c.
    static func quadratic1D(_ jh: Matrix, _ g: [Double], _ s: [Double], s0: [Double]?, diag: [Double]) -> (Double, Double, Double) {
        let v = times(jh, s)
        var a = dot(v, v)
        for i in s.indices { a += s[i] * diag[i] * s[i] }
        a *= 0.5
        var b = dot(g, s)
        var c = 0.0
        if let s0 {
            let u = times(jh, s0)
            b += dot(u, v)
            c = 0.5 * dot(u, u) + dot(g, s0)
            for i in s.indices {
                b += s0[i] * diag[i] * s[i]
                c += 0.5 * s0[i] * diag[i] * s0[i]
            }
        }
        return (a, b, c)
    }

    /// Minimum of a t² + b t + c over [lower, upper] (ends or the interior extremum).
    static func minimizeQuadratic1D(_ a: Double, _ b: Double, _ lower: Double, _ upper: Double, c: Double) -> (Double, Double) {
        var candidates = [lower, upper]
        if a != 0 {
            let extremum = -0.5 * b / a
            if lower < extremum && extremum < upper { candidates.append(extremum) }
        }
        var best = (candidates[0], Double.infinity)
        for t in candidates {
            let y = t * (a * t + b) + c
            if y < best.1 { best = (t, y) }
        }
        return best
    }

    /// Δ ← ¼‖step‖ when the model predicted poorly (ratio < ¼), 2Δ when well (> ¾) at the boundary.
    static func updateRadius(
        _ delta: Double, actual: Double, predicted: Double, stepNorm: Double, boundHit: Bool
    ) -> (Double, Double) {
        let ratio: Double
        if predicted > 0 {
            ratio = actual / predicted
        } else if predicted == 0 && actual == 0 {
            ratio = 1
        } else {
            ratio = 0
        }
        if ratio < 0.25 { return (0.25 * stepNorm, ratio) }
        if ratio > 0.75 && boundHit { return (2 * delta, ratio) }
        return (delta, ratio)
    }

    static func termination(
        _ reduction: Double, _ cost: Double, stepNorm: Double, xNorm: Double, ratio: Double, ftol: Double, xtol: Double
    ) -> LeastSquaresStop? {
        let ftolHolds = reduction < ftol * cost && ratio > 0.25
        let xtolHolds = stepNorm < xtol * (xtol + xNorm)
        switch (ftolHolds, xtolHolds) {
        case (true, true): return .functionAndStep
        case (true, false): return .function
        case (false, true): return .step
        case (false, false): return nil
        }
    }

    /// x moved strictly inside the box: a value on or beyond a bound becomes the next representable
    /// value inside (rstep = 0) or the bound plus rstep·max(1, |bound|).
    static func strictlyFeasible(_ x: [Double], _ lb: [Double], _ ub: [Double], rstep: Double = 0) -> [Double] {
        let active = activeBounds(x, lb, ub, rtol: rstep)
        var result = x
        for i in x.indices {
            if active[i] == -1 {
                result[i] = rstep == 0 ? lb[i].nextUp : lb[i] + rstep * Swift.max(1, Swift.abs(lb[i]))
            } else if active[i] == 1 {
                result[i] = rstep == 0 ? ub[i].nextDown : ub[i] - rstep * Swift.max(1, Swift.abs(ub[i]))
            }
            if result[i] < lb[i] || result[i] > ub[i] { result[i] = 0.5 * (lb[i] + ub[i]) }
        }
        return result
    }

    /// −1 / +1 for a parameter at (within rtol·max(1, |bound|) of) its lower / upper bound, else 0.
    static func activeBounds(_ x: [Double], _ lb: [Double], _ ub: [Double], rtol: Double) -> [Int] {
        x.indices.map { i in
            if rtol == 0 { return x[i] <= lb[i] ? -1 : (x[i] >= ub[i] ? 1 : 0) }
            let lowerDistance = x[i] - lb[i], upperDistance = ub[i] - x[i]
            if lb[i].isFinite && lowerDistance <= Swift.min(upperDistance, rtol * Swift.max(1, Swift.abs(lb[i]))) { return -1 }
            if ub[i].isFinite && upperDistance <= Swift.min(lowerDistance, rtol * Swift.max(1, Swift.abs(ub[i]))) { return 1 }
            return 0
        }
    }
}

// MARK: Small dense vector helpers (the problems are small; BLAS calls would cost more than they save)

fileprivate func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

fileprivate func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

/// A x.
fileprivate func times(_ a: Matrix, _ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: a.rows)
    for j in 0..<a.columns where x[j] != 0 {
        for i in 0..<a.rows { y[i] += a[i, j] * x[j] }
    }
    return y
}

/// Aᵀ y.
fileprivate func transposeTimes(_ a: Matrix, _ y: [Double]) -> [Double] {
    (0..<a.columns).map { j in (0..<a.rows).reduce(0.0) { $0 + a[$1, j] * y[$1] } }
}
