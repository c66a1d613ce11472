import Foundation
import InterphaseCore
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// The bounded least-squares solver against independent oracles: the Rosenbrock valley (known minimum),
/// NIST StRD nonlinear regression problems with certified values (Misra1a, MGH09, Thurber), a straight line whose covariance is
/// known in closed form, a bound-constrained Rosenbrock with an analytic minimiser on the bound, and the
/// error paths.
@Suite struct LeastSquaresTests {
    // MARK: Rosenbrock

    /// r = (10(x₂ − x₁²), 1 − x₁): ½‖r‖² is Rosenbrock's function, minimum 0 at (1, 1) (Rosenbrock,
    /// Comput. J. 3, 175, 1960; Moré, Garbow & Hillstrom 1981, problem 1, start (−1.2, 1)).
    static func rosenbrock(lower: [Double]? = nil, upper: [Double]? = nil, analytic: Bool = true) throws -> LeastSquaresProblem {
        let jacobian: LeastSquaresProblem.Jacobian = { p in Matrix(rowMajor: [[-20 * p[0], 10], [-1, 0]]) }
        return try LeastSquaresProblem(
            parameterNames: ["x1", "x2"], lowerBounds: lower, upperBounds: upper,
            residuals: { p in [10 * (p[1] - p[0] * p[0]), 1 - p[0]] },
            jacobian: analytic ? jacobian : nil)
    }

    @Test func rosenbrockWithAnalyticJacobian() throws {
        let fit = try LeastSquares.solve(Self.rosenbrock(), initial: [-1.2, 1], options: .init(functionTolerance: 1e-12, stepTolerance: 1e-12, gradientTolerance: 1e-12))
        #expect(abs(fit.parameters[0] - 1) < 1e-9 && abs(fit.parameters[1] - 1) < 1e-9, "\(fit.parameters)")
        #expect(fit.cost < 1e-20)
        #expect(fit.evaluations < 100)
    }

    /// Without a Jacobian the forward-difference one must reach the same minimum (to its √ε accuracy).
    @Test func rosenbrockWithFiniteDifferences() throws {
        let fit = try LeastSquares.solve(Self.rosenbrock(analytic: false), initial: [-1.2, 1])
        #expect(abs(fit.parameters[0] - 1) < 1e-6 && abs(fit.parameters[1] - 1) < 1e-6, "\(fit.parameters)")
    }

    /// Active bound: with x₁ ≤ 0.5 the first residual still vanishes on x₂ = x₁², so the minimiser is
    /// (0.5, 0.25) on the bound, with x₁'s bound reported active and x₂ free.
    @Test func rosenbrockWithAnActiveUpperBound() throws {
        let problem = try Self.rosenbrock(lower: [-2, -2], upper: [0.5, 2])
        let fit = try LeastSquares.solve(problem, initial: [-1.2, 1])
        #expect(abs(fit.parameters[0] - 0.5) < 1e-8, "\(fit.parameters)")
        #expect(abs(fit.parameters[1] - 0.25) < 1e-7, "\(fit.parameters)")
        #expect(fit.activeBounds == [1, 0])
        #expect(abs(fit.cost - 0.125) < 1e-12)
    }

    /// Lower bounds active from the other side: min (p₀ − 3)² + (p₁ + 1)² over [0, 2] × [0, ∞) is (2, 0).
    @Test func twoActiveBounds() throws {
        let problem = try LeastSquaresProblem(
            parameterNames: ["a", "b"], lowerBounds: [0, 0], upperBounds: [2, .infinity],
            residuals: { p in [p[0] - 3, p[1] + 1] })
        let fit = try LeastSquares.solve(problem, initial: [1, 1])
        #expect(abs(fit.parameters[0] - 2) < 1e-8 && abs(fit.parameters[1]) < 1e-8, "\(fit.parameters)")
        #expect(fit.activeBounds == [1, -1])
    }

