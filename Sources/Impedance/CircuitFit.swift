import InterphaseCore
import InterphaseData
import InterphaseNumerics

/// Complex nonlinear least-squares fit of an equivalent circuit to an impedance spectrum.
///
/// The residual vector stacks the real parts, then the imaginary parts, of (Z_model − Z_data)/σ over
/// the N points — impedance.py's `np.hstack([Z.real, Z.imag])` (Macdonald & Garber, J. Electrochem. Soc.
/// 124, 1022 (1977): fitting both components at once) — and `LeastSquares.solve` minimises its squares
/// within the bounds, with the circuit's analytic Jacobian. Constants are removed from the parameter
/// vector and reinserted at evaluation, as impedance.py does.
public enum CircuitFit {
    /// Fits `circuit` to `spectrum`.
    /// - Parameters:
    ///   - initialGuess: starting values of the free (non-constant) parameters in circuit order, as
    ///     impedance.py's `initial_guess`. Nil fits from each of `CircuitInitialGuess.candidates` (guesses
    ///     from the spectrum's shape) and keeps the lowest cost. With `options.multiStart` the automatic
    ///     candidates are tried as well as the given guess, plus the random starts around the first one.
    /// - Throws: `.invalidParameter` for a wrong number of initial values (listing the free parameters),
    ///   an unknown constant or bound name, or a guess outside the bounds (naming the parameter);
    ///   `.invalidData` for a weighting dividing by zero or a model that cannot be evaluated;
    ///   `.notConverged` when no start converges (naming a parameter).
    public static func fit(
        _ circuit: Circuit, to spectrum: ImpedanceSpectrum, initialGuess: [Double]? = nil,
        options: CircuitFitOptions = CircuitFitOptions()
    ) throws -> CircuitFitResult {
        let count = circuit.parameterCount
        var fixed = [Double?](repeating: nil, count: count)
        for (name, value) in options.constants {
            guard let k = circuit.parameterIndex(name) else { throw unknownName(name, circuit, "constant") }
            guard value.isFinite else { throw InterphaseError(.invalidParameter, "constant \(value) is not finite", parameter: name) }
            fixed[k] = value
        }
        let free = (0..<count).filter { fixed[$0] == nil }
        guard !free.isEmpty else {
            throw InterphaseError(.invalidParameter, "every parameter of \(circuit.text) is constant: nothing to fit", parameter: "constants")
        }
        var lower = circuit.defaultLowerBounds, upper = circuit.defaultUpperBounds
        for (name, value) in options.lowerBounds {
            guard let k = circuit.parameterIndex(name) else { throw unknownName(name, circuit, "lower bound") }
            lower[k] = value
        }
        for (name, value) in options.upperBounds {
            guard let k = circuit.parameterIndex(name) else { throw unknownName(name, circuit, "upper bound") }
            upper[k] = value
        }
        let names = free.map { circuit.parameterNames[$0] }
        let freeLower = free.map { lower[$0] }, freeUpper = free.map { upper[$0] }

        func freeValues(_ full: [Double]) -> [Double] { free.indices.map { inside(full[free[$0]], freeLower[$0], freeUpper[$0]) } }
        var starts: [[Double]]
        if let initialGuess {
            guard initialGuess.count == free.count else {
                throw InterphaseError(
                    .invalidParameter,
                    "\(initialGuess.count) initial values for the \(free.count) free parameters of \(circuit.text) (\(names.joined(separator: ", ")))",
                    parameter: "initial guess")
            }
            for j in free.indices where !(initialGuess[j] >= freeLower[j] && initialGuess[j] <= freeUpper[j]) {
                throw InterphaseError(
                    .invalidParameter, "initial value \(initialGuess[j]) is outside its bounds", parameter: names[j],
                    expected: "\(freeLower[j]) ≤ value ≤ \(freeUpper[j])")
            }
            starts = [initialGuess]
            if options.multiStart != nil {
                starts += CircuitInitialGuess.candidates(circuit, spectrum).map(freeValues)
            }
        } else {
            starts = CircuitInitialGuess.candidates(circuit, spectrum).map(freeValues)
        }
        if let multiStart = options.multiStart {
            starts += multiStart.points(around: starts[0], lower: freeLower, upper: freeUpper).dropFirst()
        }

        let (sigmaRe, sigmaIm) = try options.weighting.sigmas(spectrum)
        let n = spectrum.count
        let template = (0..<count).map { fixed[$0] ?? 0 }
        let f = spectrum.frequency, zRe = spectrum.real, zIm = spectrum.imaginary
        let expand: @Sendable ([Double]) -> [Double] = { x in
            var p = template
            for (column, k) in free.enumerated() { p[k] = x[column] }
            return p
        }
        let problem = try LeastSquaresProblem(
            parameterNames: names, lowerBounds: freeLower, upperBounds: freeUpper,
            residuals: { x in
                let z = try circuit.impedance(expand(x), frequencies: f)
                var r = [Double](repeating: 0, count: 2 * n)
                for i in 0..<n {
                    r[i] = (z[i].re - zRe[i]) / sigmaRe[i]
                    r[n + i] = (z[i].im - zIm[i]) / sigmaIm[i]
                }
                return r
            },
            jacobian: { x in
                let p = expand(x)
                var gradient = [DoubleComplex](repeating: .zero, count: count)
                // Column-major: column c holds ∂rᵢ/∂x_c, the real rows first, then the imaginary rows.
                var values = [Double](repeating: 0, count: 2 * n * free.count)
                for i in 0..<n {
                    _ = circuit.impedance(p, frequency: f[i], gradient: &gradient)
                    for (column, k) in free.enumerated() {
                        values[column * 2 * n + i] = gradient[k].re / sigmaRe[i]
                        values[column * 2 * n + n + i] = gradient[k].im / sigmaIm[i]
                    }
                }
                return Matrix(rows: 2 * n, columns: free.count, columnMajor: values)
            })

        let solution: LeastSquaresResult
        let chosen: Int
        if starts.count == 1 {
            solution = try solve(problem, starts[0], options.solver)
            chosen = 0
        } else {
            var screening = options.solver
            screening.maxEvaluations = Swift.min(options.solver.maxEvaluations ?? 100 * free.count, options.screeningEvaluations)
            screening.returnsUnconverged = true
            let allStarts = starts, screeningOptions = screening
            let outcomes = Parallel.map(starts.count, parallel: options.multiStart?.parallel ?? true) { k in
                Result { () throws(InterphaseError) in try solve(problem, allStarts[k], screeningOptions) }
            }
            var best: (Int, LeastSquaresResult)?
            var firstError: InterphaseError?
            for (k, outcome) in outcomes.enumerated() {
                switch outcome {
                case let .success(result):
                    if result.cost.isFinite && (best == nil || result.cost < best!.1.cost) { best = (k, result) }
                case let .failure(error):
                    if firstError == nil { firstError = error }
                }
            }
            guard let (k, screened) = best else {
                var error = firstError ?? InterphaseError(.notConverged, "no start could be fitted")
                error.message = "none of \(starts.count) starts could be fitted; the first: " + error.message
                throw error
            }
            chosen = k
            // Finish the best start with the full budget (a converged one stays where it is).
            solution = try solve(problem, screened.parameters, options.solver)
        }
        let parameters = expand(solution.parameters)
        var errors = [Double](repeating: 0, count: count)
        for (column, k) in free.enumerated() { errors[k] = solution.standardErrors[column] }
        return CircuitFitResult(
            circuit: circuit, weighting: options.weighting, parameters: parameters,
            isConstant: (0..<count).map { fixed[$0] != nil }, standardErrors: errors, freeParameterNames: names,
            correlation: solution.correlation, chiSquare: solution.chiSquare, reducedChiSquare: solution.reducedChiSquare,
            pointsUsed: n, initialGuess: starts[chosen], startsTried: starts.count, startChosen: chosen, solver: solution)
    }

