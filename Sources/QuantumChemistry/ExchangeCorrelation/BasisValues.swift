import Foundation
import InterphaseNumerics

/// Basis functions and their gradients at grid points, with the normalization libint2 gives the
/// integrals (so ∫φ_μφ_ν on a fine grid reproduces the overlap matrix; `XCTests` checks it).
///
/// A Cartesian function of shell s is φ = x^a y^b z^c Σ_p c_p exp(−α_p r²) (r from the shell's centre,
/// c_p libint2's normalized coefficients, one set for every component as libint2's standard Cartesian
/// normalization has it); a spherical one is the combination of those given by libint2's solid
/// harmonics. ∂φ/∂x = (a x^{a−1} R + x^{a+1} R′) y^b z^c with R′ = Σ −2α_p c_p exp(−α_p r²).
///
/// For each block of points only the shells whose largest value on the block exceeds `cutoff` are
/// evaluated; the others are exactly what the integration leaves out.
struct BasisValues: Sendable {
    struct Shell: Sendable {
        let centre: SIMD3<Double>
        let exponents: [Double]
        let coefficients: [Double]
        let l: Int
        /// The atom the shell sits on.
        let atom: Int
        /// First basis function and number of functions.
        let offset: Int
        let count: Int
        /// Cartesian exponents (a, b, c) in libint2's order.
        let cartesian: [(Int, Int, Int)]
        /// (2l+1) × ncart row-major, or empty for a Cartesian shell.
        let harmonics: [Double]
        /// Smallest exponent (extent).
        let smallestExponent: Double
        let largestCoefficient: Double
    }

    let shells: [Shell]
    let functionCount: Int
    /// The atom of each basis function.
    var functionAtoms: [Int] { shells.flatMap { s in [Int](repeating: s.atom, count: s.count) } }
    /// Values below this are dropped. (PySCF screens at 1e-15 in the same way.)
    static let cutoff = 1e-15

    init(basis: BasisSet, normalizedCoefficients: [[Double]]) {
        var offset = 0
        var shells: [Shell] = []
        for (k, s) in basis.shells.enumerated() {
            var cart: [(Int, Int, Int)] = []
            for a in stride(from: s.l, through: 0, by: -1) {
                for b in stride(from: s.l - a, through: 0, by: -1) { cart.append((a, b, s.l - a - b)) }
            }
            let coefficients = normalizedCoefficients[k]
            shells.append(Shell(centre: s.centre, exponents: s.exponents, coefficients: coefficients, l: s.l, atom: s.atom, offset: offset,
                                count: s.functionCount, cartesian: cart, harmonics: s.spherical ? Libint.solidHarmonics(s.l) : [],
                                smallestExponent: s.exponents.min() ?? 1, largestCoefficient: coefficients.map(abs).max() ?? 1))
            offset += s.functionCount
        }
        self.shells = shells
        functionCount = offset
    }

    /// The values on one block: the significant functions' indices and, column-major npts × nsig,
    /// φ and (with `gradients`) ∂φ/∂x, ∂φ/∂y, ∂φ/∂z.
    struct Block {
        var functions: [Int] = []
        var values: [Double] = []
        var dx: [Double] = []
        var dy: [Double] = []
        var dz: [Double] = []
        /// With `hessians`: ∂²φ/∂x², ∂x∂y, ∂x∂z, ∂y², ∂y∂z, ∂z² (each npts × nsig).
        var hessian: [[Double]] = []

        /// A symmetric n × n row-major matrix (a density) restricted to the block's functions, as a
        /// column-major ns × ns matrix.
        func gather(_ matrix: [Double], order n: Int) -> Matrix {
            let ns = functions.count
            var out = [Double](repeating: 0, count: ns * ns)
            matrix.withUnsafeBufferPointer { m in
                for j in 0..<ns {
                    let row = m.baseAddress! + functions[j] * n
                    for i in 0..<ns { out[j * ns + i] = row[functions[i]] }
                }
            }
            return Matrix(rows: ns, columns: ns, columnMajor: out)
        }

        /// Adds a symmetric ns × ns block matrix into the n × n row-major `matrix` at the block's functions.
        func scatter(_ block: Matrix, into matrix: inout [Double], order n: Int) {
            let ns = functions.count
            block.storage.withUnsafeBufferPointer { b in
                matrix.withUnsafeMutableBufferPointer { out in
                    for j in 0..<ns {
                        let row = out.baseAddress! + functions[j] * n
                        for i in 0..<ns { row[functions[i]] += b[j * ns + i] }
                    }
                }
            }
        }
    }

