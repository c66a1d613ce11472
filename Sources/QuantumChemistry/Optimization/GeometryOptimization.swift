import Foundation
import InterphaseCore
import InterphaseNumerics

/// Minimises the SCF energy over the nuclear positions: quasi-Newton in Cartesian coordinates with
/// rational-function steps (Banerjee, Adams, Simons & Shepard, J. Phys. Chem. 89, 52 (1985)) inside a
/// trust radius, BFGS updates of Lindh's model Hessian (`ModelHessian`), and the rigid translations
/// and rotations projected out of every step. Each geometry's SCF starts from the previous density.
/// Convergence uses Gaussian's four criteria (`OptimizationOptions`).
///
/// Trust radius (Fletcher, Practical Methods of Optimization (1987), §5.1): with ρ the ratio of the actual
/// to the predicted energy change gᵀs + ½sᵀHs, the radius doubles after ρ > 0.75 on a step that reached it and
/// is quartered after ρ < 0.25; a step that raises the energy is taken back and retried shorter.
public struct GeometryOptimization: Sendable {
    /// Every geometry visited, in order; the last is the optimised one.
    public let steps: [OptimizationStep]
    /// The full single point (properties, files asked for) at the optimised geometry.
    public let final: SinglePoint
    public var molecule: Molecule { final.molecule }
    public let wallSeconds: Double

    /// The trajectory as a multi-frame XYZ (Å), each frame's comment giving its step and energy.
    public var trajectory: String {
        steps.enumerated().map { k, s in s.molecule.xyz(comment: String(format: "step %d  E = %.10f Eh  max force %.2e Eh/bohr", k + 1, s.energy, s.maxForce)) }
            .joined()
    }

    /// - Parameters:
    ///   - options: what each single point computes (its `gradient` is switched on; cubes, Molden and the
    ///     ESP surface are computed at the final geometry only).
    ///   - progress: called after each geometry.
    /// - Throws: `.notConverged` after `maxSteps` geometries, naming the last forces and displacements;
    ///   the SCF's errors.
    public static func run(_ molecule: Molecule, options: SinglePointOptions = SinglePointOptions(),
                           optimization: OptimizationOptions = OptimizationOptions(),
                           progress: ((OptimizationStep) -> Void)? = nil) throws -> GeometryOptimization {
        let start = Date()
        guard optimization.maxSteps >= 1, optimization.trustRadius > 0, optimization.maxTrustRadius >= optimization.trustRadius else {
            throw InterphaseError(.invalidParameter, "maxSteps \(optimization.maxSteps), trust radius \(optimization.trustRadius) bohr",
                                  parameter: "optimization", expected: "≥ 1 step and 0 < trust radius ≤ its maximum")
        }
        var stepOptions = options
        stepOptions.gradient = true
        stepOptions.cubes = []
        stepOptions.molden = false
        stepOptions.surfaceIsovalue = nil
        let n = 3 * molecule.atoms.count
        var current = molecule
        var hessian = ModelHessian.hessian(molecule)
        var trust = optimization.trustRadius
        var steps: [OptimizationStep] = []
        var previous: (x: [Double], g: [Double], energy: Double, predicted: Double, molecule: Molecule)? = nil
        var density: [Double]? = nil
        for _ in 0..<optimization.maxSteps {
            stepOptions.scf.startDensity = density
            let point = try SinglePoint.run(current, options: stepOptions)
            density = point.result.density
            guard let gradient = point.gradient?.flat else { break }
            let x = current.atoms.flatMap { [$0.position.x, $0.position.y, $0.position.z] }
            let energy = point.result.energy
            if let p = previous {
                let s = zip(x, p.x).map { $0 - $1 }, y = zip(gradient, p.g).map { $0 - $1 }
                bfgs(&hessian, s: s, y: y)
                let actual = energy - p.energy, ratio = p.predicted != 0 ? actual / p.predicted : 1
                let length = norm(s)
                if actual > 1e-6 {
                    // Uphill: go back and try a quarter of the step.
                    trust = max(length / 4, 1e-4)
                    let retry = try rfoStep(gradient: p.g, hessian: hessian, molecule: p.molecule, trust: trust)
                    current = try p.molecule.moved(to: positions(zip(p.x, retry.step).map { $0 + $1 }))
                    previous = (p.x, p.g, p.energy, retry.predicted, p.molecule)
                    continue
                }
                if ratio > 0.75 && length > 0.8 * trust { trust = min(2 * trust, optimization.maxTrustRadius) }
                if ratio < 0.25 { trust = max(trust / 4, 1e-3) }
            }
            let next = try rfoStep(gradient: gradient, hessian: hessian, molecule: current, trust: trust)
            let maxF = gradient.map(abs).max() ?? 0, rmsF = rms(gradient)
            let maxD = next.step.map(abs).max() ?? 0, rmsD = rms(next.step)
            let converged = (maxF < optimization.maxForce && rmsF < optimization.rmsForce
                             && maxD < optimization.maxDisplacement && rmsD < optimization.rmsDisplacement)
                || (maxF < optimization.maxForce / 100 && rmsF < optimization.rmsForce / 100) || n <= 3
            let step = OptimizationStep(molecule: current, energy: energy, maxForce: maxF, rmsForce: rmsF,
                                        maxDisplacement: converged ? 0 : maxD, rmsDisplacement: converged ? 0 : rmsD, trustRadius: trust)
            steps.append(step)
            progress?(step)
            if converged {
                var finalOptions = options
                finalOptions.gradient = true
                finalOptions.scf.startDensity = density
                let final = try SinglePoint.run(current, options: finalOptions)
                return GeometryOptimization(steps: steps, final: final, wallSeconds: Date().timeIntervalSince(start))
            }
            previous = (x, gradient, energy, next.predicted, current)
            current = try current.moved(to: positions(zip(x, next.step).map { $0 + $1 }))
        }
        let last = steps.last
        throw InterphaseError(
            .notConverged,
            String(format: "the geometry did not converge in %d steps (last max force %.2e Eh/bohr against %.1e, max step %.2e bohr against %.1e)",
                   optimization.maxSteps, last?.maxForce ?? .nan, optimization.maxForce, last?.maxDisplacement ?? .nan, optimization.maxDisplacement),
            parameter: "optimization", expected: "more steps (--max-steps), or a start closer to a minimum")
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    static func rms(_ v: [Double]) -> Double { v.isEmpty ? 0 : norm(v) / Double(v.count).squareRoot() }
    static func positions(_ x: [Double]) -> [SIMD3<Double>] { stride(from: 0, to: x.count, by: 3).map { SIMD3(x[$0], x[$0 + 1], x[$0 + 2]) } }

    /// H ← H + yyᵀ/(yᵀs) − (Hs)(Hs)ᵀ/(sᵀHs) (Broyden–Fletcher–Goldfarb–Shanno), skipped unless yᵀs > 0
    /// (which keeps H positive definite).
    static func bfgs(_ h: inout Matrix, s: [Double], y: [Double]) {
        let n = s.count
        let ys = zip(y, s).reduce(0) { $0 + $1.0 * $1.1 }
        var hs = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<n { hs[i] += h[i, j] * s[j] } }
        let shs = zip(s, hs).reduce(0) { $0 + $1.0 * $1.1 }
        guard ys > 1e-12, shs > 1e-12 else { return }
        for i in 0..<n { for j in 0..<n { h[i, j] += y[i] * y[j] / ys - hs[i] * hs[j] / shs } }
    }

