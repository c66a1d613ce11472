import Foundation
import InterphaseCore

/// The integration grid of a molecule: atom-centred Treutler–Ahlrichs × Lebedev grids (pruned), their
/// overlapping parts shared out by Becke's fuzzy-cell partition (J. Chem. Phys. 88, 2547 (1988)) with
/// Treutler's atomic-size adjustment (J. Chem. Phys. 102, 346 (1995), eq. A2 with √R_Bragg), exactly as
/// PySCF's `gen_grid.Grids` defaults, so the same grid gives the same energy.
///
/// Becke: for atoms i, j at distance R_ij, μ_ij = (r_i − r_j)/R_ij, shifted to ν = μ + a_ij(1 − μ²) with
/// a_ij = ¼(χ_ji − χ_ij) clipped to ±½, χ_ij = √R_i/√R_j; s = ½(1 − f₃(ν)) with f₃ three times
/// f(x) = (3x − x³)/2. The weight of point g of atom A is w_g P_A(g)/Σ_B P_B(g), P_A = Π_{B≠A} s(μ_AB).
///
/// Points are ordered into spatial boxes of 1.2 bohr (as PySCF's `arg_group_grids`), so consecutive
/// blocks of `blockSize` points are compact and basis functions far from a block can be skipped.
public struct MolecularGrid: Sendable {
    /// Positions. - Units: bohr.
    public let points: [SIMD3<Double>]
    /// Integration weights (Becke-partitioned). - Units: bohr³.
    public let weights: [Double]
    /// The atom each point was generated around.
    public let atoms: [Int]
    public let specification: GridSpecification
    /// Points per block of the XC integration.
    public static let blockSize = 128

    public var count: Int { points.count }

    public init(_ molecule: Molecule, specification: GridSpecification = GridSpecification()) throws {
        let atoms = molecule.atoms
        let centres = atoms.map(\.position)
        let natm = atoms.count
        // One atomic grid per element.
        var atomic: [Int: (points: [SIMD3<Double>], weights: [Double])] = [:]
        for z in Set(atoms.map(\.element.atomicNumber)) {
            let (nr, na) = specification.sizes(atomicNumber: z)
            let (radii, radialWeights) = RadialGrid.treutlerAhlrichs(points: nr, atomicNumber: z)
            let angular = specification.pruning.angularSizes(radii: radii, atomicNumber: z, largest: na)
            var cache: [Int: LebedevGrid.Points] = [:]
            var p: [SIMD3<Double>] = [], w: [Double] = []
            for (k, r) in radii.enumerated() {
                if cache[angular[k]] == nil { cache[angular[k]] = try LebedevGrid.points(angular[k]) }
                let sphere = cache[angular[k]]!
                for (d, wa) in zip(sphere.directions, sphere.weights) {
                    p.append(d * r)
                    w.append(radialWeights[k] * wa)
                }
            }
            atomic[z] = (p, w)
        }
        // Treutler-adjusted Becke parameters a_ij.
        let sqrtRadii = atoms.map { AtomicGridData.braggRadius($0.element.atomicNumber).squareRoot() + 1e-200 }
        var adjust = [Double](repeating: 0, count: natm * natm), inverseDistance = adjust
        for i in 0..<natm {
            for j in 0..<natm where i != j {
                let a = 0.25 * (sqrtRadii[j] / sqrtRadii[i] - sqrtRadii[i] / sqrtRadii[j])
                adjust[i * natm + j] = min(max(a, -0.5), 0.5)
                inverseDistance[i * natm + j] = 1 / ((centres[i] - centres[j]) * (centres[i] - centres[j])).sum().squareRoot()
            }
        }
        let atomicGrids = atomic, a = adjust, inverseR = inverseDistance
        let perAtom = try Parallel.map(natm) { (ia: Int) throws -> ([SIMD3<Double>], [Double]) in
            let grid = atomicGrids[atoms[ia].element.atomicNumber]!
            var points = grid.points, weights = grid.weights
            var distance = [Double](repeating: 0, count: natm), cell = distance
            for g in points.indices {
                let p = points[g] + centres[ia]
                points[g] = p
                for b in 0..<natm { distance[b] = ((p - centres[b]) * (p - centres[b])).sum().squareRoot(); cell[b] = 1 }
                for i in 0..<natm {
                    for j in 0..<i {
                        var x = (distance[i] - distance[j]) * inverseR[i * natm + j]
                        x += a[i * natm + j] * (1 - x * x)
                        for _ in 0..<3 { x = (3 - x * x) * x * 0.5 }
                        cell[i] *= 0.5 * (1 - x)
                        cell[j] *= 0.5 * (1 + x)
                    }
                }
                let total = cell.reduce(0, +)
                weights[g] *= total > 0 ? cell[ia] / total : 0
            }
            return (points, weights)
        }
        var points: [SIMD3<Double>] = [], weights: [Double] = [], owner: [Int] = []
        for (ia, part) in perAtom.enumerated() {
            points += part.0
            weights += part.1
            owner += Array(repeating: ia, count: part.0.count)
        }
        // Spatial boxes of 1.2 bohr, lexicographic.
        let box = 1.2
        let keys = points.map { p -> SIMD3<Int64> in SIMD3(Int64((p.x / box).rounded(.down)), Int64((p.y / box).rounded(.down)), Int64((p.z / box).rounded(.down))) }
        let order = points.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if ka.x != kb.x { return ka.x < kb.x }
            if ka.y != kb.y { return ka.y < kb.y }
            if ka.z != kb.z { return ka.z < kb.z }
            return a < b
        }
        self.points = order.map { points[$0] }
        self.weights = order.map { weights[$0] }
        self.atoms = order.map { owner[$0] }
        self.specification = specification
    }

    /// The ranges of consecutive points handled together.
    public var blocks: [Range<Int>] {
        stride(from: 0, to: count, by: MolecularGrid.blockSize).map { $0..<min($0 + MolecularGrid.blockSize, count) }
    }
}
