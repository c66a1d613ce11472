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
/// ∇ρ = 2 Σ_ν ∇Φ∘X, and V = ΦᵀW + WᵀΦ with W = w (½ ∂f/∂ρ Φ + 2 ∂f/∂σ ∇ρ·∇Φ) — two matrix products
/// per block. Blocks are split over the cores, each with its own libxc handles and accumulators.
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
        let n = basis.functionCount
        let blocks = grid.blocks
        let parts = Parallel.ranges(blocks.count, minimumLength: 4)
        let ids = functional.libxcIDs, gga = isGGA
        let results = try Parallel.map(parts.count, parallel: threads > 1 && parts.count > 1) { (part: Int) throws -> (Double, Double, [Double]) in
            let components = try ids.map { try Libxc.Functional(id: $0) }
            var energy = 0.0, electrons = 0.0
            var v = [Double](repeating: 0, count: n * n)
            for b in parts[part] {
                let (e, q) = try self.accumulate(blocks[b], density: density, components: components, gga: gga, into: &v)
                energy += e
                electrons += q
            }
            return (energy, electrons, v)
        }
        var potential = [Double](repeating: 0, count: n * n)
        var energy = 0.0, electrons = 0.0
        for r in results {
            energy += r.0
            electrons += r.1
            for t in potential.indices { potential[t] += r.2[t] }
        }
        return (energy, potential, electrons)
    }

    /// Adds one block's V_μν into `v`; returns its E_xc and electron count.
    private func accumulate(_ range: Range<Int>, density: [Double], components: [Libxc.Functional], gga: Bool,
                            into v: inout [Double]) throws -> (Double, Double) {
        let n = basis.functionCount
        let block = basis.evaluate(grid.points[range], gradients: gga)
        let np = range.count, ns = block.functions.count
        guard ns > 0 else { return (0, 0) }
        // D restricted to the block's functions (column-major ns × ns; D is symmetric).
        var dSub = Matrix(rows: ns, columns: ns)
        for (j, fj) in block.functions.enumerated() {
            for (i, fi) in block.functions.enumerated() { dSub[i, j] = density[fi * n + fj] }
        }
        let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
        let x = try LAPACK.product(phi, dSub)
        var rho = [Double](repeating: 0, count: np), sigma = rho
        var gx = rho, gy = rho, gz = rho
        for j in 0..<ns {
            let o = j * np
            for g in 0..<np { rho[g] += phi.storage[o + g] * x.storage[o + g] }
            if gga {
                for g in 0..<np {
                    let xv = x.storage[o + g]
                    gx[g] += 2 * block.dx[o + g] * xv
                    gy[g] += 2 * block.dy[o + g] * xv
                    gz[g] += 2 * block.dz[o + g] * xv
                }
            }
        }
        if gga { for g in 0..<np { sigma[g] = gx[g] * gx[g] + gy[g] * gy[g] + gz[g] * gz[g] } }
        var exc = [Double](repeating: 0, count: np), vrho = exc, vsigma = exc
        var scratch = [Double](repeating: 0, count: 3 * np)
        rho.withUnsafeBufferPointer { r in
            sigma.withUnsafeBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { w in
                    exc.withUnsafeMutableBufferPointer { e in
                        vrho.withUnsafeMutableBufferPointer { vr in
                            vsigma.withUnsafeMutableBufferPointer { vs in
                                for c in components {
                                    c.evaluate(count: np, rho: r.baseAddress!, sigma: s.baseAddress!, scratch: w.baseAddress!,
                                               exc: e.baseAddress!, vrho: vr.baseAddress!, vsigma: vs.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
        }
        var energy = 0.0, electrons = 0.0
        var w = Matrix(rows: np, columns: ns)
        let weights = grid.weights[range]
        let base = range.lowerBound
        for g in 0..<np {
            let wg = weights[base + g]
            energy += wg * rho[g] * exc[g]
            electrons += wg * rho[g]
        }
        for j in 0..<ns {
            let o = j * np
            for g in 0..<np {
                let wg = weights[base + g]
                var value = 0.5 * vrho[g] * phi.storage[o + g]
                if gga { value += 2 * vsigma[g] * (gx[g] * block.dx[o + g] + gy[g] * block.dy[o + g] + gz[g] * block.dz[o + g]) }
                w[g, j] = wg * value
            }
        }
        let vSub = try LAPACK.product(phi, w, transposeA: true)
        for (j, fj) in block.functions.enumerated() {
            for (i, fi) in block.functions.enumerated() { v[fi * n + fj] += vSub[i, j] + vSub[j, i] }
        }
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
            for (j, fj) in block.functions.enumerated() { for (i, fi) in block.functions.enumerated() { s[fi * n + fj] += part[i, j] } }
        }
        return s
    }
}
