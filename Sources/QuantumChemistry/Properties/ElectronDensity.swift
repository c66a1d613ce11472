import InterphaseNumerics

/// ρ(r) = Σ_μν D_μν φ_μ(r) φ_ν(r) at arbitrary points, with the grid code's basis values (blocks of
/// 128 points, one matrix product each).
struct ElectronDensity: Sendable {
    let basis: BasisValues
    let density: [Double]

    init(_ result: SCFResult, integrals: Integrals) {
        basis = BasisValues(basis: integrals.basis, normalizedCoefficients: integrals.normalizedCoefficients)
        density = result.density
    }

    /// ρ at each point. - Units: e bohr⁻³.
    func values(at points: [SIMD3<Double>]) throws -> [Double] {
        let n = basis.functionCount
        var rho = [Double](repeating: 0, count: points.count)
        for start in stride(from: 0, to: points.count, by: 128) {
            let range = start..<min(start + 128, points.count)
            let block = basis.evaluate(points[range], gradients: false)
            let ns = block.functions.count, np = range.count
            guard ns > 0 else { continue }
            let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
            let x = try LAPACK.product(phi, block.gather(density, order: n))
            for j in 0..<ns { for g in 0..<np { rho[start + g] += phi[g, j] * x[g, j] } }
        }
        return rho
    }

    /// ψ(r) = Σ_μ c_μ φ_μ(r) for one orbital's coefficients at each point. - Units: bohr^{-3/2}.
    func orbital(_ coefficients: [Double], at points: [SIMD3<Double>]) -> [Double] {
        var psi = [Double](repeating: 0, count: points.count)
        for start in stride(from: 0, to: points.count, by: 128) {
            let range = start..<min(start + 128, points.count)
            let block = basis.evaluate(points[range], gradients: false)
            let np = range.count
            for (j, f) in block.functions.enumerated() where coefficients[f] != 0 {
                for g in 0..<np { psi[start + g] += coefficients[f] * block.values[j * np + g] }
            }
        }
        return psi
    }
}
