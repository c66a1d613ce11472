import Foundation
import InterphaseCore

/// Volumetric data in Gaussian's cube format (read by Avogadro, VMD, Jmol, GaussView): two comment
/// lines; the atom count and the grid origin (bohr); for each axis the point count and step vector
/// (bohr); one line per atom (Z, charge, position in bohr); then the values, z fastest, six per line
/// (%13.5E), a new line after each z column (as Gaussian's `cubegen` writes them).
public struct CubeFile: Sendable {
    /// What a cube holds.
    public enum Quantity: Sendable, Equatable, CustomStringConvertible {
        /// Electron density ρ. - Units: e bohr⁻³.
        case density
        /// Orbital ψ_k (0-based index into the orbital energies). - Units: bohr^{-3/2}.
        case orbital(Int)
        /// Molecular electrostatic potential. - Units: hartree per e.
        case electrostaticPotential

        public var description: String {
            switch self {
            case .density: return "density"
            case .orbital(let k): return "orbital \(k + 1)"
            case .electrostaticPotential: return "electrostatic potential"
            }
        }
    }

    public let quantity: Quantity
    /// Grid origin and step along x, y, z. - Units: bohr.
    public let origin: SIMD3<Double>
    public let spacing: Double
    public let counts: SIMD3<Int>
    public let values: [Double]
    public let molecule: Molecule

    /// The box around the molecule with `margin` beyond the outermost nuclei, points every `spacing`.
    /// - Throws: `.invalidParameter` for a spacing ≤ 0, or a grid above 20 million points.
    static func box(_ molecule: Molecule, spacing: Double, margin: Double) throws -> (origin: SIMD3<Double>, counts: SIMD3<Int>) {
        guard spacing > 0, spacing.isFinite, margin >= 0 else {
            throw InterphaseError(.invalidParameter, "cube spacing \(spacing) bohr, margin \(margin) bohr", parameter: "cube", expected: "spacing > 0, margin ≥ 0")
        }
        var low = SIMD3<Double>(repeating: .infinity), high = SIMD3<Double>(repeating: -.infinity)
        for atom in molecule.atoms {
            low = pointwiseMin(low, atom.position)
            high = pointwiseMax(high, atom.position)
        }
        low -= margin
        high += margin
        let extent = high - low
        let counts = SIMD3<Int>(Int((extent.x / spacing).rounded(.up)) + 1, Int((extent.y / spacing).rounded(.up)) + 1, Int((extent.z / spacing).rounded(.up)) + 1)
        guard counts.x * counts.y * counts.z <= 20_000_000 else {
            throw InterphaseError(.invalidParameter, "a \(counts.x)×\(counts.y)×\(counts.z) cube", parameter: "cube", expected: "a coarser spacing (≤ 2e7 points)")
        }
        return (low, counts)
    }

    /// The grid points, z fastest.
    static func points(origin: SIMD3<Double>, spacing: Double, counts: SIMD3<Int>) -> [SIMD3<Double>] {
        var points: [SIMD3<Double>] = []
        points.reserveCapacity(counts.x * counts.y * counts.z)
        for i in 0..<counts.x {
            for j in 0..<counts.y {
                for k in 0..<counts.z { points.append(origin + SIMD3(Double(i), Double(j), Double(k)) * spacing) }
            }
        }
        return points
    }

    /// - Parameters: spacing and margin in bohr (cubegen's "medium" grid is about 0.17 bohr; ESP cubes are
    ///   costly, one point-charge integral set per point, so use a coarser spacing for them).
    public init(_ quantity: Quantity, result: SCFResult, integrals: Integrals, spacing: Double = 0.2, margin: Double = 4) throws {
        let (origin, counts) = try CubeFile.box(integrals.molecule, spacing: spacing, margin: margin)
        let points = CubeFile.points(origin: origin, spacing: spacing, counts: counts)
        switch quantity {
        case .density:
            values = try ElectronDensity(result, integrals: integrals).values(at: points)
        case .orbital(let k):
            guard result.orbitalEnergies.indices.contains(k) else {
                throw InterphaseError(.invalidParameter, "orbital \(k + 1)", parameter: "cube", expected: "1…\(result.orbitalEnergies.count)")
            }
            let n = integrals.functionCount
            let column = Array(result.coefficients[(k * n)..<((k + 1) * n)])
            values = ElectronDensity(result, integrals: integrals).orbital(column, at: points)
        case .electrostaticPotential:
            values = try integrals.electrostaticPotential(density: result.density, at: points)
        }
        self.quantity = quantity
        self.origin = origin
        self.spacing = spacing
        self.counts = counts
        molecule = integrals.molecule
    }

    /// The file's text.
    public var text: String {
        var out = "Interphase cube: \(quantity) of \(molecule.title.isEmpty ? "molecule" : molecule.title)\n"
        out += "bohr units; z fastest\n"
        out += String(format: "%5d %12.6f %12.6f %12.6f\n", molecule.atoms.count, origin.x, origin.y, origin.z)
        out += String(format: "%5d %12.6f %12.6f %12.6f\n", counts.x, spacing, 0.0, 0.0)
        out += String(format: "%5d %12.6f %12.6f %12.6f\n", counts.y, 0.0, spacing, 0.0)
        out += String(format: "%5d %12.6f %12.6f %12.6f\n", counts.z, 0.0, 0.0, spacing)
        for atom in molecule.atoms {
            let z = atom.element.atomicNumber
            out += String(format: "%5d %12.6f %12.6f %12.6f %12.6f\n", z, Double(z), atom.position.x, atom.position.y, atom.position.z)
        }
        var line = 0
        for (t, v) in values.enumerated() {
            out += String(format: "%13.5E", v)
            line += 1
            if line == 6 || (t + 1) % counts.z == 0 {
                out += "\n"
                line = 0
            }
        }
        return out
    }
}