    private static func solve(
        _ problem: LeastSquaresProblem, _ start: [Double], _ options: LeastSquaresOptions
    ) throws(InterphaseError) -> LeastSquaresResult {
        do {
            return try LeastSquares.solve(problem, initial: start, options: options)
        } catch let error as InterphaseError {
            throw error
        } catch {
            throw InterphaseError(.library, "circuit fit: \(error)")
        }
    }

    private static func unknownName(_ name: String, _ circuit: Circuit, _ what: String) -> InterphaseError {
        InterphaseError(
            .invalidParameter, "\(what) names no parameter of \(circuit.text)", parameter: name,
            expected: circuit.parameterNames.joined(separator: ", "))
    }

    /// `value` moved strictly inside [lower, upper] (a start on a bound stalls the reflective method).
    static func inside(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
        guard value.isFinite else { return lower.isFinite ? (upper.isFinite ? (lower + upper) / 2 : lower + 1) : 0 }
        let margin = 1e-6
        if value <= lower { return upper.isFinite ? lower + margin * (upper - lower) : (lower == 0 ? 1e-6 : lower + margin * Swift.abs(lower)) }
        if value >= upper { return lower.isFinite ? upper - margin * (upper - lower) : upper - margin * Swift.max(1, Swift.abs(upper)) }
        return value
    }
}