    /// Shells whose envelope max_p |c_p| e^{−α_min r²} (r^l)  exceeds `cutoff` at the block's nearest point.
    func significantShells(_ points: ArraySlice<SIMD3<Double>>) -> [Int] {
        shells.indices.filter { k in
            let s = shells[k]
            var r2 = Double.infinity
            for p in points {
                let d = p - s.centre
                r2 = min(r2, (d * d).sum())
            }
            let envelope = s.largestCoefficient * Double(s.exponents.count) * exp(-s.smallestExponent * r2) * max(1, pow(r2, Double(s.l) / 2))
            return envelope > BasisValues.cutoff
        }
    }

    ///
    /// With `hessians` (for GGA nuclear gradients) also the second derivatives: with R″ = Σ 4α_p² c_p e^{−α_p r²},
    /// ∂²φ/∂x² = (a(a−1)x^{a−2}R + (2a+1)x^a R′ + x^{a+2}R″) y^b z^c and
    /// ∂²φ/∂x∂y = (ab x^{a−1}y^{b−1}R + (b x^{a+1}y^{b−1} + a x^{a−1}y^{b+1})R′ + x^{a+1}y^{b+1}R″) z^c.
    func evaluate(_ points: ArraySlice<SIMD3<Double>>, gradients: Bool, hessians: Bool = false) -> Block {
        let gradients = gradients || hessians
        let selected = significantShells(points)
        let np = points.count
        var block = Block()
        for k in selected { block.functions += Array(shells[k].offset..<(shells[k].offset + shells[k].count)) }
        let nsig = block.functions.count
        block.values = [Double](repeating: 0, count: np * nsig)
        if gradients {
            block.dx = block.values
            block.dy = block.values
            block.dz = block.values
        }

        let lmax = shells.map(\.l).max() ?? 0
        let maxCart = (lmax + 1) * (lmax + 2) / 2
        let stride = lmax + 3  // powers 0 … l+2 per axis
        // Scratch: one shell's Cartesian values/gradients/second derivatives (ncart × np each), radial
        // parts, powers.
        var scratch = [Double](repeating: 0, count: 10 * maxCart * np + 3 * np + 3 * stride * np)
        // The six second-derivative arrays, one after another (split into `block.hessian` at the end).
        var hessianStorage = [Double](repeating: 0, count: hessians ? 6 * np * nsig : 0)
        let coordinates = Array(points)
        var column = 0
        scratch.withUnsafeMutableBufferPointer { work in
            let cv = work.baseAddress!, cx = cv + maxCart * np, cy = cx + maxCart * np, cz = cy + maxCart * np
            let ch = cz + maxCart * np  // six ncart × np second-derivative arrays
            let radial = ch + 6 * maxCart * np, radialDerivative = radial + np, radialSecond = radialDerivative + np
            let powers = radialSecond + np
            block.values.withUnsafeMutableBufferPointer { valueBuffer in
            block.dx.withUnsafeMutableBufferPointer { xBuffer in
            block.dy.withUnsafeMutableBufferPointer { yBuffer in
            block.dz.withUnsafeMutableBufferPointer { zBuffer in
            hessianStorage.withUnsafeMutableBufferPointer { hBuffer in
                for k in selected {
                    let s = shells[k]
                    let nprim = s.exponents.count
                    // Radial part R = Σ c e^{−α r²} and R′ = Σ −2α c e^{−α r²}; primitives with α r² > 60
                    // (e^{−60} ≈ 1e−26) are skipped.
                    s.exponents.withUnsafeBufferPointer { alpha in
                        s.coefficients.withUnsafeBufferPointer { coefficient in
                            for g in 0..<np {
                                let d = coordinates[g] - s.centre
                                let r2 = (d * d).sum()
                                var value = 0.0, derivative = 0.0, second = 0.0
                                for p in 0..<nprim {
                                    let ar2 = alpha[p] * r2
                                    if ar2 > 60 { continue }
                                    let e = coefficient[p] * exp(-ar2)
                                    value += e
                                    derivative -= 2 * alpha[p] * e
                                    second += 4 * alpha[p] * alpha[p] * e
                                }
                                radial[g] = value
                                radialDerivative[g] = derivative
                                radialSecond[g] = second
                                for axis in 0..<3 {
                                    var power = 1.0
                                    let row = powers + axis * stride * np
                                    for e in 0...(s.l + 2) {
                                        row[e * np + g] = power
                                        power *= d[axis]
                                    }
                                }
                            }
                        }
                    }
                    let px = powers, py = powers + stride * np, pz = powers + 2 * stride * np
                    let ncart = s.cartesian.count
                    let direct = s.harmonics.isEmpty
                    for (c, (a, b, cc)) in s.cartesian.enumerated() {
                        // Cartesian shells write straight into the block; spherical ones into scratch.
                        let value = direct ? valueBuffer.baseAddress! + (column + c) * np : cv + c * np
                        let xa = px + a * np, yb = py + b * np, zc = pz + cc * np
                        for g in 0..<np { value[g] = xa[g] * yb[g] * zc[g] * radial[g] }
                        if gradients {
                            let gx = direct ? xBuffer.baseAddress! + (column + c) * np : cx + c * np
                            let gy = direct ? yBuffer.baseAddress! + (column + c) * np : cy + c * np
                            let gz = direct ? zBuffer.baseAddress! + (column + c) * np : cz + c * np
                            let xa1 = px + (a + 1) * np, yb1 = py + (b + 1) * np, zc1 = pz + (cc + 1) * np
                            let fa = Double(a), fb = Double(b), fc = Double(cc)
                            let xam = px + max(a - 1, 0) * np, ybm = py + max(b - 1, 0) * np, zcm = pz + max(cc - 1, 0) * np
                            for g in 0..<np {
                                let r = radial[g], rd = radialDerivative[g]
                                gx[g] = (fa * xam[g] * r + xa1[g] * rd) * yb[g] * zc[g]
                                gy[g] = (fb * ybm[g] * r + yb1[g] * rd) * xa[g] * zc[g]
                                gz[g] = (fc * zcm[g] * r + zc1[g] * rd) * xa[g] * yb[g]
                            }
                        }
                        if hessians {
                            let targets = (0..<6).map { h in
                                direct ? hBuffer.baseAddress! + (h * nsig + column + c) * np : ch + (h * maxCart + c) * np
                            }
                            secondDerivatives(exponents: [a, b, cc], powers: [px, py, pz], np: np, radial: (radial, radialDerivative, radialSecond),
                                              into: targets)
                        }
                    }
                    if !direct {
                        for m in 0..<s.count {
                            let target = (column + m) * np
                            for c in 0..<ncart {
                                let t = s.harmonics[m * ncart + c]
                                if t == 0 { continue }
                                let v = valueBuffer.baseAddress! + target, source = cv + c * np
                                for g in 0..<np { v[g] += t * source[g] }
                                if gradients {
                                    let x = xBuffer.baseAddress! + target, y = yBuffer.baseAddress! + target, z = zBuffer.baseAddress! + target
                                    let sx = cx + c * np, sy = cy + c * np, sz = cz + c * np
                                    for g in 0..<np {
                                        x[g] += t * sx[g]
                                        y[g] += t * sy[g]
                                        z[g] += t * sz[g]
                                    }
                                }
                                if hessians {
                                    for h in 0..<6 {
                                        let out = hBuffer.baseAddress! + h * nsig * np + target, source = ch + (h * maxCart + c) * np
                                        for g in 0..<np { out[g] += t * source[g] }
                                    }
                                }
                            }
                        }
                    }
                    column += s.count
                }
            }
            }
            }
            }
            }
        }
        if hessians { block.hessian = (0..<6).map { h in Array(hessianStorage[(h * np * nsig)..<((h + 1) * np * nsig)]) } }
        return block
    }

