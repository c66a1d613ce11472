import Foundation

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
            shells.append(Shell(centre: s.centre, exponents: s.exponents, coefficients: coefficients, l: s.l, offset: offset,
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

    func evaluate(_ points: ArraySlice<SIMD3<Double>>, gradients: Bool) -> Block {
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
        // Scratch for one shell's Cartesian values and gradients at every point: ncart × np each.
        let maxCart = (lmax + 1) * (lmax + 2) / 2
        var cv = [Double](repeating: 0, count: maxCart * np), cx = cv, cy = cv, cz = cv
        var radial = [Double](repeating: 0, count: np), radialDerivative = radial
        var powers = [Double](repeating: 0, count: 3 * (lmax + 2) * np)
        var column = 0
        let base = points.startIndex
        for k in selected {
            let s = shells[k]
            // Radial part and its derivative with respect to r² (times 2): R′ = Σ −2α c e^{−α r²}.
            for g in 0..<np {
                let d = points[base + g] - s.centre
                let r2 = (d * d).sum()
                var value = 0.0, derivative = 0.0
                for p in s.exponents.indices {
                    let e = s.coefficients[p] * exp(-s.exponents[p] * r2)
                    value += e
                    derivative -= 2 * s.exponents[p] * e
                }
                radial[g] = value
                radialDerivative[g] = derivative
                // x^0 … x^(l+1), likewise y and z.
                for axis in 0..<3 {
                    var power = 1.0
                    for e in 0...(s.l + 1) {
                        powers[(axis * (lmax + 2) + e) * np + g] = power
                        power *= d[axis]
                    }
                }
            }
            let ncart = s.cartesian.count
            for (c, (a, b, cc)) in s.cartesian.enumerated() {
                for g in 0..<np {
                    let xa = powers[(0 * (lmax + 2) + a) * np + g], yb = powers[(1 * (lmax + 2) + b) * np + g]
                    let zc = powers[(2 * (lmax + 2) + cc) * np + g]
                    let angular = xa * yb * zc
                    cv[c * np + g] = angular * radial[g]
                    if gradients {
                        let rd = radialDerivative[g], r = radial[g]
                        let xa1 = powers[(0 * (lmax + 2) + a + 1) * np + g], yb1 = powers[(1 * (lmax + 2) + b + 1) * np + g]
                        let zc1 = powers[(2 * (lmax + 2) + cc + 1) * np + g]
                        let xam = a > 0 ? Double(a) * powers[(0 * (lmax + 2) + a - 1) * np + g] : 0
                        let ybm = b > 0 ? Double(b) * powers[(1 * (lmax + 2) + b - 1) * np + g] : 0
                        let zcm = cc > 0 ? Double(cc) * powers[(2 * (lmax + 2) + cc - 1) * np + g] : 0
                        cx[c * np + g] = (xam * r + xa1 * rd) * yb * zc
                        cy[c * np + g] = (ybm * r + yb1 * rd) * xa * zc
                        cz[c * np + g] = (zcm * r + zc1 * rd) * xa * yb
                    }
                }
            }
            if s.harmonics.isEmpty {
                for c in 0..<ncart {
                    let target = (column + c) * np
                    for g in 0..<np { block.values[target + g] = cv[c * np + g] }
                    if gradients {
                        for g in 0..<np {
                            block.dx[target + g] = cx[c * np + g]
                            block.dy[target + g] = cy[c * np + g]
                            block.dz[target + g] = cz[c * np + g]
                        }
                    }
                }
            } else {
                for m in 0..<s.count {
                    let target = (column + m) * np
                    for c in 0..<ncart {
                        let t = s.harmonics[m * ncart + c]
                        if t == 0 { continue }
                        for g in 0..<np { block.values[target + g] += t * cv[c * np + g] }
                        if gradients {
                            for g in 0..<np {
                                block.dx[target + g] += t * cx[c * np + g]
                                block.dy[target + g] += t * cy[c * np + g]
                                block.dz[target + g] += t * cz[c * np + g]
                            }
                        }
                    }
                }
            }
            column += s.count
        }
        return block
    }
}
