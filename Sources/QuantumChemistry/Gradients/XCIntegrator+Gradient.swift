import InterphaseCore
import InterphaseNumerics

/// The exchange–correlation part of the nuclear gradient (Johnson, Gill & Pople, J. Chem. Phys. 98,
/// 5612 (1993), eqs. 20–24), with the grid held fixed — the grid-weight derivatives are left out, as
/// PySCF leaves them out by default (`grid_response = False`); their effect falls with the grid size.
///
/// Moving atom A moves its basis functions, ∂φ_μ/∂A = −∇φ_μ for μ on A, so for each spin density
/// ρ_s = Σ D^s_μν φ_μ φ_ν (one total density for a closed shell):
///
///   ∂E_xc/∂A_k = −2 Σ_{μ∈A} Σ_s Σ_g [ w vρ_s ∂_kφ_μ X^s_μ + Σ_i ψ^s_i (∂_k∂_iφ_μ X^s_μ + ∂_kφ_μ Y^{s,i}_μ) ],
///
/// X^s = Φ D^s, Y^{s,i} = ∂_iΦ D^s on the block, vρ = ∂f/∂ρ from libxc, and for a GGA
/// ψ = 2 w ∂f/∂σ ∇ρ (closed shell) or ψ^α = w(2 ∂f/∂σ_αα ∇ρ_α + ∂f/∂σ_αβ ∇ρ_β) (and α ↔ β).
extension XCIntegrator {
    /// ∂E_xc/∂R_A for each atom, for a closed-shell total density (one matrix) or the α and β densities
    /// (two). Matrices row-major n × n. - Units: hartree/bohr.
    public func nuclearGradient(densities: [[Double]], atomCount: Int, threads: Int = Parallel.coreCount) throws -> [SIMD3<Double>] {
        guard densities.count == 1 || densities.count == 2 else {
            throw InterphaseError(.invalidParameter, "\(densities.count) densities", parameter: "densities", expected: "1 (closed shell) or 2 (α, β)")
        }
        let blocks = grid.blocks
        let parts = Parallel.ranges(blocks.count, minimumLength: 4)
        let ids = functional.libxcIDs, polarized = densities.count == 2
        let atoms = basis.functionAtoms
        let results = try Parallel.map(parts.count, parallel: threads > 1 && parts.count > 1) { (part: Int) throws -> [SIMD3<Double>] in
            let components = try ids.map { try Libxc.Functional(id: $0, polarized: polarized) }
            var gradient = [SIMD3<Double>](repeating: .zero, count: atomCount)
            for b in parts[part] { try self.addGradient(blocks[b], densities: densities, components: components, functionAtoms: atoms, into: &gradient) }
            return gradient
        }
        return results.reduce(into: [SIMD3<Double>](repeating: .zero, count: atomCount)) { sum, part in
            for a in sum.indices { sum[a] += part[a] }
        }
    }

