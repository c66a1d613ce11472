import Foundation
import InterphaseNumerics
import QuantumChemistry
import Testing
import _InterphaseTestSupport

/// Integrals (libint2) and RHF against PySCF 2.14.0 on the same bundled basis
/// (`References/rhf_reference.py` → `Reference/rhf.json`): basis-function count, the spectra of S, T
/// and h (invariant under function order and phase), the total energy and every orbital energy.
@Suite struct RHFTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var molecule: String
            var basis: String
            var cartesian: Bool
            var functions: Int
            var electrons: Int
            var energy: Double
            var nuclear_repulsion: Double
            var orbital_energies: [Double]
            var overlap_eigenvalues: [Double]
            var kinetic_eigenvalues: [Double]
            var core_eigenvalues: [Double]
            var core_generalized_eigenvalues: [Double]
            var density_overlap_trace: Double
        }
        struct OpenShell: Decodable {
            var molecule: String
            var basis: String
            var charge: Int
            var multiplicity: Int
            var energy: Double
            var alpha_orbital_energies: [Double]
            var beta_orbital_energies: [Double]
        }
        var cases: [Case]
        var uhf_cases: [OpenShell]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("QuantumChemistryTests", "rhf.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    static func label(_ c: Reference.Case) -> String { "\(c.molecule) \(c.basis)" }

    static func molecule(_ file: String) throws -> Molecule {
        try Molecule.readXYZ(Fixtures.data("molecules/\(file)"))
    }

    static func eigenvalues(_ a: [Double], _ n: Int) throws -> [Double] {
        try LAPACK.symmetricEigenvalues(Matrix(rows: n, columns: n, columnMajor: a))
    }

    @Test(arguments: reference.cases.map(label)) func integralsAndEnergyMatchPySCF(_ name: String) throws {
        let c = try #require(Self.reference.cases.first { Self.label($0) == name })
        let molecule = try Self.molecule(c.molecule)
        let basis = try BasisSet(try #require(BasisSetName.named(c.basis)), for: molecule)
        #expect(basis.spherical == !c.cartesian)
        let integrals = try Integrals(basis, molecule: molecule)
        let n = integrals.functionCount
        #expect(n == c.functions)
        #expect(molecule.electronCount == c.electrons)
        #expect(abs(molecule.nuclearRepulsion - c.nuclear_repulsion) < 1e-9)
        // Spherical functions are unit-normalised alike in both programs; Cartesian d functions other than
        // xx are not, so for them only the generalized spectrum hC = SCε (scale-invariant) is compared.
        let spectra = c.cartesian ? [] : [("S", integrals.overlap, c.overlap_eigenvalues), ("T", integrals.kinetic, c.kinetic_eigenvalues),
                                          ("h", integrals.coreHamiltonian, c.core_eigenvalues)]
        let generalized = try LAPACK.generalizedSymmetricEigen(Matrix(rows: n, columns: n, columnMajor: integrals.coreHamiltonian),
                                                               Matrix(rows: n, columns: n, columnMajor: integrals.overlap)).values
        if let (k, a, b) = firstMismatch(generalized, c.core_generalized_eigenvalues, rel: 1e-8, abs: 1e-9) {
            Issue.record("\(name): generalized eigenvalue \(k) of (h, S) is \(a), PySCF \(b)")
        }
        for (what, ours, theirs) in spectra {
            if let (k, a, b) = firstMismatch(try Self.eigenvalues(ours, n), theirs, rel: 1e-8, abs: 1e-9) {
                Issue.record("\(name): eigenvalue \(k) of \(what) is \(a), PySCF \(b)")
            }
        }
        var options = SCFOptions()
        options.energyTolerance = 1e-11
        options.commutatorTolerance = 1e-7
        let result = try RestrictedSCF.run(integrals, options: options)
        #expect(abs(result.energy - c.energy) < 1e-8, "\(name): E \(result.energy), PySCF \(c.energy)")
        if let (k, a, b) = firstMismatch(result.orbitalEnergies, c.orbital_energies, rel: 0, abs: 1e-6) {
            Issue.record("\(name): orbital energy \(k) is \(a), PySCF \(b)")
        }
        var trace = 0.0
        for t in result.density.indices { trace += result.density[t] * integrals.overlap[t] }
        #expect(abs(trace - c.density_overlap_trace) < 1e-8)
    }

    @Test(arguments: reference.uhf_cases.map { "\($0.molecule) \($0.basis) q\($0.charge) m\($0.multiplicity)" })
    func unrestrictedEnergyMatchesPySCF(_ name: String) throws {
        let c = try #require(Self.reference.uhf_cases.first { "\($0.molecule) \($0.basis) q\($0.charge) m\($0.multiplicity)" == name })
        let molecule = try Molecule.readXYZ(Fixtures.data("molecules/\(c.molecule)"), charge: c.charge, multiplicity: c.multiplicity)
        let integrals = try Integrals(try BasisSet(BasisSetName.named(c.basis)!, for: molecule), molecule: molecule)
        var options = SCFOptions()
        options.energyTolerance = 1e-11
        options.commutatorTolerance = 1e-7
        options.maxIterations = 100
        let result = try UnrestrictedSCF.run(integrals, options: options)
        #expect(abs(result.energy - c.energy) < 1e-8, "\(name): E \(result.energy), PySCF \(c.energy)")
        let spins = try #require(result.spinOrbitalEnergies)
        if let (k, a, b) = firstMismatch(spins[0], c.alpha_orbital_energies, rel: 0, abs: 1e-6) { Issue.record("\(name): α orbital \(k) is \(a), PySCF \(b)") }
        if let (k, a, b) = firstMismatch(spins[1], c.beta_orbital_energies, rel: 0, abs: 1e-6) { Issue.record("\(name): β orbital \(k) is \(a), PySCF \(b)") }
        // Electron counts per spin: Tr(D^σ S) = n_σ.
        let densities = try #require(result.spinDensities)
        let counts = densities.map { d in zip(d, integrals.overlap).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(abs(counts[0] - counts[1] - Double(c.multiplicity - 1)) < 1e-8 && abs(counts[0] + counts[1] - Double(molecule.electronCount)) < 1e-8)
    }

    @Test(arguments: ["STO-3G", "6-31G(d,p)"]) func oneElectronIntegralsMatchObaraSaika(_ basisName: String) throws {
        // Oracle: the plainly written Obara–Saika recurrences (ObaraSaikaReference) on the same Cartesian
        // shells and contraction coefficients give libint2's S, T and V element by element.
        let water = try Self.molecule("H2O.xyz")
        let basis = try BasisSet(BasisSetName.named(basisName)!, for: water, spherical: false)
        let integrals = try Integrals(basis, molecule: water)
        let reference = ObaraSaikaReference.matrices(basis, coefficients: integrals.normalizedCoefficients, molecule: water)
        for (what, ours, theirs) in [("S", integrals.overlap, reference.s), ("T", integrals.kinetic, reference.t), ("V", integrals.nuclear, reference.v)] {
            if let (k, a, b) = firstMismatch(ours, theirs, rel: 1e-10, abs: 1e-11) {
                Issue.record("\(basisName) \(what)[\(k)]: libint2 \(a), Obara–Saika \(b)")
            }
        }
    }

    @Test func coulombExchangeMatchesTheFullIntegralTensor() throws {
        // Conservation-style oracle: the direct, screened, 8-fold-symmetric, two-thread J/K build equals
        // the contraction of every (μν|λσ) computed without symmetry.
        let molecule = try Self.molecule("H2O.xyz")
        let integrals = try Integrals(try BasisSet(BasisSetName.named("6-31G(d,p)")!, for: molecule), molecule: molecule)
        let n = integrals.functionCount
        var rng = SplitMix64(state: 3)
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0...i { let v = Double(rng.next() >> 11) / Double(1 << 53) - 0.5; d[i * n + j] = v; d[j * n + i] = v } }
        let eri = try integrals.allTwoElectron()
        let (j, k) = try integrals.coulombExchange([d], threshold: 0, threads: 2)
        var maxJ = 0.0, maxK = 0.0
        for a in 0..<n {
            for b in 0..<n {
                var jj = 0.0, kk = 0.0
                for c in 0..<n {
                    for e in 0..<n {
                        jj += eri[((a * n + b) * n + c) * n + e] * d[c * n + e]
                        kk += eri[((a * n + c) * n + b) * n + e] * d[c * n + e]
                    }
                }
                maxJ = max(maxJ, abs(jj - j[0][a * n + b]))
                maxK = max(maxK, abs(kk - k![0][a * n + b]))
            }
        }
        #expect(maxJ < 1e-11 && maxK < 1e-11, "J error \(maxJ), K error \(maxK)")
        // The second build reads the cache the first filled; the direct engine (no cache) agrees.
        #expect(integrals.cachedQuartets > 0)
        let (j2, k2) = try integrals.coulombExchange([d], threshold: 0, threads: 2)
        let direct = try Integrals(integrals.basis, molecule: molecule, memoryLimit: 0)
        let (j3, k3) = try direct.coulombExchange([d], threshold: 0, threads: 2)
        #expect(direct.cachedQuartets == 0)
        #expect(firstMismatch(j2[0], j[0], rel: 0, abs: 1e-13) == nil && firstMismatch(k2![0], k![0], rel: 0, abs: 1e-13) == nil)
        #expect(firstMismatch(j3[0], j[0], rel: 0, abs: 1e-13) == nil && firstMismatch(k3![0], k![0], rel: 0, abs: 1e-13) == nil)
    }

    @Test func badMoleculesAndBasesAreNamedErrors() throws {
        #expect(expectInterphaseError(.invalidData) { try Molecule.parseXYZ("1\nx\nXx 0 0 0\n") }?.line == 3)
        #expect(expectInterphaseError(.invalidParameter) { try Molecule.parseXYZ("1\nx\nH 0 0 0\n", multiplicity: 1) }?.parameter == "multiplicity")
        #expect(expectInterphaseError(.invalidData) { try Molecule.parseXYZ("2\nx\nH 0 0 0\nH 0 0 0.01\n") }?.message.contains("apart") == true)
        #expect(expectInterphaseError(.malformed) { try Molecule.parseXYZ("3\nx\nH 0 0 0\n") } != nil)
        let krypton = try Molecule.parseXYZ("1\nKr\nKr 0 0 0\n")
        let missing = expectInterphaseError(.invalidParameter) { try BasisSet(BasisSetName.named("6-31+G(d,p)")!, for: krypton) }
        #expect(missing?.message.contains("6-31+G(d,p)") == true && missing?.message.contains("Kr") == true)
        let radical = try Molecule.parseXYZ("1\nH\nH 0 0 0\n", multiplicity: 2)
        let integrals = try Integrals(try BasisSet(BasisSetName.named("STO-3G")!, for: radical), molecule: radical)
        #expect(expectInterphaseError(.invalidParameter) { try RestrictedSCF.run(integrals) }?.expected?.contains("UHF") == true)
        var tight = SCFOptions()
        tight.maxIterations = 2
        let water = try Self.molecule("H2O.xyz")
        let waterIntegrals = try Integrals(try BasisSet(BasisSetName.named("STO-3G")!, for: water), molecule: water)
        let stopped = expectInterphaseError(.notConverged) { try RestrictedSCF.run(waterIntegrals, options: tight) }
        #expect(stopped?.message.contains("2 cycles") == true && stopped?.message.contains("DIIS(8)") == true)
    }
}
