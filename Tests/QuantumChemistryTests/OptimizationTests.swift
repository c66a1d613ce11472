import Foundation
import InterphaseCore
@testable import QuantumChemistry
import Testing
import _InterphaseTestSupport

/// Geometry optimisation: Wilson B-vectors against finite differences of the coordinates they
/// differentiate, the model Hessian's invariance under rigid motion, and optimised minima against
/// PySCF 2.14.0 + geomeTRIC 1.1.1 from the same distorted starts (`References/gradient_reference.py`).
@Suite struct OptimizationTests {
    static let points: [SIMD3<Double>] = [SIMD3(0.1, -0.3, 0.2), SIMD3(1.9, 0.2, -0.1), SIMD3(2.6, 2.0, 0.4), SIMD3(4.1, 2.3, 2.2)]

    /// Central-difference derivative of f with respect to point `a`'s coordinate `k`.
    static func numerical(_ f: ([SIMD3<Double>]) -> Double, _ p: [SIMD3<Double>], _ a: Int, _ k: Int, h: Double = 1e-5) -> Double {
        var plus = p, minus = p
        plus[a][k] += h
        minus[a][k] -= h
        return (f(plus) - f(minus)) / (2 * h)
    }

    @Test func wilsonBVectorsEqualFiniteDifferences() throws {
        let p = Self.points
        let bond: ([SIMD3<Double>]) -> Double = { WilsonB.norm($0[0] - $0[1]) }
        let angle: ([SIMD3<Double>]) -> Double = { WilsonB.angleValue($0[0], $0[1], $0[2]) }
        let dihedral: ([SIMD3<Double>]) -> Double = { WilsonB.dihedralValue($0[0], $0[1], $0[2], $0[3]) }
        let cases: [(([SIMD3<Double>]) -> Double, [SIMD3<Double>])] = [
            (bond, WilsonB.bond(p[0], p[1])),
            (angle, try #require(WilsonB.angle(p[0], p[1], p[2]))),
            (dihedral, try #require(WilsonB.dihedral(p[0], p[1], p[2], p[3]))),
        ]
        for (f, b) in cases {
            for a in b.indices {
                for k in 0..<3 { #expect(abs(b[a][k] - Self.numerical(f, p, a, k)) < 1e-8, "atom \(a) axis \(k)") }
            }
        }
        // A linear angle has no B-vector.
        #expect(WilsonB.angle(SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(2, 0, 0)) == nil)
    }

    @Test func modelHessianIsSymmetricAndBlindToRigidMotion() throws {
        let m = try Molecule.readXYZ(Fixtures.data("molecules/CH3OCO2Li.xyz"))
        let h = ModelHessian.hessian(m)
        let n = h.rows
        let u = try GeometryOptimization.internalSpace(m)
        #expect(u.columns == n - 6)
        for i in 0..<n {
            for j in 0..<n { #expect(abs(h[i, j] - h[j, i]) < 1e-12) }
            // Translation along x: every atom moved by the same amount changes no distance.
            var row = 0.0
            for a in 0..<(n / 3) { row += h[i, 3 * a] }
            #expect(abs(row) < 1e-10)
        }
    }

    static var reference: GradientTests.Reference { GradientTests.reference }

    @Test(arguments: GradientTests.reference.optimisations.indices)
    func optimisedEnergyEqualsGeomeTRICsMinimum(_ index: Int) throws {
        let c = Self.reference.optimisations[index]
        let atoms = try c.start_angstrom.map { row -> Molecule.Atom in
            let element = try #require(Element.named(row[0].text))
            return Molecule.Atom(element, SIMD3(row[1].number, row[2].number, row[3].number) * Units.angstromToBohr)
        }
        let start = try Molecule(atoms: atoms)
        var options = SinglePointOptions(method: try SCFMethod.named(c.method), basis: try #require(BasisSetName.named(c.basis)))
        options.spherical = !c.cartesian
        options.scf = GradientTests.tight
        if let grid = c.grid { options.scf.grid = try GridSpecification.parse(grid) }
        let result = try GeometryOptimization.run(start, options: options, optimization: .tight)
        #expect(abs(result.final.result.energy - c.energy) < 1e-6, "\(c.name) \(c.method): \(result.final.result.energy) vs \(c.energy)")
        // The same structure: every interatomic distance within 1e-3 Å of geomeTRIC's.
        let theirs = c.final_angstrom.map { SIMD3($0[1].number, $0[2].number, $0[3].number) }
        let ours = result.molecule.atoms.map { $0.position / Units.angstromToBohr }
        for i in ours.indices {
            for j in 0..<i {
                #expect(abs(WilsonB.norm(ours[i] - ours[j]) - WilsonB.norm(theirs[i] - theirs[j])) < 1e-3)
            }
        }
        // The trajectory is a multi-frame XYZ whose frames read back.
        let frames = result.trajectory.split(separator: "\n", omittingEmptySubsequences: false).count / (atoms.count + 2)
        #expect(frames == result.steps.count)
        let lastFrame = result.steps.last.map { $0.molecule.xyz() } ?? ""
        #expect(try Molecule.parseXYZ(lastFrame).atoms.count == atoms.count)
    }

    @Test func anOptimisationOutOfStepsSaysSo() throws {
        let c = Self.reference.optimisations[0]
        let atoms = c.start_angstrom.map { row in
            Molecule.Atom(Element.named(row[0].text)!, SIMD3(row[1].number, row[2].number, row[3].number) * Units.angstromToBohr)
        }
        var optimization = OptimizationOptions()
        optimization.maxSteps = 2
        var options = SinglePointOptions(basis: BasisSetName.named("sto-3g")!)
        options.method = .hartreeFock
        #expect {
            try GeometryOptimization.run(try Molecule(atoms: atoms), options: options, optimization: optimization)
        } throws: { error in
            let e = error as? InterphaseError
            return e?.kind == .notConverged && e?.message.contains("2 steps") == true
        }
    }
}
