import Foundation
import InterphaseCore

/// One molecule at one geometry: integrals, the SCF and its properties — the entry point of
/// `interphase qc energy` and of each molecule of a screening.
public struct SinglePoint: Sendable {
    public let molecule: Molecule
    public let basis: BasisSet
    public let options: SinglePointOptions
    public let result: SCFResult
    public let properties: MolecularProperties
    /// The ESP on the isodensity surface, when `options.surfaceIsovalue` asked for it.
    public let surface: ElectrostaticSurface?
    /// The cube files `options.cubes` asked for, in that order.
    public let cubes: [CubeFile]
    /// dE/dR per atom, when `options.gradient`.
    public let gradient: NuclearGradient?
    /// The Molden file's text, when `options.molden`.
    public let molden: String?
    /// Wall time of integrals + SCF + properties. - Units: s.
    public let wallSeconds: Double

    /// - Parameter progress: called after each SCF cycle with (cycle, energy in hartree).
    /// - Throws: the basis's error for a missing element, `.invalidParameter` for an open shell,
    ///   `.notConverged` when the SCF does not converge (naming what was tried).
    public static func run(_ molecule: Molecule, options: SinglePointOptions = SinglePointOptions(),
                           progress: ((Int, Double) -> Void)? = nil) throws -> SinglePoint {
        let start = Date()
        let basis = try BasisSet(options.basis, for: molecule, spherical: options.spherical)
        guard options.memoryLimit >= 0, options.memoryLimit.isFinite else {
            throw InterphaseError(.invalidParameter, "integral memory \(options.memoryLimit) bytes", parameter: "memory", expected: "≥ 0")
        }
        let integrals = try Integrals(basis, molecule: molecule, memoryLimit: options.memoryLimit)
        let unrestricted = options.scf.unrestricted || molecule.multiplicity > 1
        let result = unrestricted ? try UnrestrictedSCF.run(integrals, method: options.method, options: options.scf, progress: progress)
            : try RestrictedSCF.run(integrals, method: options.method, options: options.scf, progress: progress)
        let gradient = options.gradient ? try SCFGradient.compute(integrals, result: result, method: options.method, options: options.scf) : nil
        let properties = try MolecularProperties(result, integrals: integrals)
        let surface = try options.surfaceIsovalue.map { try ElectrostaticSurface(result, integrals: integrals, isovalue: $0) }
        let cubes = try options.cubes.map { try CubeFile($0, result: result, integrals: integrals, spacing: options.cubeSpacing) }
        let molden = options.molden ? try MoldenFile.text(result, basis: basis, molecule: molecule, overlap: integrals.overlap) : nil
        return SinglePoint(molecule: molecule, basis: basis, options: options, result: result, properties: properties, surface: surface,
                           cubes: cubes, gradient: gradient, molden: molden, wallSeconds: Date().timeIntervalSince(start))
    }
}
