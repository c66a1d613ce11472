import InterphaseCore

/// Bounded nonlinear least squares: the one solver every fit in Interphase uses (equivalent circuits,
/// Butler–Volmer, spectral peaks, model calibration).
///
/// `solve` minimises ½‖r(p)‖² over the problem's box by the trust-region reflective method
/// (`TrustRegionReflective`: Branch, Coleman & Li 1999, with Moré's 1978 Levenberg–Marquardt
/// subproblem), then computes the covariance as `curve_fit` does (`LeastSquaresCovariance`).
///
/// ```swift
/// let problem = try LeastSquaresProblem(parameterNames: ["a", "b"], lowerBounds: [0, 0], upperBounds: [.infinity, 1],
///                                       residuals: { p in x.indices.map { p[0] * exp(-p[1] * x[$0]) - y[$0] } })
/// let fit = try LeastSquares.solve(problem, initial: [1, 0.5])
/// print(fit.parameters, fit.standardErrors, fit.stop)
/// ```
public enum LeastSquares {
    /// The minimiser of ½‖r(p)‖² in the box, starting from `initial`.
    /// - Throws: `.invalidParameter` (naming the parameter) for a wrong number of initial values or one
    ///   outside its bounds or not finite; `.invalidData` when the residuals at the start are not finite,
    ///   or the Jacobian has a non-finite column (naming that parameter); `.notConverged` when the
    ///   evaluation budget runs out before ftol, xtol or gtol holds (naming the parameter with the
    ///   largest remaining scaled gradient, and the last values); any error the residual function throws.
    public static func solve(
        _ problem: LeastSquaresProblem, initial: [Double], options: LeastSquaresOptions = LeastSquaresOptions()
    ) throws -> LeastSquaresResult {
        let n = problem.parameterCount
        let names = problem.parameterNames
        guard initial.count == n else {
            throw InterphaseError(
                .invalidParameter, "\(initial.count) initial values for \(n) parameters (\(names.joined(separator: ", ")))")
        }
        guard n > 0 else { throw InterphaseError(.invalidParameter, "least squares: no parameters to fit") }
        for j in 0..<n {
            guard initial[j].isFinite else {
                throw InterphaseError(.invalidParameter, "initial value \(initial[j]) is not finite", parameter: names[j])
            }
            guard initial[j] >= problem.lowerBounds[j], initial[j] <= problem.upperBounds[j] else {
                throw InterphaseError(
                    .invalidParameter, "initial value \(initial[j]) is outside its bounds",
                    parameter: names[j], expected: "\(problem.lowerBounds[j]) ≤ value ≤ \(problem.upperBounds[j])")
            }
        }
        // Start strictly inside the box (SciPy: make_strictly_feasible with rstep 1e-10).
        let x0 = TrustRegionReflective.strictlyFeasible(initial, problem.lowerBounds, problem.upperBounds, rstep: 1e-10)
        let f0 = try problem.residuals(x0)
        let m = f0.count
        guard m > 0 else { throw InterphaseError(.invalidData, "least squares: the residual vector is empty") }
        if let bad = f0.firstIndex(where: { !$0.isFinite }) {
            throw InterphaseError(
                .invalidData,
                "residual \(bad) is \(f0[bad]) at the initial parameters \(describe(names, x0)); the model cannot be evaluated there",
                parameter: names.joined(separator: ", "))
        }
        let step = options.finiteDifferenceStep ?? Double.ulpOfOne.squareRoot()
        let residualsAt: ([Double]) throws -> [Double] = { p in
            let r = try problem.residuals(p)
            guard r.count == m else { throw countMismatch(problem, r.count, m) }
            return r
        }
        let jacobianAt: ([Double], [Double]) throws -> Matrix = { p, r in
            let jac: Matrix
            if let analytic = problem.jacobian {
                jac = try analytic(p)
                guard jac.rows == m, jac.columns == n else {
                    throw InterphaseError(
                        .invalidParameter, "least squares: the Jacobian is \(jac.rows)×\(jac.columns), expected \(m)×\(n)")
                }
            } else {
                jac = try FiniteDifferenceJacobian.compute(problem, at: p, residuals: r, relativeStep: step)
            }
            for j in 0..<n where jac.column(j).contains(where: { !$0.isFinite }) {
                throw InterphaseError(
                    .invalidData, "the Jacobian column is not finite at \(describe(names, p))", parameter: names[j])
            }
            return jac
        }
        let j0 = try jacobianAt(x0, f0)
        let maxEvaluations = options.maxEvaluations ?? 100 * n
        let method = TrustRegionReflective(
            problem: problem, options: options, maxEvaluations: maxEvaluations, jacobianAt: jacobianAt,
            residualsAt: residualsAt)
        let outcome = try method.minimize(x0: x0, f0: f0, j0: j0)
        guard let stop = outcome.stop ?? (options.returnsUnconverged ? .maxEvaluations : nil) else {
            let pulling = outcome.scaledGradient.indices.max { Swift.abs(outcome.scaledGradient[$0]) < Swift.abs(outcome.scaledGradient[$1]) } ?? 0
            let why = outcome.lastTrialNonFinite
                ? "the last trial steps gave non-finite residuals" : "ftol, xtol and gtol were not reached"
            throw InterphaseError(
                .notConverged,
                "least squares did not converge in \(maxEvaluations) evaluations (\(why)); last values \(describe(names, outcome.x)), cost \(outcome.cost), largest scaled gradient here",
                parameter: names[pulling], expected: "a better initial guess, bounds, or a larger maxEvaluations")
        }
        let chiSquare = 2 * outcome.cost
        let statistics = try LeastSquaresCovariance.compute(jacobian: outcome.jacobian, chiSquare: chiSquare)
        let dof = m - n
        return LeastSquaresResult(
            parameterNames: names, parameters: outcome.x, cost: outcome.cost, residuals: outcome.residuals,
            jacobian: outcome.jacobian, covariance: statistics.covariance, standardErrors: statistics.standardErrors,
            correlation: statistics.correlation, chiSquare: chiSquare, degreesOfFreedom: dof,
            reducedChiSquare: dof > 0 ? chiSquare / Double(dof) : .nan, rank: statistics.rank,
            evaluations: outcome.evaluations, jacobianEvaluations: outcome.jacobianEvaluations,
            iterations: outcome.iterations, stop: stop,
            activeBounds: TrustRegionReflective.activeBounds(
                outcome.x, problem.lowerBounds, problem.upperBounds, rtol: options.stepTolerance))
    }

    static func countMismatch(_ problem: LeastSquaresProblem, _ got: Int, _ expected: Int) -> InterphaseError {
        InterphaseError(
            .invalidParameter, "least squares: the residual function returned \(got) values, then \(expected)")
    }

    static func describe(_ names: [String], _ values: [Double]) -> String {
        "(" + zip(names, values).map { "\($0) = \($1)" }.joined(separator: ", ") + ")"
    }
}
