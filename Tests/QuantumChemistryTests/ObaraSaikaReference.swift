import Foundation
import QuantumChemistry

/// A slow, plainly written reference for one-electron integrals over Cartesian Gaussians by the
/// Obara–Saika recurrences (Obara & Saika, J. Chem. Phys. 84, 3963 (1986); Helgaker, Jørgensen & Olsen,
/// *Molecular Electronic-Structure Theory*, §9.3–9.10), to check libint2's matrices element by element:
///
///   overlap  S_{i+1,j} = X_PA S_ij + (i S_{i−1,j} + j S_{i,j−1})/(2p),  S_00 = √(π/p) e^{−μ X_AB²} per axis;
///   kinetic  T = T_x S_y S_z + S_x T_y S_z + S_x S_y T_z,  T_ij = −½[j(j−1) S_{i,j−2} − 2b(2j+1) S_ij + 4b² S_{i,j+2}];
///   nuclear  Θ^m_{a+1_k,b} = PA_k Θ^m_ab − PC_k Θ^{m+1}_ab + a_k/(2p)(Θ^m_{a−1_k,b} − Θ^{m+1}_{a−1_k,b})
///            + b_k/(2p)(Θ^m_{a,b−1_k} − Θ^{m+1}_{a,b−1_k}),  Θ^m_00 = (2π/p) e^{−μ AB²} F_m(p PC²),
///
/// with p = a + b, μ = ab/p, P the Gaussian product centre, and the Boys function F_m by its series
/// (all terms positive) or, for T > 40, its asymptote.
enum ObaraSaikaReference {
    struct Primitive { let alpha: Double; let centre: SIMD3<Double>; let powers: [Int] }

    /// F_m(T) = ∫₀¹ t^{2m} e^{−T t²} dt.
    static func boys(_ m: Int, _ t: Double) -> Double {
        if t > 40 {
            var doubleFactorial = 1.0
            if m > 0 { for k in 1...m { doubleFactorial *= Double(2 * k - 1) } }
            return doubleFactorial / pow(2, Double(m + 1)) * (Double.pi / pow(t, Double(2 * m + 1))).squareRoot()
        }
        var term = 1.0 / Double(2 * m + 1), sum = term, k = 1
        while term > 1e-17 * sum, k < 2000 {
            term *= 2 * t / Double(2 * m + 2 * k + 1)
            sum += term
            k += 1
        }
        return exp(-t) * sum
    }

    static func overlap1D(_ i: Int, _ j: Int, _ a: Double, _ b: Double, _ ax: Double, _ bx: Double) -> Double {
        let p = a + b, px = (a * ax + b * bx) / p
        var table: [[Double]] = Array(repeating: Array(repeating: 0, count: j + 3), count: i + 1)
        table[0][0] = (Double.pi / p).squareRoot() * exp(-a * b / p * (ax - bx) * (ax - bx))
        // Build j first along i = 0, then raise i.
        for jj in 0...(j + 2) where jj > 0 {
            table[0][jj] = (px - bx) * table[0][jj - 1] + Double(jj - 1) / (2 * p) * (jj >= 2 ? table[0][jj - 2] : 0)
        }
        if i > 0 {
            for ii in 1...i {
                for jj in 0...(j + 2) {
                    table[ii][jj] = (px - ax) * table[ii - 1][jj] + (Double(ii - 1) * (ii >= 2 ? table[ii - 2][jj] : 0)
                        + Double(jj) * (jj >= 1 ? table[ii - 1][jj - 1] : 0)) / (2 * p)
                }
            }
        }
        return table[i][j]
    }

    static func overlap(_ f: Primitive, _ g: Primitive) -> Double {
        (0..<3).reduce(1.0) { $0 * overlap1D(f.powers[$1], g.powers[$1], f.alpha, g.alpha, f.centre[$1], g.centre[$1]) }
    }