    /// The six second derivatives (xx, xy, xz, yy, yz, zz) of one Cartesian component x^a y^b z^c R at
    /// `np` points, from the axis powers (`powers[k][e·np + g]` = k-coordinate^e) and R, R′, R″
    /// (formulas at `evaluate`).
    private func secondDerivatives(exponents n: [Int], powers p: [UnsafeMutablePointer<Double>], np: Int,
                                   radial: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>),
                                   into targets: [UnsafeMutablePointer<Double>]) {
        let (r0, r1, r2) = radial
        func power(_ axis: Int, _ shift: Int) -> UnsafeMutablePointer<Double> { p[axis] + max(n[axis] + shift, 0) * np }
        let pairs = [(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)]
        for (h, (k, m)) in pairs.enumerated() {
            let out = targets[h]
            if k == m {
                let o1 = (k + 1) % 3, o2 = (k + 2) % 3
                let a = Double(n[k]), m2 = power(k, -2), m0 = power(k, 0), p2 = power(k, 2), q1 = power(o1, 0), q2 = power(o2, 0)
                for g in 0..<np {
                    out[g] = (a * (a - 1) * m2[g] * r0[g] + (2 * a + 1) * m0[g] * r1[g] + p2[g] * r2[g]) * q1[g] * q2[g]
                }
            } else {
                let o = 3 - k - m
                let a = Double(n[k]), b = Double(n[m])
                let km = power(k, -1), kp = power(k, 1), mm = power(m, -1), mp = power(m, 1), q = power(o, 0)
                for g in 0..<np {
                    out[g] = (a * b * km[g] * mm[g] * r0[g] + (b * kp[g] * mm[g] + a * km[g] * mp[g]) * r1[g] + kp[g] * mp[g] * r2[g]) * q[g]
                }
            }
        }
    }
}