    /// The same iterates as SciPy's implementation of the method: `scipy.optimize.least_squares(fun, x0,
    /// jac, bounds, method="trf")` (SciPy 1.17.1, default tolerances 1e-8, x_scale 1), run while writing this
    /// test, took on Rosenbrock from (−1.2, 1) 25 evaluations and 18 Jacobians to stop on gtol (status 1)
    /// unbounded; with x₁ ≤ 0.5 (box [−2, 0.5] × [−2, 2]) 18 evaluations and 16 Jacobians, stop on ftol
    /// (status 2), cost 0.1250000000000122; and on min (a − 3)² + (b + 1)² over [0, 2] × [0, ∞) from (1, 1)
    /// 6 evaluations, gtol, b = 2.32830644e-10. Equal counts mean the same steps, radius updates and
    /// reflections.
    @Test func followsSciPysPath() throws {
        let free = try LeastSquares.solve(Self.rosenbrock(), initial: [-1.2, 1])
        #expect(free.evaluations == 25 && free.jacobianEvaluations == 18 && free.stop == .gradient)
        let boxed = try LeastSquares.solve(Self.rosenbrock(lower: [-2, -2], upper: [0.5, 2]), initial: [-1.2, 1])
        #expect(boxed.evaluations == 18 && boxed.jacobianEvaluations == 16 && boxed.stop == .function)
        #expect(isClose(boxed.cost, 0.1250000000000122, rel: 1e-15))
        let two = try LeastSquares.solve(
            LeastSquaresProblem(
                parameterNames: ["a", "b"], lowerBounds: [0, 0], upperBounds: [2, .infinity], residuals: { p in [p[0] - 3, p[1] + 1] }),
            initial: [1, 1])
        #expect(two.evaluations == 6 && two.stop == .gradient)
        #expect(isClose(two.parameters[1], 2.32830644e-10, rel: 1e-8))
    }

    // MARK: NIST StRD

