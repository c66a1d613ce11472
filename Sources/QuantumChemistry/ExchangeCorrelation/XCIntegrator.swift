import InterphaseCore
import InterphaseNumerics

/// The exchange–correlation energy and Kohn–Sham potential matrix of a closed-shell density on a
/// molecular grid (Pople, Gill & Johnson, Chem. Phys. Lett. 199, 557 (1992), eqs. 9–12):
///
///   ρ = Σ D_μν φ_μ φ_ν,  ∇ρ = 2 Σ D_μν φ_μ ∇φ_ν,  σ = |∇ρ|²,
///   E_xc = Σ_g w_g ρ_g ε(ρ_g, σ_g),
///   V_μν = Σ_g w_g [∂f/∂ρ φ_μ φ_ν + 2 ∂f/∂σ ∇ρ·(φ_μ ∇φ_ν + ∇φ_μ φ_ν)],  f = ρε,
///
/// with ε, ∂f/∂ρ and ∂f/∂σ from libxc. Per block of points, with X = Φ D: ρ = Σ_ν Φ∘X,
/// ∇ρ = 2 Σ_ν ∇Φ∘X, and V = ΦᵀW + WᵀΦ with W = w (½ ∂f/∂ρ Φ + 2 ∂f/∂σ ∇ρ·∇Φ) — a `gemm` and a
/// `syr2k` per block. Blocks are split over the cores, each with its own libxc handles and accumulators.
public struct XCIntegrator: Sendable {
    public let functional: XCFunctional
    public let grid: MolecularGrid
    let basis: BasisValues
    /// Fraction of exact exchange the functional asks for (0.2 for B3LYP).
    public let exactExchange: Double
    let isGGA: Bool

    public init(functional: XCFunctional, grid: MolecularGrid, integrals: Integrals) throws {
        self.functional = functional
        self.grid = grid
        basis = BasisValues(basis: integrals.basis, normalizedCoefficients: integrals.normalizedCoefficients)
        let components = try functional.libxcIDs.map { try Libxc.Functional(id: $0) }
        exactExchange = components.reduce(0) { $0 + $1.exactExchange }
        isGGA = components.contains { $0.isGGA }
    }

    /// E_xc (hartree), V_xc (row-major n × n, hartree) and ∫ρ (electrons, a check on the grid).
    public func evaluate(density: [Double], threads: Int = Parallel.coreCount) throws -> (energy: Double, potential: [Double], electrons: Double) {
        let gga = isGGA
        let (energy, potentials, electrons) = try integrate(potentials: 1, polarized: false, threads: threads) { range, components, v in
            try self.accumulate(range, density: density, components: components, gga: gga, into: &v[0])
        }
        return (energy, potentials[0], electrons)
    }

    /// The blocks split over the cores: each part makes its own libxc handles (spin-polarised or not)
    /// and `count` n × n accumulators, `block` adds one block into them and returns its E_xc and
    /// electron count; the parts are summed.
    func integrate(potentials count: Int, polarized: Bool, threads: Int,
                   _ block: @escaping @Sendable (Range<Int>, [Libxc.Functional], inout [[Double]]) throws -> (Double, Double)) throws
        -> (energy: Double, potentials: [[Double]], electrons: Double) {
        let n = basis.functionCount
        let blocks = grid.blocks
        let parts = Parallel.ranges(blocks.count, minimumLength: 4)
        let ids = functional.libxcIDs
        let results = try Parallel.map(parts.count, parallel: threads > 1 && parts.count > 1) { (part: Int) throws -> (Double, Double, [[Double]]) in
            let components = try ids.map { try Libxc.Functional(id: $0, polarized: polarized) }
            var energy = 0.0, electrons = 0.0
            var v = [[Double]](repeating: [Double](repeating: 0, count: n * n), count: count)
            for b in parts[part] {
                let (e, q) = try block(blocks[b], components, &v)
                energy += e
                electrons += q
            }
            return (energy, electrons, v)
        }
        var potentials = [[Double]](repeating: [Double](repeating: 0, count: n * n), count: count)
        var energy = 0.0, electrons = 0.0
        for r in results {
            energy += r.0
            electrons += r.1
            for k in 0..<count { for t in 0..<(n * n) { potentials[k][t] += r.2[k][t] } }
        }
        return (energy, potentials, electrons)
    }

