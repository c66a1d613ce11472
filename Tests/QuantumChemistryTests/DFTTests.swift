import Foundation
import InterphaseNumerics
import QuantumChemistry
import Testing
import _InterphaseTestSupport

/// Grids and Kohn–Sham DFT against PySCF 2.14.0 with the same bundled basis and the same grid
/// settings (`References/dft_reference.py` → `Reference/dft.json`), and against analytic oracles:
/// Lebedev grids integrate spherical polynomials exactly, the grid reproduces libint2's overlap
/// matrix, and ∫ρ = N.
@Suite struct DFTTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var molecule: String
            var functional: String
            var basis: String
            var cartesian: Bool
            var grid: String
            var functions: Int
            var grid_points: Int
            var grid_checksum: Double
            var energy: Double
            var exchange_correlation: Double
            var grid_electrons: Double
            var orbital_energies: [Double]
            var mulliken_charges: [Double]
            var lowdin_charges: [Double]
            var dipole_debye: [Double]
            var esp_points_bohr: [[Double]]
            var esp_hartree: [Double]
        }
        struct OpenShell: Decodable {
            var molecule: String
            var functional: String
            var basis: String
            var grid: String
            var charge: Int
            var multiplicity: Int
            var energy: Double
            var alpha_orbital_energies: [Double]
            var beta_orbital_energies: [Double]
        }
        var cases: [Case]
        var uks_cases: [OpenShell]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("QuantumChemistryTests", "dft.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    static func label(_ c: Reference.Case) -> String { "\(c.molecule) \(c.functional)/\(c.basis) \(c.grid)" }

    static func molecule(_ file: String) throws -> Molecule { try Molecule.readXYZ(Fixtures.data("molecules/\(file)")) }

    @Test func lebedevGridsIntegrateSphericalPolynomialsExactly() throws {
        // Analytic: ⟨x²⟩ = 1/3, ⟨x⁴⟩ = 1/5, ⟨x²y²⟩ = 1/15, ⟨x²y²z²⟩ = 1/105 over the unit sphere, and odd
        // moments vanish — exact for every grid whose order reaches the degree.
        for size in LebedevGrid.sizes {
            let grid = try LebedevGrid.points(size)
            #expect(grid.directions.count == size, "grid \(size) has \(grid.directions.count) points")
            let order = LebedevGrid.orders[size]!
            func mean(_ f: (SIMD3<Double>) -> Double) -> Double { zip(grid.directions, grid.weights).reduce(0) { $0 + $1.1 * f($1.0) } }
            #expect(abs(mean { _ in 1 } - 1) < 1e-13)
            #expect(abs(mean { $0.x * $0.x } - 1.0 / 3) < 1e-14, "grid \(size)")
            #expect(abs(mean { $0.x * $0.y * $0.z }) < 1e-14)
            if order >= 5 { #expect(abs(mean { pow($0.x, 4) } - 0.2) < 1e-13, "grid \(size)") }
            if order >= 7 { #expect(abs(mean { $0.x * $0.x * $0.y * $0.y * $0.z * $0.z } - 1.0 / 105) < 1e-13, "grid \(size)") }
            #expect(grid.directions.allSatisfy { abs(($0 * $0).sum() - 1) < 1e-14 })
        }
        #expect(expectInterphaseError(.invalidParameter) { try LebedevGrid.points(300) }?.expected?.contains("302") == true)
    }

    @Test(arguments: reference.cases.map(label)) func gridIsPySCFs(_ name: String) throws {
        // Same points and weights ⇔ same Σ w exp(−|r − c|²) to rounding, and the same count.
        let c = try #require(Self.reference.cases.first { Self.label($0) == name })
        let grid = try MolecularGrid(try Self.molecule(c.molecule), specification: try GridSpecification.parse(c.grid))
        let centre = SIMD3<Double>(0.1, 0.2, 0.3)
        var checksum = 0.0
        for (p, w) in zip(grid.points, grid.weights) { checksum += w * exp(-((p - centre) * (p - centre)).sum()) }
        #expect(grid.count == c.grid_points, "\(name): \(grid.count) points")
        #expect(abs(checksum - c.grid_checksum) < 1e-11 * c.grid_checksum, "\(name): checksum \(checksum), PySCF \(c.grid_checksum)")
    }

    @Test func basisValuesOnTheGridReproduceTheOverlapMatrix() throws {
        // ∫ φ_μ φ_ν on a fine grid equals libint2's analytic S_μν, for Cartesian d (6D) and spherical
        // d/f (cc-pVTZ has f): the grid evaluator's normalisation, order and solid harmonics are libint2's.
        let water = try Self.molecule("H2O.xyz")
        for (basisName, spherical) in [("6-31G(d,p)", false), ("cc-pVTZ", true)] {
            let integrals = try Integrals(try BasisSet(BasisSetName.named(basisName)!, for: water, spherical: spherical), molecule: water)
            let grid = try MolecularGrid(water, specification: GridSpecification(.explicit(radial: 75, angular: 302)))
            let s = try XCIntegrator.numericalOverlap(integrals: integrals, grid: grid)
            let worst = zip(s, integrals.overlap).map { abs($0 - $1) }.max() ?? 1
            #expect(worst < 1e-5, "\(basisName): largest |S_grid − S| \(worst)")
        }
    }

    @Test(arguments: reference.cases.map(label)) func kohnShamEnergyMatchesPySCF(_ name: String) throws {
        let c = try #require(Self.reference.cases.first { Self.label($0) == name })
        let molecule = try Self.molecule(c.molecule)
        let integrals = try Integrals(try BasisSet(BasisSetName.named(c.basis)!, for: molecule), molecule: molecule)
        #expect(integrals.functionCount == c.functions)
        var options = SCFOptions()
        options.energyTolerance = 1e-10
        options.commutatorTolerance = 1e-7
        options.grid = try GridSpecification.parse(c.grid)
        let result = try RestrictedSCF.run(integrals, method: try SCFMethod.named(c.functional), options: options)
        #expect(abs(result.energy - c.energy) < 1e-6, "\(name): E \(result.energy), PySCF \(c.energy), Δ \(result.energy - c.energy)")
        #expect(abs(result.exchangeCorrelationEnergy - c.exchange_correlation) < 1e-6, "\(name): Exc \(result.exchangeCorrelationEnergy), PySCF \(c.exchange_correlation)")
        #expect(abs((result.gridElectrons ?? 0) - c.grid_electrons) < 1e-7, "\(name): ∫ρ \(result.gridElectrons ?? 0), PySCF \(c.grid_electrons)")
        if let (k, a, b) = firstMismatch(result.orbitalEnergies, c.orbital_energies, rel: 0, abs: 1e-5) {
            Issue.record("\(name): orbital energy \(k) is \(a), PySCF \(b)")
        }
        // Properties of the same density: Mulliken charges (scale-invariant), Löwdin charges where both
        // programs normalise alike (spherical bases), the dipole moment in debye.
        let properties = try MolecularProperties(result, integrals: integrals)
        if let (k, a, b) = firstMismatch(properties.mullikenCharges, c.mulliken_charges, rel: 0, abs: 1e-5) {
            Issue.record("\(name): Mulliken charge of atom \(k) is \(a), PySCF \(b)")
        }
        if !c.cartesian, let (k, a, b) = firstMismatch(properties.lowdinCharges, c.lowdin_charges, rel: 0, abs: 1e-5) {
            Issue.record("\(name): Löwdin charge of atom \(k) is \(a), PySCF \(b)")
        }
        let dipole = properties.dipoleDebye
        if let (k, a, b) = firstMismatch([dipole.x, dipole.y, dipole.z], c.dipole_debye, rel: 0, abs: 1e-5) {
            Issue.record("\(name): dipole component \(k) is \(a) D, PySCF \(b) D")
        }
        #expect(abs(properties.mullikenCharges.reduce(0, +) - Double(molecule.charge)) < 1e-8, "charges sum to the molecule's charge")
        // The electrostatic potential at points in and around the molecule (PySCF int1e_rinv).
        let esp = try integrals.electrostaticPotential(density: result.density, at: c.esp_points_bohr.map { SIMD3($0[0], $0[1], $0[2]) })
        if let (k, a, b) = firstMismatch(esp, c.esp_hartree, rel: 0, abs: 1e-6) {
            Issue.record("\(name): ESP at point \(k) is \(a), PySCF \(b)")
        }
    }

    @Test(arguments: reference.uks_cases.map { "\($0.molecule) \($0.functional) q\($0.charge) m\($0.multiplicity)" })
    func unrestrictedKohnShamMatchesPySCF(_ name: String) throws {
        let c = try #require(Self.reference.uks_cases.first { "\($0.molecule) \($0.functional) q\($0.charge) m\($0.multiplicity)" == name })
        let molecule = try Molecule.readXYZ(Fixtures.data("molecules/\(c.molecule)"), charge: c.charge, multiplicity: c.multiplicity)
        let integrals = try Integrals(try BasisSet(BasisSetName.named(c.basis)!, for: molecule), molecule: molecule)
        var options = SCFOptions()
        options.energyTolerance = 1e-10
        options.commutatorTolerance = 1e-7
        options.maxIterations = 100
        options.grid = try GridSpecification.parse(c.grid)
        let result = try UnrestrictedSCF.run(integrals, method: try SCFMethod.named(c.functional), options: options)
        #expect(abs(result.energy - c.energy) < 1e-6, "\(name): E \(result.energy), PySCF \(c.energy), Δ \(result.energy - c.energy)")
        let spins = try #require(result.spinOrbitalEnergies)
        if let (k, a, b) = firstMismatch(spins[0], c.alpha_orbital_energies, rel: 0, abs: 1e-5) { Issue.record("\(name): α orbital \(k) is \(a), PySCF \(b)") }
        if let (k, a, b) = firstMismatch(spins[1], c.beta_orbital_energies, rel: 0, abs: 1e-5) { Issue.record("\(name): β orbital \(k) is \(a), PySCF \(b)") }
    }

    @Test func waterESPSurfaceIsPositiveAtHydrogenAndNegativeAtOxygen() throws {
        // Physical oracle on the 0.001 isodensity surface: the most positive site is over a hydrogen, the
        // most negative over oxygen's lone pairs; and far away V tends to the dipole potential μ·r̂/r².
        let water = try Self.molecule("H2O.xyz")
        let integrals = try Integrals(try BasisSet(BasisSetName.named("6-31G(d,p)")!, for: water), molecule: water)
        var options = SCFOptions()
        options.grid = GridSpecification(.level(2))
        let result = try RestrictedSCF.run(integrals, method: try SCFMethod.named("b3lyp"), options: options)
        let surface = try ElectrostaticSurface(result, integrals: integrals, latitudes: 24, longitudes: 48)
        let top = try #require(surface.maxima.first), bottom = try #require(surface.minima.first)
        #expect(water.atoms[top.atom].element.symbol == "H" && top.bondedTo == 0 && top.potential > 0)
        #expect(water.atoms[bottom.atom].element.symbol == "O" && bottom.potential < 0)
        let properties = try MolecularProperties(result, integrals: integrals)
        let far = SIMD3<Double>(0, 0, 60)
        let v = try integrals.electrostaticPotential(density: result.density, at: [far])[0]
        let dipole = (properties.dipole * far).sum() / pow((far * far).sum(), 1.5)
        #expect(abs(v - dipole) < 0.02 * abs(dipole), "V \(v), dipole term \(dipole)")
    }
}
