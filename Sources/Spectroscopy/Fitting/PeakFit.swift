import Foundation
import InterphaseCore
import InterphaseData
import InterphaseNumerics

/// The peak-fit driver: one spectrum region, its components and ties, an options struct; returns an
/// immutable `PeakFitResult`. Steps: convert to binding energy (BE = hν − KE), sort ascending, cut the
/// window, build the background (subtracted first, or fitted with the peaks for the active Shirley),
/// solve the bounded least-squares problem with `LeastSquares` (trust-region reflective; covariance as
/// `curve_fit`), then calibrate.
public enum PeakFit {
    /// - Throws: `InterphaseError` naming the file, region or parameter: `.invalidParameter` for a component
    ///   whose center is outside the data range, `.notConverged` for a fit (or Shirley background) that
    ///   does not converge, the spectrum's and the solver's errors.
    public static func fit(_ spectrum: Spectrum, components: [PeakComponent], ties: [ParameterTie] = [],
                           options: PeakFitOptions = PeakFitOptions(), notes: [String] = []) throws -> PeakFitResult {
        let region = spectrum.name, file = spectrum.source
        let (x, y) = try prepared(spectrum, options: options)
        guard !components.isEmpty else {
            throw InterphaseError(.invalidParameter, "region '\(region)': no components to fit", file: file, parameter: "--components")
        }
        let lo = x[0], hi = x[x.count - 1]
        for c in components where !(lo...hi).contains(c.values[0]) {
            throw InterphaseError(.invalidParameter,
                                  String(format: "region '%@': center %.2f eV is outside the data range %.2f–%.2f eV", region, c.values[0], lo, hi),
                                  file: file, parameter: "\(c.name).center")
        }
        if let calibration = options.calibration, !components.contains(where: { EnergyCalibration.sameName($0.name, calibration.component) }) {
            throw InterphaseError(.invalidParameter, "region '\(region)': no component '\(calibration.component)' to calibrate on", file: file,
                                  parameter: "--calibrate", expected: components.map(\.name).joined(separator: ", "))
        }
        let ends = try BackgroundEndpoints(y, points: options.endpointPoints)
        var background = [Double](repeating: 0, count: x.count)
        var backgroundParameters: [(String, Double)] = []
        switch options.background {
        case .none: break
        case .linear:
            background = LinearBackground.compute(x: x, endpoints: ends)
        case .shirley:
            background = try ShirleyBackground.compute(x: x, y: y, endpoints: ends, tolerance: options.shirleyTolerance,
                                                      maxIterations: options.shirleyMaxIterations, region: region, file: file)
        case let .tougaard(b, c):
            let t = try TougaardBackground.compute(x: x, y: y, endpoints: ends, b: b, c: c, region: region, file: file)
            background = t.background
            backgroundParameters.append(("tougaard_B_eV2", t.b))
            backgroundParameters.append(("tougaard_C_eV2", c))
        case .activeShirley: break
        }
        if options.background != .none, options.background != .activeShirley {
            backgroundParameters.insert(("low_end_level", ends.low), at: 0)
            backgroundParameters.insert(("high_end_level", ends.high), at: 1)
        }
        let active = options.background == .activeShirley
        // Active Shirley starts from k that makes b₀ + k·(total peak area) reach the high end.
        let startArea = components.reduce(0.0) { $0 + ($1.shape.area($1.values) ?? $1.values[1]) }
        let model = try PeakModel(components: components, ties: ties, activeShirley: active,
                                  backgroundStart: (ends.low, startArea > 0 ? Swift.max(ends.high - ends.low, 0) / startArea : 0))
        let target = zip(y, background).map { $0 - $1 }
        let weights: [Double]? = options.weighting == .poisson ? y.map { 1 / Swift.max($0, 1).squareRoot() } : nil
        let m = x.count, n = model.freeNames.count
        guard n > 0 else { throw InterphaseError(.invalidParameter, "region '\(region)': every parameter is fixed or tied", file: file) }
        let problem = try LeastSquaresProblem(
            parameterNames: model.freeNames, lowerBounds: model.lower, upperBounds: model.upper,
            residuals: { p in
                let f = model.evaluate(p, x: x, weights: nil, jacobian: false).model
                return weights.map { w in (0..<m).map { (f[$0] - target[$0]) * w[$0] } } ?? (0..<m).map { f[$0] - target[$0] }
            },
            jacobian: { p in Matrix(rows: m, columns: n, columnMajor: model.evaluate(p, x: x, weights: weights, jacobian: true).jacobian!) })
        let solution: LeastSquaresResult
        do {
            solution = try LeastSquares.solve(problem, initial: model.initial, options: options.solver)
        } catch var error as InterphaseError {
            error.message = "region '\(region)': peak fit: " + error.message
            throw file.map { error.inFile($0) } ?? error
        }
        return result(spectrum: spectrum, model: model, solution: solution, x: x, y: y, background: background,
                      backgroundParameters: backgroundParameters, ties: ties, options: options, notes: notes)
    }