    private func addGradient(_ range: Range<Int>, densities: [[Double]], components: [Libxc.Functional], functionAtoms: [Int],
                             into gradient: inout [SIMD3<Double>]) throws {
        let n = basis.functionCount, gga = isGGA, spins = densities.count
        let block = basis.evaluate(grid.points[range], gradients: true, hessians: gga)
        let np = range.count, ns = block.functions.count
        guard ns > 0 else { return }
        let phi = Matrix(rows: np, columns: ns, columnMajor: block.values)
        let derivatives = [block.dx, block.dy, block.dz]
        let gradPhi = derivatives.map { Matrix(rows: np, columns: ns, columnMajor: $0) }
        // Per spin: X = Φ D, Y_i = ∂_iΦ D (GGA), ρ and ∇ρ.
        var x: [Matrix] = [], y: [[Matrix]] = []
        var rho = [[Double]](repeating: [Double](repeating: 0, count: np), count: spins)
        var grad = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: np), count: 3), count: spins)
        for s in 0..<spins {
            let d = block.gather(densities[s], order: n)
            let xs = try LAPACK.product(phi, d)
            x.append(xs)
            if gga { y.append(try gradPhi.map { try LAPACK.product($0, d) }) }
            for j in 0..<ns {
                let o = j * np
                for g in 0..<np {
                    rho[s][g] += phi.storage[o + g] * xs.storage[o + g]
                    if gga { for i in 0..<3 { grad[s][i][g] += 2 * derivatives[i][o + g] * xs.storage[o + g] } }
                }
            }
        }
        // libxc (interleaved per point when polarised).
        let pairs = spins == 2 ? 3 : 1
        var rhoIn = [Double](repeating: 0, count: spins * np), sigmaIn = [Double](repeating: 0, count: pairs * np)
        func dot(_ a: Int, _ b: Int, _ g: Int) -> Double { (0..<3).reduce(0) { $0 + grad[a][$1][g] * grad[b][$1][g] } }
        for g in 0..<np {
            for s in 0..<spins { rhoIn[spins * g + s] = rho[s][g] }
            if gga {
                if spins == 1 { sigmaIn[g] = dot(0, 0, g) } else {
                    sigmaIn[3 * g] = dot(0, 0, g)
                    sigmaIn[3 * g + 1] = dot(0, 1, g)
                    sigmaIn[3 * g + 2] = dot(1, 1, g)
                }
            }
        }
        var exc = [Double](repeating: 0, count: np), vrho = [Double](repeating: 0, count: spins * np)
        var vsigma = [Double](repeating: 0, count: pairs * np), scratch = [Double](repeating: 0, count: 6 * np)
        rhoIn.withUnsafeBufferPointer { r in
            sigmaIn.withUnsafeBufferPointer { sg in
                scratch.withUnsafeMutableBufferPointer { sc in
                    exc.withUnsafeMutableBufferPointer { e in
                        vrho.withUnsafeMutableBufferPointer { vr in
                            vsigma.withUnsafeMutableBufferPointer { vs in
                                for c in components {
                                    c.evaluate(count: np, rho: r.baseAddress!, sigma: sg.baseAddress!, scratch: sc.baseAddress!, exc: e.baseAddress!,
                                               vrho: vr.baseAddress!, vsigma: vs.baseAddress!)
                                }
                            }
                        }
                    }
                }
            }
        }
        // Weighted kernels a_s = w vρ_s and ψ^s_i.
        let weights = grid.weights
        for s in 0..<spins {
            var a = [Double](repeating: 0, count: np)
            var psi = [[Double]](repeating: [Double](repeating: 0, count: np), count: 3)
            for g in 0..<np {
                let w = weights[range.lowerBound + g]
                a[g] = w * vrho[spins * g + s]
                guard gga else { continue }
                for i in 0..<3 {
                    if spins == 1 {
                        psi[i][g] = 2 * w * vsigma[g] * grad[0][i][g]
                    } else {
                        let same = vsigma[3 * g + (s == 0 ? 0 : 2)], cross = vsigma[3 * g + 1]
                        psi[i][g] = w * (2 * same * grad[s][i][g] + cross * grad[1 - s][i][g])
                    }
                }
            }
            for j in 0..<ns {
                let o = j * np
                var c = SIMD3<Double>.zero
                for k in 0..<3 {
                    var sum = 0.0
                    for g in 0..<np { sum += a[g] * derivatives[k][o + g] * x[s].storage[o + g] }
                    if gga {
                        for i in 0..<3 {
                            let h = block.hessian[Self.hessianIndex(k, i)]
                            let yi = y[s][i].storage
                            for g in 0..<np { sum += psi[i][g] * (h[o + g] * x[s].storage[o + g] + derivatives[k][o + g] * yi[o + g]) }
                        }
                    }
                    c[k] = sum
                }
                gradient[functionAtoms[block.functions[j]]] -= 2 * c
            }
        }
    }

    /// Index of ∂_k∂_i in `BasisValues.Block.hessian` (xx, xy, xz, yy, yz, zz).
    static func hessianIndex(_ k: Int, _ i: Int) -> Int {
        let (a, b) = (min(k, i), max(k, i))
        return [[0, 1, 2], [1, 3, 4], [2, 4, 5]][a][b]
    }
}
