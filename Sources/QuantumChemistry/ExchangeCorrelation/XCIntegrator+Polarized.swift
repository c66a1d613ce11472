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
        let gga = isGGA
        return try integrate(potentials: 2, polarized: true, threads: threads) { range, components, v in
            try self.accumulatePolarized(range, densities: [alpha, beta], components: components, gga: gga, into: &v)
        }
    }

    private func accumulatePolarized(_ range: Range<Int>, densities: [[Double]], components: [Libxc.Functional], gga: Bool,
                                     into potentials: inout [[Double]]) throws -> (Double, Double) {
        let n = basis.functionCount
        let block = basis.evaluate(grid.points[range], gradients: gga)
        let np = range.count, ns = block.functions.count
        guard ns > 0 else { return (0, 0) }
        let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
        // Per spin: ρ and ∇ρ on the block.
        var rho = [[Double]](repeating: [Double](repeating: 0, count: np), count: 2)
        var grad = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: np), count: 3), count: 2)
        for spin in 0..<2 {
            let x = try LAPACK.product(phi, block.gather(densities[spin], order: n))
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
            block.scatter(vSub, into: &potentials[spin], order: n)
        }
        return (energy, electrons)
    }
}