    /// The region's points in ascending binding energy, inside the window.
    public static func prepared(_ spectrum: Spectrum, options: PeakFitOptions) throws -> (x: [Double], y: [Double]) {
        var s = try spectrum.bindingEnergy(photonEnergy: options.photonEnergy)
        if let window = options.window {
            do { s = try s.points(in: window) } catch {
                throw InterphaseError(.invalidParameter, "region '\(s.name)': fewer than 3 points in the window \(window.lowerBound)–\(window.upperBound) eV",
                                      file: s.source, parameter: "--window")
            }
        }
        return s.x[0] < s.x[s.count - 1] ? (s.x, s.y) : (s.x.reversed(), s.y.reversed())
    }

    static func result(spectrum: Spectrum, model: PeakModel, solution: LeastSquaresResult, x: [Double], y: [Double], background: [Double],
                       backgroundParameters: [(String, Double)], ties: [ParameterTie], options: PeakFitOptions, notes: [String]) -> PeakFitResult {
        let p = solution.parameters
        let flat = model.parameters(p)
        let curves = model.componentCurves(p, x: x)
        var background = background
        var backgroundParameters = backgroundParameters
        if model.activeShirley {
            let n = p.count
            let sum = (0..<x.count).map { i in curves.reduce(0) { $0 + $1[i] } }
            let integral = CumulativeIntegral.trapezoid(sum, x)
            background = integral.map { p[n - 2] + p[n - 1] * $0 }
            backgroundParameters += [("active_shirley_b0", p[n - 2]), ("active_shirley_k_per_eV", p[n - 1])]
        }
        let errorOfSlot: (Int) -> (Double, PeakFitResult.Status, Int) = { s in
            switch model.slots[s] {
            case let .free(f): return (solution.standardErrors[f], .free, solution.activeBounds[f])
            case .fixed: return (0, .fixed, 0)
            case let .tied(source, scale, _):
                let tie = ties.first { t in
                    model.components.indices.contains { c in
                        EnergyCalibration.sameName(model.components[c].name, t.target.component)
                            && model.offsets[c] + (model.components[c].index(of: t.target.parameter) ?? -1) == s
                    }
                }
                if case let .free(f) = model.slots[source] { return (Swift.abs(scale) * solution.standardErrors[f], .tied(tie?.description ?? "tied"), 0) }
                return (0, .tied(tie?.description ?? "tied"), 0)
            }
        }
        var shift = 0.0
        if let calibration = options.calibration,
           let c = model.components.firstIndex(where: { EnergyCalibration.sameName($0.name, calibration.component) }) {
            shift = calibration.reference - flat[model.offsets[c]]
        }
        var areas: [Double] = [], rows: [PeakFitResult.Component] = []
        for (c, component) in model.components.enumerated() {
            let values = model.componentParameters(flat, c)
            let area = component.shape.area(values) ?? zip(x.indices.dropFirst(), x.indices).reduce(0.0) { s, ij in
                s + 0.5 * (curves[c][ij.0] + curves[c][ij.1]) * (x[ij.0] - x[ij.1])
            }
            areas.append(area)
        }
        let total = areas.reduce(0, +)
        for (c, component) in model.components.enumerated() {
            let values = model.componentParameters(flat, c)
            let parameters = component.shape.parameters.enumerated().map { j, def -> PeakFitResult.Parameter in
                let (error, status, bound) = errorOfSlot(model.offsets[c] + j)
                return PeakFitResult.Parameter(name: def.name, unit: def.unit, value: values[j] + (j == 0 ? shift : 0),
                                               standardError: error, status: status, atBound: bound)
            }
            let areaError = component.shape.area(values) != nil ? parameters[1].standardError : .nan
            let height = Swift.max(curves[c].max() ?? 0, component.shape.value(values[0], values))
            rows.append(PeakFitResult.Component(
                name: component.name, shape: component.shape, parameters: parameters, center: parameters[0].value,
                centerError: parameters[0].standardError, area: areas[c], areaError: areaError, fwhm: component.shape.fullWidth(values),
                height: height, areaPercent: total > 0 ? 100 * areas[c] / total : .nan, curve: curves[c]))
        }
        let envelope = (0..<x.count).map { i in background[i] + rows.reduce(0) { $0 + $1.curve[i] } }
        return PeakFitResult(
            region: spectrum.name, source: spectrum.source, intensity: spectrum.intensity, x: x.map { $0 + shift }, y: y,
            background: background, envelope: envelope, residuals: zip(y, envelope).map { $0 - $1 }, components: rows, ties: ties,
            backgroundMethod: options.background, backgroundParameters: backgroundParameters, weighting: options.weighting,
            chiSquare: solution.chiSquare, reducedChiSquare: solution.reducedChiSquare, degreesOfFreedom: solution.degreesOfFreedom,
            freeParameterNames: solution.parameterNames, correlation: solution.correlation, evaluations: solution.evaluations,
            stop: solution.stop, calibration: options.calibration, shift: shift, notes: notes)
    }
}
