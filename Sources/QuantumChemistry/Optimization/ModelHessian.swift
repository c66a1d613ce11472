import Foundation
import InterphaseNumerics

/// Lindh's model Hessian (Lindh, Bernhardsson, Karlström & Malmqvist, Chem. Phys. Lett. 241, 423
/// (1995)): a Cartesian force-constant matrix from a sum over every atom pair, triple and quadruple of
/// stretch, bend and torsion terms,
///
///   H = Σ k_r ρ_ij b_r b_rᵀ + Σ k_φ ρ_ij ρ_jk b_φ b_φᵀ + Σ k_τ ρ_ij ρ_jk ρ_kl b_τ b_τᵀ,
///   ρ_ij = exp(α_ij (r_ref,ij² − r_ij²)),
///
/// with k_r = 0.45, k_φ = 0.15, k_τ = 0.005 (hartree per bohr² or rad²), α and r_ref from the periodic-table
/// rows of i and j (the paper's Table 1), and b the Wilson B-vectors of the bond length, angle and
/// dihedral. It makes Cartesian quasi-Newton optimisation about as fast as internal coordinates for
/// molecules of this size.
enum ModelHessian {
    static let stretch = 0.45, bend = 0.15, torsion = 0.005
    /// α_ij (bohr⁻²) and r_ref,ij (bohr) by row (1: H–He, 2: Li–Ne, 3: Na and beyond).
    static let alpha: [[Double]] = [[1.0, 0.3949, 0.3949], [0.3949, 0.28, 0.28], [0.3949, 0.28, 0.28]]
    static let reference: [[Double]] = [[1.35, 2.10, 2.53], [2.10, 2.87, 3.40], [2.53, 3.40, 3.40]]
    /// Terms whose ρ product is below this add nothing a step would notice.
    static let cutoff = 1e-6

    static func row(_ z: Int) -> Int { z <= 2 ? 0 : z <= 10 ? 1 : 2 }

    /// The 3N × 3N model Hessian of `molecule` (hartree/bohr²).
    static func hessian(_ molecule: Molecule) -> Matrix {
        let atoms = molecule.atoms, n = atoms.count
        let r = atoms.map(\.position)
        var rho = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                let a = row(atoms[i].element.atomicNumber), b = row(atoms[j].element.atomicNumber)
                let d = r[i] - r[j]
                rho[i * n + j] = exp(alpha[a][b] * (reference[a][b] * reference[a][b] - (d * d).sum()))
            }
        }
        var h = Matrix(rows: 3 * n, columns: 3 * n)
        func add(_ k: Double, _ indices: [Int], _ b: [SIMD3<Double>]) {
            for (p, i) in indices.enumerated() {
                for (q, j) in indices.enumerated() {
                    for x in 0..<3 { for y in 0..<3 { h[3 * i + x, 3 * j + y] += k * b[p][x] * b[q][y] } }
                }
            }
        }
        for i in 0..<n {
            for j in (i + 1)..<n where rho[i * n + j] > cutoff {
                add(stretch * rho[i * n + j], [i, j], WilsonB.bond(r[i], r[j]))
            }
        }
        // Bends i–j–k (j the apex) and torsions i–j–k–l.
        for j in 0..<n {
            for i in 0..<n where i != j && rho[i * n + j] > cutoff {
                for k in (i + 1)..<n where k != j && rho[j * n + k] > cutoff {
                    let weight = rho[i * n + j] * rho[j * n + k]
                    guard weight > cutoff, let b = WilsonB.angle(r[i], r[j], r[k]) else { continue }
                    add(bend * weight, [i, j, k], b)
                }
            }
        }
        for j in 0..<n {
            for k in 0..<n where k != j && rho[j * n + k] > cutoff {
                guard j < k else { continue }  // each central bond once
                for i in 0..<n where i != j && i != k && rho[i * n + j] > cutoff {
                    for l in 0..<n where l != i && l != j && l != k && rho[k * n + l] > cutoff {
                        let weight = rho[i * n + j] * rho[j * n + k] * rho[k * n + l]
                        guard weight > cutoff, let b = WilsonB.dihedral(r[i], r[j], r[k], r[l]) else { continue }
                        add(torsion * weight, [i, j, k, l], b)
                    }
                }
            }
        }
        return h
    }
}