    /// The columns spanning the Cartesian displacements that are not rigid translations or rotations
    /// (3N − 6, or 3N − 5 for a linear molecule): eigenvectors of TTᵀ with zero eigenvalue, T the six
    /// rigid-motion vectors about the centroid.
    static func internalSpace(_ molecule: Molecule) throws -> Matrix {
        let atoms = molecule.atoms, n = 3 * atoms.count
        let centre = atoms.reduce(SIMD3<Double>.zero) { $0 + $1.position } / Double(atoms.count)
        var t = Matrix(rows: n, columns: 6)
        for (a, atom) in atoms.enumerated() {
            let r = atom.position - centre
            for k in 0..<3 { t[3 * a + k, k] = 1 }
            // ω × r for ω along x, y, z.
            t[3 * a + 1, 3] = -r.z; t[3 * a + 2, 3] = r.y
            t[3 * a, 4] = r.z; t[3 * a + 2, 4] = -r.x
            t[3 * a, 5] = -r.y; t[3 * a + 1, 5] = r.x
        }
        let ttT = try LAPACK.product(t, t, transposeB: true)
        let (values, vectors) = try LAPACK.symmetricEigen(ttT)
        let largest = values.last ?? 1
        let kept = values.indices.filter { values[$0] < 1e-8 * max(largest, 1) }
        var u = Matrix(rows: n, columns: kept.count)
        for (c, k) in kept.enumerated() { for r in 0..<n { u[r, c] = vectors[r, k] } }
        return u
    }

    /// The rational-function step: the lowest eigenvector (v, 1)·λ of [[H, g], [gᵀ, 0]] in the internal
    /// space gives s = v, which is Newton's step near a minimum and a safe downhill step elsewhere;
    /// scaled back to the trust radius when longer. Returns the Cartesian step and the energy change the
    /// quadratic model predicts for it.
    static func rfoStep(gradient g: [Double], hessian h: Matrix, molecule: Molecule, trust: Double) throws -> (step: [Double], predicted: Double) {
        let u = try internalSpace(molecule)
        let n = g.count, m = u.columns
        guard m > 0 else { return ([Double](repeating: 0, count: n), 0) }
        let gs = try LAPACK.product(u, Matrix(rows: n, columns: 1, columnMajor: g), transposeA: true)
        let hs = try LAPACK.product(u, try LAPACK.product(h, u), transposeA: true)
        var augmented = Matrix(rows: m + 1, columns: m + 1)
        for i in 0..<m {
            for j in 0..<m { augmented[i, j] = 0.5 * (hs[i, j] + hs[j, i]) }
            augmented[i, m] = gs[i, 0]
            augmented[m, i] = gs[i, 0]
        }
        let (_, vectors) = try LAPACK.symmetricEigen(augmented)
        var internalStep = [Double](repeating: 0, count: m)
        let last = vectors[m, 0]
        if abs(last) > 1e-8 {
            for i in 0..<m { internalStep[i] = vectors[i, 0] / last }
        } else {
            for i in 0..<m { internalStep[i] = -gs[i, 0] }  // steepest descent if the RFO vector has no gradient part
        }
        var step = [Double](repeating: 0, count: n)
        for r in 0..<n { for c in 0..<m { step[r] += u[r, c] * internalStep[c] } }
        let length = norm(step)
        if length > trust { step = step.map { $0 * trust / length } }
        var hstep = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<n { hstep[i] += h[i, j] * step[j] } }
        let predicted = zip(g, step).reduce(0) { $0 + $1.0 * $1.1 } + 0.5 * zip(step, hstep).reduce(0) { $0 + $1.0 * $1.1 }
        return (step, predicted)
    }
}
