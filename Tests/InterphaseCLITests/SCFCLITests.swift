import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase scf` as a user runs it; the energy is PySCF 2.14.0's for the same basis
/// (`Tests/QuantumChemistryTests/Reference/rhf.json`, H2O cc-pVDZ).
@Suite(.serialized) struct SCFCLITests {
    @Test func waterEnergyAndFrontierOrbitals() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["scf", "Data/molecules/H2O.xyz", "--basis", "cc-pVDZ", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(abs((summary["energy_Eh"]?.doubleValue ?? 0) - (-76.02679869746892)) < 1e-7)
        #expect(summary["basis_functions"]?.doubleValue == 24)
        let homo = try #require(summary["homo_eV"]?.doubleValue), lumo = try #require(summary["lumo_eV"]?.doubleValue)
        #expect(homo < 0 && lumo > homo && abs((summary["gap_eV"]?.doubleValue ?? 0) - (lumo - homo)) < 1e-12)
    }

    @Test func badBasisAndSpinAreOneLineErrors() throws {
        let basis = try CLI.run(["scf", "Data/molecules/H2O.xyz", "--basis", "6-31Q"])
        #expect(basis.status == 1 && basis.stderr.contains("unknown basis set '6-31Q'"))
        let spin = try CLI.run(["scf", "Data/molecules/H2O.xyz", "--multiplicity", "2"])
        #expect(spin.status == 1 && spin.stderr.contains("multiplicity 2"))
    }
}
