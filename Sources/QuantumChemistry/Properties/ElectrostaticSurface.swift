import Foundation
import InterphaseCore

/// The molecular electrostatic potential on the ρ = 0.001 e bohr⁻³ isodensity surface (Bader et al.,
/// J. Am. Chem. Soc. 109, 7968 (1987): the surface that encloses ~97 % of the electrons and that ESP maps
/// such as the reference study's are drawn on), with its local extrema.
///
/// The surface is sampled along rays from the centroid of the nuclei on a (θ, φ) grid of cell centres:
/// on each ray the outermost point where ρ = isovalue is found by stepping inward 0.2 bohr from well
/// outside the molecule and bisecting (to 1e-6 bohr). For a star-shaped molecule (a cage such as
/// o-carborane, a small salt) this is the whole surface; otherwise it is its outer envelope.
/// V(P) = Σ_A Z_A/|P − R_A| − Σ D_μν ⟨μ|1/|r − P||ν⟩ from libint2's point-charge integrals.
public struct ElectrostaticSurface: Sendable {
    /// A local extremum of V on the surface and the atom nearest to it.
    public struct Extremum: Sendable {
        /// V. - Units: hartree per e.
        public let potential: Double
        public let point: SIMD3<Double>
        /// Latitude and longitude of the ray. - Units: degrees.
        public let latitude: Double
        public let longitude: Double
        /// Index of the nearest atom, and for a hydrogen the atom it is bonded to (its nearest neighbour).
        public let atom: Int
        public let bondedTo: Int?
    }

    public let isovalue: Double
    public let centre: SIMD3<Double>
    /// Grid: `latitudes` rows (from −90° up) × `longitudes` columns (from −180°), row-major.
    public let latitudes: Int
    public let longitudes: Int
    /// Surface points (bohr) and V there (hartree per e), row-major as the grid.
    public let points: [SIMD3<Double>]
    public let potential: [Double]
    /// Local maxima (descending) and minima (ascending) over the 8 neighbours of each cell (a polar cell's
    /// neighbours include its whole row; one per
    /// 1 bohr: cells tied by symmetry count once).
    public let maxima: [Extremum]
    public let minima: [Extremum]

    public init(_ result: SCFResult, integrals: Integrals, isovalue: Double = 0.001, latitudes: Int = 60, longitudes: Int = 120) throws {
        guard isovalue > 0, isovalue.isFinite else {
            throw InterphaseError(.invalidParameter, "isodensity \(isovalue)", parameter: "isovalue", expected: "> 0 (e bohr⁻³; 0.001 is customary)")
        }
        guard latitudes >= 3, longitudes >= 3 else {
            throw InterphaseError(.invalidParameter, "a \(latitudes) × \(longitudes) surface grid", parameter: "resolution", expected: "at least 3 × 3")
        }
        let atoms = integrals.molecule.atoms
        let centre = atoms.reduce(SIMD3<Double>.zero) { $0 + $1.position } / Double(atoms.count)
        var directions: [SIMD3<Double>] = []
        for i in 0..<latitudes {
            let latitude = -Double.pi / 2 + (Double(i) + 0.5) * Double.pi / Double(latitudes)
            for j in 0..<longitudes {
                let longitude = -Double.pi + (Double(j) + 0.5) * 2 * Double.pi / Double(longitudes)
                directions.append(SIMD3(cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude)))
            }
        }
        let density = ElectronDensity(result, integrals: integrals)
        let reach = atoms.map { a -> Double in let d = a.position - centre; return (d * d).sum().squareRoot() }.max() ?? 0
        // Step inward until ρ ≥ isovalue on each ray.
        var outer = [Double](repeating: reach + 8, count: directions.count), found = [Bool](repeating: false, count: directions.count)
        let step = 0.2
        var r = reach + 8
        while r > 0, found.contains(false) {
            let open = directions.indices.filter { !found[$0] }
            let rho = try density.values(at: open.map { centre + directions[$0] * r })
            for (k, ray) in open.enumerated() {
                if rho[k] >= isovalue { found[ray] = true; outer[ray] = r } // ρ(r) ≥ iso, ρ(r + step) < iso
            }
            r -= step
        }
        guard !found.contains(false) else {
            throw InterphaseError(.invalidData, "the density never reaches \(isovalue) e bohr⁻³ on some rays from the centroid", parameter: "isovalue")
        }
        var low = outer, high = outer.map { $0 + step }
        for _ in 0..<18 {
            let middle = zip(low, high).map { ($0 + $1) / 2 }
            let rho = try density.values(at: directions.indices.map { centre + directions[$0] * middle[$0] })
            for k in directions.indices { if rho[k] >= isovalue { low[k] = middle[k] } else { high[k] = middle[k] } }
        }
        let points = directions.indices.map { centre + directions[$0] * (low[$0] + high[$0]) / 2 }
        let potential = try integrals.electrostaticPotential(density: result.density, at: points)

        func nearest(_ p: SIMD3<Double>, excluding: Int? = nil) -> Int {
            atoms.indices.filter { $0 != excluding }.min { a, b in
                let da = atoms[a].position - p, db = atoms[b].position - p
                return (da * da).sum() < (db * db).sum()
            } ?? 0
        }
        func extrema(_ better: (Double, Double) -> Bool) -> [Extremum] {
            var list: [Extremum] = []
            for i in 0..<latitudes {
                for j in 0..<longitudes {
                    let v = potential[i * longitudes + j]
                    var isExtremum = true
                    var neighbours: [Int] = []
                    for di in -1...1 {
                        for dj in -1...1 where di != 0 || dj != 0 {
                            let ii = i + di
                            guard ii >= 0, ii < latitudes else { continue }
                            neighbours.append(ii * longitudes + (j + dj + longitudes) % longitudes)
                        }
                    }
                    // The cells of a polar row all surround the pole: each is the others' neighbour.
                    if i == 0 || i == latitudes - 1 { neighbours += (0..<longitudes).filter { $0 != j }.map { i * longitudes + $0 } }
                    for m in neighbours where !better(v, potential[m]) && v != potential[m] { isExtremum = false }
                    guard isExtremum else { continue }
                    let p = points[i * longitudes + j]
                    let atom = nearest(p)
                    let bonded = atoms[atom].element.atomicNumber == 1 ? nearest(atoms[atom].position, excluding: atom) : nil
                    list.append(Extremum(potential: v, point: p, latitude: -90 + (Double(i) + 0.5) * 180 / Double(latitudes),
                                         longitude: -180 + (Double(j) + 0.5) * 360 / Double(longitudes), atom: atom, bondedTo: bonded))
                }
            }
            // Cells tied by symmetry report one extremum twice: keep the first of any within 1 bohr.
            var kept: [Extremum] = []
            for e in list.sorted(by: { better($0.potential, $1.potential) }) {
                if !kept.contains(where: { let d = $0.point - e.point; return (d * d).sum() < 1 }) { kept.append(e) }
            }
            return kept
        }
        self.isovalue = isovalue
        self.centre = centre
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.points = points
        self.potential = potential
        maxima = extrema(>)
        minima = extrema(<)
    }
}