    /// Adds one block's V_μν into `v`; returns its E_xc and electron count.
    func accumulate(_ range: Range<Int>, density: [Double], components: [Libxc.Functional], gga: Bool,
                            into v: inout [Double]) throws -> (Double, Double) {
        let n = basis.functionCount
        let block = basis.evaluate(grid.points[range], gradients: gga)
        let np = range.count, ns = block.functions.count
        guard ns > 0 else { return (0, 0) }
        let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
        let x = try LAPACK.product(phi, block.gather(density, order: n))
        // ρ, ∇ρ (4 × np: ρ, ∂x, ∂y, ∂z), σ; libxc outputs ε, vρ, vσ; scratch for its components.
        var fields = [Double](repeating: 0, count: 11 * np)
        var energy = 0.0, electrons = 0.0
        var w = [Double](repeating: 0, count: np * ns)
        fields.withUnsafeMutableBufferPointer { f in
            let rho = f.baseAddress!, gx = rho + np, gy = gx + np, gz = gy + np, sigma = gz + np
            let exc = sigma + np, vrho = exc + np, vsigma = vrho + np, scratch = vsigma + np
            phi.storage.withUnsafeBufferPointer { ph in
                x.storage.withUnsafeBufferPointer { xs in
                    block.dx.withUnsafeBufferPointer { bx in
                        block.dy.withUnsafeBufferPointer { by in
                            block.dz.withUnsafeBufferPointer { bz in
                                for j in 0..<ns {
                                    let p = ph.baseAddress! + j * np, xv = xs.baseAddress! + j * np
                                    for g in 0..<np { rho[g] += p[g] * xv[g] }
                                    if gga {
                                        let dx = bx.baseAddress! + j * np, dy = by.baseAddress! + j * np, dz = bz.baseAddress! + j * np
                                        for g in 0..<np {
                                            gx[g] += 2 * dx[g] * xv[g]
                                            gy[g] += 2 * dy[g] * xv[g]
                                            gz[g] += 2 * dz[g] * xv[g]
                                        }
                                    }
                                }
                                if gga { for g in 0..<np { sigma[g] = gx[g] * gx[g] + gy[g] * gy[g] + gz[g] * gz[g] } }
                                for c in components {
                                    c.evaluate(count: np, rho: rho, sigma: sigma, scratch: scratch, exc: exc, vrho: vrho, vsigma: vsigma)
                                }
                                grid.weights.withUnsafeBufferPointer { wb in
                                    let weight = wb.baseAddress! + range.lowerBound
                                    for g in 0..<np {
                                        energy += weight[g] * rho[g] * exc[g]
                                        electrons += weight[g] * rho[g]
                                        // Fold the weights into the potentials: W = w(½vρ φ + 2vσ ∇ρ·∇φ).
                                        vrho[g] *= 0.5 * weight[g]
                                        vsigma[g] *= 2 * weight[g]
                                        gx[g] *= vsigma[g]
                                        gy[g] *= vsigma[g]
                                        gz[g] *= vsigma[g]
                                    }
                                    w.withUnsafeMutableBufferPointer { wm in
                                        for j in 0..<ns {
                                            let p = ph.baseAddress! + j * np, out = wm.baseAddress! + j * np
                                            if gga {
                                                let dx = bx.baseAddress! + j * np, dy = by.baseAddress! + j * np, dz = bz.baseAddress! + j * np
                                                for g in 0..<np { out[g] = vrho[g] * p[g] + gx[g] * dx[g] + gy[g] * dy[g] + gz[g] * dz[g] }
                                            } else {
                                                for g in 0..<np { out[g] = vrho[g] * p[g] }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var vSub = Matrix(rows: ns, columns: ns)
        try LAPACK.syr2k(phi, Matrix(rows: np, columns: ns, columnMajor: w), into: &vSub, transpose: true)
        block.scatter(vSub, into: &v, order: n)
        return (energy, electrons)
    }
}

extension XCIntegrator {
    /// ∫ φ_μ φ_ν on `grid` (row-major n × n): equals the overlap matrix to the grid's accuracy, which
    /// checks the basis-function values against libint2 (tests, diagnostics).
    public static func numericalOverlap(integrals: Integrals, grid: MolecularGrid) throws -> [Double] {
        let basis = BasisValues(basis: integrals.basis, normalizedCoefficients: integrals.normalizedCoefficients)
        let n = basis.functionCount
        var s = [Double](repeating: 0, count: n * n)
        for range in grid.blocks {
            let block = basis.evaluate(grid.points[range], gradients: false)
            let np = range.count, ns = block.functions.count
            guard ns > 0 else { continue }
            let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
            var weighted = phi
            for j in 0..<ns { for g in 0..<np { weighted[g, j] *= grid.weights[range.lowerBound + g] } }
            let part = try LAPACK.product(phi, weighted, transposeA: true)
            block.scatter(part, into: &s, order: n)
        }
        return s
    }
}