    static func kinetic(_ f: Primitive, _ g: Primitive) -> Double {
        var total = 0.0
        for axis in 0..<3 {
            var term = 1.0
            for other in 0..<3 {
                let i = f.powers[other], j = g.powers[other]
                let s = { (jj: Int) in jj < 0 ? 0 : overlap1D(i, jj, f.alpha, g.alpha, f.centre[other], g.centre[other]) }
                if other == axis {
                    let b = g.alpha
                    term *= -0.5 * (Double(j * (j - 1)) * s(j - 2) - 2 * b * Double(2 * j + 1) * s(j) + 4 * b * b * s(j + 2))
                } else {
                    term *= s(j)
                }
            }
            total += term
        }
        return total
    }

    /// ⟨f| −Z/|r − C| |g⟩.
    static func nuclear(_ f: Primitive, _ g: Primitive, charge z: Double, at c: SIMD3<Double>) -> Double {
        let p = f.alpha + g.alpha
        let pc = (f.alpha * f.centre + g.alpha * g.centre) / p
        let ab = f.centre - g.centre, cp = pc - c
        let prefactor = 2 * Double.pi / p * exp(-f.alpha * g.alpha / p * (ab * ab).sum())
        let t = p * (cp * cp).sum()
        var memo: [String: Double] = [:]
        func theta(_ a: [Int], _ b: [Int], _ m: Int) -> Double {
            if a.contains(where: { $0 < 0 }) || b.contains(where: { $0 < 0 }) { return 0 }
            let key = "\(a)\(b)\(m)"
            if let v = memo[key] { return v }
            let v: Double
            if let k = a.firstIndex(where: { $0 > 0 }) {
                var a1 = a
                a1[k] -= 1
                var a2 = a1
                a2[k] -= 1
                var b1 = b
                b1[k] -= 1
                v = (pc[k] - f.centre[k]) * theta(a1, b, m) - (pc[k] - c[k]) * theta(a1, b, m + 1)
                    + Double(a1[k]) / (2 * p) * (theta(a2, b, m) - theta(a2, b, m + 1))
                    + Double(b[k]) / (2 * p) * (theta(a1, b1, m) - theta(a1, b1, m + 1))
            } else if let k = b.firstIndex(where: { $0 > 0 }) {
                var b1 = b
                b1[k] -= 1
                var b2 = b1
                b2[k] -= 1
                v = (pc[k] - g.centre[k]) * theta(a, b1, m) - (pc[k] - c[k]) * theta(a, b1, m + 1)
                    + Double(b1[k]) / (2 * p) * (theta(a, b2, m) - theta(a, b2, m + 1))
            } else {
                v = prefactor * boys(m, t)
            }
            memo[key] = v
            return v
        }
        return -z * theta(f.powers, g.powers, 0)
    }

    /// Row-major S, T, V of a Cartesian basis, with libint2's contraction coefficients (one set for every
    /// component of a shell, libint2's standard Cartesian normalisation and order).
    static func matrices(_ basis: BasisSet, coefficients: [[Double]], molecule: Molecule) -> (s: [Double], t: [Double], v: [Double]) {
        var functions: [[(Double, Primitive)]] = []
        for (k, shell) in basis.shells.enumerated() {
            for a in stride(from: shell.l, through: 0, by: -1) {
                for b in stride(from: shell.l - a, through: 0, by: -1) {
                    let powers = [a, b, shell.l - a - b]
                    functions.append(zip(shell.exponents, coefficients[k]).map { ($0.1, Primitive(alpha: $0.0, centre: shell.centre, powers: powers)) })
                }
            }
        }
        let n = functions.count
        var s = [Double](repeating: 0, count: n * n), t = s, v = s
        for i in 0..<n {
            for j in 0...i {
                var sij = 0.0, tij = 0.0, vij = 0.0
                for (ci, fi) in functions[i] {
                    for (cj, fj) in functions[j] {
                        sij += ci * cj * overlap(fi, fj)
                        tij += ci * cj * kinetic(fi, fj)
                        for atom in molecule.atoms { vij += ci * cj * nuclear(fi, fj, charge: Double(atom.element.atomicNumber), at: atom.position) }
                    }
                }
                s[i * n + j] = sij; s[j * n + i] = sij
                t[i * n + j] = tij; t[j * n + i] = tij
                v[i * n + j] = vij; v[j * n + i] = vij
            }
        }
        return (s, t, v)
    }
}