    /// NIST StRD Misra1a (Misra 1978, dental research monomolecular adsorption; lower difficulty),
    /// https://www.itl.nist.gov/div898/strd/nls/data/misra1a.shtml: y = b₁(1 − e^(−b₂x)), 14 observations.
    /// Certified: b₁ = 2.3894212918E+02 (sd 2.7070075241E+00), b₂ = 5.5015643181E-04 (sd 7.2668688436E-06),
    /// residual sum of squares 1.2455138894E-01. Both NIST starts, both trust-region scalings.
    @Test(arguments: [[500, 1e-4], [250, 5e-4]] as [[Double]], [LeastSquaresScaling.unit, .jacobian])
    func nistMisra1a(start: [Double], scaling: LeastSquaresScaling) throws {
        let y: [Double] = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78]
        let x: [Double] = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0]
        let problem = try LeastSquaresProblem(
            parameterNames: ["b1", "b2"],
            residuals: { b in x.indices.map { b[0] * (1 - exp(-b[1] * x[$0])) - y[$0] } },
            jacobian: { b in
                Matrix(rowMajor: x.map { [1 - exp(-b[1] * $0), b[0] * $0 * exp(-b[1] * $0)] })
            })
        let fit = try LeastSquares.solve(problem, initial: start, options: .init(functionTolerance: 1e-15, stepTolerance: 1e-15, gradientTolerance: 1e-15, maxEvaluations: 2000, scaling: scaling))
        #expect(isClose(fit.parameters[0], 2.3894212918E+02, rel: 1e-7), "\(fit.parameters)")
        #expect(isClose(fit.parameters[1], 5.5015643181E-04, rel: 1e-7), "\(fit.parameters)")
        #expect(isClose(fit.standardErrors[0], 2.7070075241E+00, rel: 1e-6), "\(fit.standardErrors)")
        #expect(isClose(fit.standardErrors[1], 7.2668688436E-06, rel: 1e-6), "\(fit.standardErrors)")
        #expect(isClose(fit.chiSquare, 1.2455138894E-01, rel: 1e-8))
        #expect(isClose(fit.reducedChiSquare.squareRoot(), 1.0187876330E-01, rel: 1e-8))
        #expect(fit.degreesOfFreedom == 12)
    }

    /// NIST StRD MGH09 (Kowalik & Osborne 1978; Moré, Garbow & Hillstrom 1981; higher difficulty),
    /// https://www.itl.nist.gov/div898/strd/nls/data/mgh09.shtml: y = b₁(x² + b₂x)/(x² + b₃x + b₄),
    /// 11 observations. Certified b = (1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01,
    /// 1.3606233068E-01), sd (1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02),
    /// residual SS 3.0750560385E-04. Start 2 (0.25, 0.39, 0.415, 0.39), by finite differences. (Start 1,
    /// 25/39/41.5/39, leads most solvers to the local minimum at infinity NIST describes.)
    @Test func nistMGH09() throws {
        let y: [Double] = [1.957000E-01, 1.947000E-01, 1.735000E-01, 1.600000E-01, 8.440000E-02, 6.270000E-02,
                           4.560000E-02, 3.420000E-02, 3.230000E-02, 2.350000E-02, 2.460000E-02]
        let x: [Double] = [4.000000E+00, 2.000000E+00, 1.000000E+00, 5.000000E-01, 2.500000E-01, 1.670000E-01,
                           1.250000E-01, 1.000000E-01, 8.330000E-02, 7.140000E-02, 6.250000E-02]
        let problem = try LeastSquaresProblem(
            parameterNames: ["b1", "b2", "b3", "b4"],
            residuals: { b in x.indices.map { i in b[0] * (x[i] * x[i] + x[i] * b[1]) / (x[i] * x[i] + x[i] * b[2] + b[3]) - y[i] } })
        let fit = try LeastSquares.solve(problem, initial: [0.25, 0.39, 0.415, 0.39], options: .init(functionTolerance: 1e-15, stepTolerance: 1e-15, gradientTolerance: 1e-15, maxEvaluations: 5000))
        let certified = [1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01, 1.3606233068E-01]
        let sd = [1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02]
        for j in 0..<4 {
            #expect(isClose(fit.parameters[j], certified[j], rel: 1e-5), "b\(j + 1) \(fit.parameters[j])")
            #expect(isClose(fit.standardErrors[j], sd[j], rel: 1e-3), "sd b\(j + 1) \(fit.standardErrors[j])")
        }
        #expect(isClose(fit.chiSquare, 3.0750560385E-04, rel: 1e-8))
    }

    /// NIST StRD Thurber (Thurber, NIST semiconductor electron mobility; higher difficulty),
    /// https://www.itl.nist.gov/div898/strd/nls/data/thurber.shtml: a rational model
    /// y = (b₁ + b₂x + b₃x² + b₄x³)/(1 + b₅x + b₆x² + b₇x³), 37 observations, analytic Jacobian, both NIST
    /// starts. Certified b = (1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
    /// 9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02), sd (4.6647963344E+00, 3.9571156086E+01,
    /// 2.8698696102E+01, 5.5675370270E+00, 3.1333340687E-02, 1.4984928198E-02, 6.5842344623E-03),
    /// residual SS 5.6427082397E+03, residual sd 1.3714600784E+01 (30 degrees of freedom). Both
    /// scalings.
    @Test(arguments: [[1000, 1000, 400, 40, 0.7, 0.3, 0.03], [1300, 1500, 500, 75, 1, 0.4, 0.05]] as [[Double]],
          [LeastSquaresScaling.unit, .jacobian])
    func nistThurber(start: [Double], scaling: LeastSquaresScaling) throws {
        let y: [Double] = [
            80.574, 84.248, 87.264, 87.195, 89.076, 89.608, 89.868, 90.101, 92.405, 95.854, 100.696, 101.060, 401.672,
            390.724, 567.534, 635.316, 733.054, 759.087, 894.206, 990.785, 1090.109, 1080.914, 1122.643, 1178.351,
            1260.531, 1273.514, 1288.339, 1327.543, 1353.863, 1414.509, 1425.208, 1421.384, 1442.962, 1464.350,
            1468.705, 1447.894, 1457.628,
        ]
        let x: [Double] = [
            -3.067, -2.981, -2.921, -2.912, -2.840, -2.797, -2.702, -2.699, -2.633, -2.481, -2.363, -2.322, -1.501,
            -1.460, -1.274, -1.212, -1.100, -1.046, -0.915, -0.714, -0.566, -0.545, -0.400, -0.309, -0.109, -0.103,
            0.010, 0.119, 0.377, 0.790, 0.963, 1.006, 1.115, 1.572, 1.841, 2.047, 2.200,
        ]
        @Sendable func parts(_ b: [Double], _ t: Double) -> (Double, Double) {
            (b[0] + t * (b[1] + t * (b[2] + t * b[3])), 1 + t * (b[4] + t * (b[5] + t * b[6])))
        }
        let problem = try LeastSquaresProblem(
            parameterNames: (1...7).map { "b\($0)" },
            residuals: { b in x.indices.map { i in let (n, d) = parts(b, x[i]); return n / d - y[i] } },
            jacobian: { b in
                Matrix(rowMajor: x.map { t in
                    let (n, d) = parts(b, t)
                    return [1 / d, t / d, t * t / d, t * t * t / d, -n * t / (d * d), -n * t * t / (d * d), -n * t * t * t / (d * d)]
                })
            })
        let fit = try LeastSquares.solve(problem, initial: start, options: .init(functionTolerance: 1e-15, stepTolerance: 1e-15, gradientTolerance: 1e-15, maxEvaluations: 5000, scaling: scaling))
        let certified = [1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01, 9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02]
        let sd = [4.6647963344E+00, 3.9571156086E+01, 2.8698696102E+01, 5.5675370270E+00, 3.1333340687E-02, 1.4984928198E-02, 6.5842344623E-03]
        for j in 0..<7 {
            #expect(isClose(fit.parameters[j], certified[j], rel: 1e-6), "b\(j + 1) \(fit.parameters[j])")
            #expect(isClose(fit.standardErrors[j], sd[j], rel: 1e-5), "sd b\(j + 1) \(fit.standardErrors[j])")
        }
        #expect(isClose(fit.chiSquare, 5.6427082397E+03, rel: 1e-9))
        #expect(isClose(fit.reducedChiSquare.squareRoot(), 1.3714600784E+01, rel: 1e-9))
        #expect(fit.degreesOfFreedom == 30)
    }

    // MARK: Covariance in closed form

    /// y = a + b x by least squares: b = Sxy/Sxx, a = ȳ − b x̄, s² = RSS/(n − 2), Var b = s²/Sxx,
    /// Var a = s²(1/n + x̄²/Sxx), Cov(a, b) = −x̄ s²/Sxx (any regression text, e.g. Draper & Smith,
    /// Applied Regression Analysis, 3rd ed., Wiley 1998). The solver's SVD covariance must equal these.
    @Test func straightLineCovarianceIsTheClosedForm() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let y: [Double] = [1.1, 2.9, 5.2, 7.1, 8.8, 11.3, 12.9, 15.2]
        let n = Double(x.count)
        let xm = x.reduce(0, +) / n, ym = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - xm) * ($1 - xm) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - xm) * ($1.1 - ym) }
        let b = sxy / sxx, a = ym - b * xm
        let rss = zip(x, y).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
        let s2 = rss / (n - 2)
        let problem = try LeastSquaresProblem(
            parameterNames: ["a", "b"], residuals: { p in x.indices.map { p[0] + p[1] * x[$0] - y[$0] } },
            jacobian: { _ in Matrix(rowMajor: x.map { [1, $0] }) })
        let fit = try LeastSquares.solve(problem, initial: [0, 0])
        #expect(isClose(fit.parameters[0], a, rel: 1e-10) && isClose(fit.parameters[1], b, rel: 1e-10))
        #expect(isClose(fit.covariance[1, 1], s2 / sxx, rel: 1e-10))
        #expect(isClose(fit.covariance[0, 0], s2 * (1 / n + xm * xm / sxx), rel: 1e-10))
        #expect(isClose(fit.covariance[0, 1], -xm * s2 / sxx, rel: 1e-10))
        #expect(isClose(fit.correlation[0, 1], -xm / (1 / n + xm * xm / sxx).squareRoot() / sxx.squareRoot(), rel: 1e-10))
        #expect(fit.correlation[0, 0] == 1 || isClose(fit.correlation[0, 0], 1, rel: 1e-14))
        #expect(isClose(fit.chiSquare, rss, rel: 1e-10))
        #expect(isClose(fit.reducedChiSquare, s2, rel: 1e-10))
    }

    // MARK: Errors

    /// Residuals that are NaN at the start: a clear `.invalidData` naming the parameters and values.
    @Test func nanAtTheStartIsAnError() throws {
        let problem = try LeastSquaresProblem(parameterNames: ["k"], residuals: { p in [log(p[0]) - 1, p[0]] })
        let error = expectInterphaseError(.invalidData) { try LeastSquares.solve(problem, initial: [-1]) }
        #expect(error?.parameter == "k")
        #expect(error?.message.contains("nan") == true)
    }

    /// Trial points with non-finite residuals are stepped back from (the radius shrinks), so the fit
    /// still finds √p = 0.1 ⇒ p = 0.01 from p = 4 although a full Gauss–Newton step lands at p < 0.
    @Test func nonFiniteTrialStepsAreRetreatedFrom() throws {
        let problem = try LeastSquaresProblem(parameterNames: ["p"], residuals: { p in [p[0].squareRoot() - 0.1, 0] })
        let fit = try LeastSquares.solve(problem, initial: [4])
        #expect(abs(fit.parameters[0] - 0.01) < 1e-8, "\(fit.parameters)")
    }

    /// An evaluation budget too small to converge: `.notConverged`, naming a parameter and the budget.
    @Test func evaluationBudgetExhaustedIsAnError() throws {
        let error = expectInterphaseError(.notConverged) {
            try LeastSquares.solve(Self.rosenbrock(), initial: [-1.2, 1], options: .init(maxEvaluations: 4))
        }
        #expect(error?.message.contains("4 evaluations") == true)
        #expect(error?.parameter == "x1" || error?.parameter == "x2")
    }

    /// For screening, the same exhausted budget returns the last iterate, flagged `.maxEvaluations` and
    /// not converged, with no more evaluations than allowed and a cost below the start's.
    @Test func exhaustedBudgetCanReturnTheLastIterate() throws {
        let fit = try LeastSquares.solve(
            Self.rosenbrock(), initial: [-1.2, 1], options: .init(maxEvaluations: 4, returnsUnconverged: true))
        #expect(fit.stop == .maxEvaluations && !fit.stop.converged)
        #expect(fit.evaluations <= 4)
        #expect(fit.cost < 0.5 * (pow(10 * (1 - 1.44), 2) + pow(2.2, 2)))
        #expect(fit.value("x1")?.value == fit.parameters[0] && fit.value("nope") == nil)
    }

    /// Bad set-up: wrong number of initial values, a start outside the box, empty bounds.
    @Test func badSetUpIsAnError() throws {
        let problem = try Self.rosenbrock(lower: [0, 0], upper: [1, 1])
        _ = expectInterphaseError(.invalidParameter) { try LeastSquares.solve(problem, initial: [0.5]) }
        let outside = expectInterphaseError(.invalidParameter) { try LeastSquares.solve(problem, initial: [0.5, 2]) }
        #expect(outside?.parameter == "x2")
        let empty = expectInterphaseError(.invalidParameter) { try Self.rosenbrock(lower: [0, 1], upper: [1, 1]) }
        #expect(empty?.parameter == "x2")
    }

    /// A Jacobian column that turns NaN names its parameter.
    @Test func nonFiniteJacobianNamesTheParameter() throws {
        let problem = try LeastSquaresProblem(
            parameterNames: ["a", "b"], residuals: { p in [p[0] - 1, p[1] - 2, p[0] * p[1]] },
            jacobian: { p in Matrix(rowMajor: [[1, 0], [0, .nan], [p[1], p[0]]]) })
        let error = expectInterphaseError(.invalidData) { try LeastSquares.solve(problem, initial: [0, 0]) }
        #expect(error?.parameter == "b")
    }
}
