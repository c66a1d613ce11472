import InterphaseCore
import InterphaseNumerics

/// Spin-polarised (open-shell) exchange–correlation: the same blocks as the closed-shell integration
/// with one density per spin (Pople, Gill & Johnson 1992, eqs. 9–12 per spin):
///
///   ρ_σ = Σ D^σ_μν φ_μ φ_ν,  ∇ρ_σ = 2 Σ D^σ_μν φ_μ ∇φ_ν,  σ_αα, σ_αβ = ∇ρ_α·∇ρ_β, σ_ββ,
///   V^α_μν = Σ_g w_g [∂f/∂ρ_α φ_μφ_ν + (2 ∂f/∂σ_αα ∇ρ_α + ∂f/∂σ_αβ ∇ρ_β)·(φ_μ∇φ_ν + ∇φ_μ φ_ν)],
///
/// and V^β with α ↔ β; per block V^σ = ΦᵀW_σ + W_σᵀΦ with W_σ = w(½ ∂f/∂ρ_σ Φ + g_σ·∇Φ).
extension XCIntegrator {
    /// E_xc (hartree), V_xc^α and V_xc^β (row-major n × n, hartree) and ∫(ρ_α + ρ_β) (electrons).
    public func evaluate(alpha: [Double], beta: [Double], threads: Int = Parallel.coreCount) throws
        -> (energy: Double, potentials: [[Double]], electrons: Double) {
        let n = basis.functionCount
        let blocks = grid.blocks
        let parts = Parallel.ranges(blocks.count, minimumLength: 4)
        let ids = functional.libxcIDs, gga = isGGA
        let results = try Parallel.map(parts.count, parallel: threads > 1 && parts.count > 1) { (part: Int) throws -> (Double, Double, [Double], [Double]) in
            let components = try ids.map { try Libxc.Functional(id: $0, polarized: true) }
            var energy = 0.0, electrons = 0.0
            var va = [Double](repeating: 0, count: n * n), vb = va
            for b in parts[part] {
                let (e, q) = try self.accumulatePolarized(blocks[b], densities: [alpha, beta], components: components, gga: gga, into: &va, &vb)
                energy += e
                electrons += q
            }
            return (energy, electrons, va, vb)
        }
        var potentials = [[Double]](repeating: [Double](repeating: 0, count: n * n), count: 2)
        var energy = 0.0, electrons = 0.0
        for r in results {
            energy += r.0
            electrons += r.1
            for t in 0..<(n * n) {
                potentials[0][t] += r.2[t]
                potentials[1][t] += r.3[t]
            }
        }
        return (energy, potentials, electrons)
    }

    private func accumulatePolarized(_ range: Range<Int>, densities: [[Double]], components: [Libxc.Functional], gga: Bool,
                                     into va: inout [Double], _ vb: inout [Double]) throws -> (Double, Double) {
        let n = basis.functionCount
        let block = basis.evaluate(grid.points[range], gradients: gga)
        let np = range.count, ns = block.functions.count
        guard ns > 0 else { return (0, 0) }
        let functions = block.functions
        let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
        // Per spin: ρ and ∇ρ on the block.
        var rho = [[Double]](repeating: [Double](repeating: 0, count: np), count: 2)
        var grad = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: np), count: 3), count: 2)
        for spin in 0..<2 {
            var dSub = Matrix(rows: ns, columns: ns)
            for (j, fj) in functions.enumerated() { for (i, fi) in functions.enumerated() { dSub[i, j] = densities[spin][fi * n + fj] } }
            let x = try LAPACK.product(phi, dSub)
            for j in 0..<ns {
                let o = j * np
                for g in 0..<np {
                    let xv = x.storage[o + g]
                    rho[spin][g] += phi.storage[o + g] * xv
                    if gga {
                        grad[spin][0][g] += 2 * block.dx[o + g] * xv
                        grad[spin][1][g] += 2 * block.dy[o + g] * xv
                        grad[spin][2][g] += 2 * block.dz[o + g] * xv
                    }
                }
            }
        }
        // libxc's interleaved inputs.
        var rhoIn = [Double](repeating: 0, count: 2 * np), sigmaIn = [Double](repeating: 0, count: 3 * np)
        for g in 0..<np {
            rhoIn[2 * g] = rho[0][g]
            rhoIn[2 * g + 1] = rho[1][g]
            if gga {
                func dot(_ a: Int, _ b: Int) -> Double { grad[a][0][g] * grad[b][0][g] + grad[a][1][g] * grad[b][1][g] + grad[a][2][g] * grad[b][2][g] }
                sigmaIn[3 * g] = dot(0, 0)
                sigmaIn[3 * g + 1] = dot(0, 1)
                sigmaIn[3 * g + 2] = dot(1, 1)
            }
        }
        var exc = [Double](repeating: 0, count: np), vrho = [Double](repeating: 0, count: 2 * np), vsigma = [Double](repeating: 0, count: 3 * np)
        var scratch = [Double](repeating: 0, count: 6 * np)
        rhoIn.withUnsafeBufferPointer { r in
            sigmaIn.withUnsafeBufferPointer { s in
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
        for g in 0..<np {
            let w = grid.weights[range.lowerBound + g]
            energy += w * (rho[0][g] + rho[1][g]) * exc[g]
            electrons += w * (rho[0][g] + rho[1][g])
        }
        for spin in 0..<2 {
            var wMatrix = [Double](repeating: 0, count: np * ns)
            for j in 0..<ns {
                let o = j * np
                for g in 0..<np {
                    let w = grid.weights[range.lowerBound + g]
                    var value = 0.5 * vrho[2 * g + spin] * phi.storage[o + g]
                    if gga {
                        // g_σ = 2 ∂f/∂σ_σσ ∇ρ_σ + ∂f/∂σ_αβ ∇ρ_σ′.
                        let own = 2 * vsigma[3 * g + 2 * spin], cross = vsigma[3 * g + 1], other = 1 - spin
                        for axis in 0..<3 {
                            let gAxis = own * grad[spin][axis][g] + cross * grad[other][axis][g]
                            let d = axis == 0 ? block.dx[o + g] : axis == 1 ? block.dy[o + g] : block.dz[o + g]
                            value += gAxis * d
                        }
                    }
                    wMatrix[o + g] = w * value
                }
            }
            var vSub = Matrix(rows: ns, columns: ns)
            try LAPACK.syr2k(phi, Matrix(rows: np, columns: ns, columnMajor: wMatrix), into: &vSub, transpose: true)
            for (j, fj) in functions.enumerated() {
                for (i, fi) in functions.enumerated() {
                    if spin == 0 { va[fi * n + fj] += vSub[i, j] } else { vb[fi * n + fj] += vSub[i, j] }
                }
            }
        }
        return (energy, electrons)
    }
}
