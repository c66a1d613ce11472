import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase qc energy|screen` as a user runs them. Energies are PySCF 2.14.0's for the same basis
/// and grid (`Tests/QuantumChemistryTests/Reference/rhf.json`, `dft.json`).
@Suite(.serialized) struct QCCLITests {
    static func reference(_ file: String, _ match: (JSONValue) -> Bool) throws -> JSONValue {
        let json = try JSONValue.parse(Data(contentsOf: Fixtures.reference("QuantumChemistryTests", file)))
        let found = json["cases"]?.arrayValue?.first(where: match)
        return try #require(found)
    }

    @Test func energyWritesTheIssuesSummaryKeys() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rhf = try Self.reference("rhf.json") { $0["molecule"]?.stringValue == "H2O.xyz" && $0["basis"]?.stringValue == "cc-pVDZ" }
        let r = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--method", "rhf", "--basis", "cc-pVDZ", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(abs((summary["energy_hartree"]?.doubleValue ?? 0) - (rhf["energy"]?.doubleValue ?? 1)) < 1e-7)
        for key in ["homo_ev", "lumo_ev", "orbital_energies_ev", "mulliken_charges", "dipole_debye", "converged", "iterations",
                    "basis_functions", "method", "basis", "grid", "wall_s"] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        #expect(summary["basis_functions"]?.doubleValue == 24)
        let homo = try #require(summary["homo_ev"]?.doubleValue), lumo = try #require(summary["lumo_ev"]?.doubleValue)
        #expect(homo < 0 && lumo > homo && abs((summary["gap_ev"]?.doubleValue ?? 0) - (lumo - homo)) < 1e-12)

        let pbe = try Self.reference("dft.json") { $0["functional"]?.stringValue == "pbe" }
        let d = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--method", "pbe", "--basis", "STO-3G", "--grid", "3", "--format", "json", "--quiet"])
        #expect(d.status == 0, "\(d.stderr)")
        let dft = try JSONValue.parse(Data(d.stdout.utf8))
        #expect(abs((dft["energy_hartree"]?.doubleValue ?? 0) - (pbe["energy"]?.doubleValue ?? 1)) < 1e-6)
        #expect(dft["grid"]?.stringValue == "level 3" && dft["method"]?.stringValue == "PBE")
    }

    @Test func screenWritesTableFigureAndVerdicts() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["qc", "screen", "Data/molecules/LiF.xyz", "Data/molecules/H2O.xyz", "--basis", "STO-3G", "--grid", "1",
                             "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let rows = summary["species"]?.arrayValue ?? []
        #expect(rows.map { $0["species"]?.stringValue } == ["LiF", "H2O"])
        #expect(abs((summary["reference_ev"]?.doubleValue ?? 0) + 1.40) < 1e-12)
        for row in rows {
            let lumo = try #require(row["lumo_eV"]?.doubleValue), margin = try #require(row["lumo_minus_reference_eV"]?.doubleValue)
            #expect(abs(margin - (lumo + 1.40)) < 1e-12)
            #expect(row["verdict"]?.stringValue?.hasPrefix(margin > 0 ? "stable" : "reduced") == true)
        }
        for file in ["screening.csv", "orbital_levels.svg", "orbital_levels.png"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file) missing")
        }
    }

    @Test func optimizeReachesGeomeTRICsMinimumAndWritesTheTrajectory() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // geomeTRIC 1.1.1 + PySCF 2.14.0 from the same distorted start (References/gradient_reference.py).
        let json = try JSONValue.parse(Data(contentsOf: Fixtures.reference("QuantumChemistryTests", "gradients.json")))
        let reference = try #require(json["optimisations"]?.arrayValue?.first { $0["method"]?.stringValue == "rhf" && $0["name"]?.stringValue == "H2O" })
        let start = try #require(reference["start_angstrom"]?.arrayValue)
        var xyz = "\(start.count)\ndistorted water\n"
        for row in start {
            let v = row.arrayValue ?? []
            xyz += "\(v[0].stringValue ?? "") \(v[1].doubleValue ?? 0) \(v[2].doubleValue ?? 0) \(v[3].doubleValue ?? 0)\n"
        }
        let input = directory.appendingPathComponent("start.xyz")
        try xyz.write(to: input, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let r = try CLI.run(["qc", "optimize", input.path, "--method", "rhf", "--basis", "6-31G(d,p)", "--tight", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: out.appendingPathComponent("summary.json")))
        #expect(abs((summary["energy_hartree"]?.doubleValue ?? 0) - (reference["energy"]?.doubleValue ?? 1)) < 1e-6)
        #expect(summary["optimized"] == .bool(true) && (summary["max_force_hartree_per_bohr"]?.doubleValue ?? 1) < 1.5e-5)
        let steps = summary["optimization_steps"]?.doubleValue ?? 0
        let trajectory = try String(contentsOf: out.appendingPathComponent("trajectory.xyz"), encoding: .utf8)
        #expect(steps > 1 && Double(trajectory.split(separator: "\n").count) == steps * 5)
        for file in ["optimized.xyz", "steps.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        // Out of steps: a one-line error and no summary that looks complete.
        let failed = directory.appendingPathComponent("failed")
        let f = try CLI.run(["qc", "optimize", input.path, "--method", "rhf", "--basis", "STO-3G", "--max-steps", "1", "--out", failed.path, "--quiet"])
        #expect(f.status != 0 && f.stderr.contains("did not converge in 1 steps"))
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("summary.json").path))
    }

    @Test func screenOptimizesFirstWhenAsked() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["qc", "screen", "Data/molecules/H2O.xyz", "--method", "rhf", "--basis", "STO-3G", "--optimize", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let row = try #require(summary["species"]?.arrayValue?.first)
        #expect(row["geometry"]?.stringValue?.hasPrefix("optimised") == true)
        // The RHF/STO-3G minimum lies below the (B3LYP-like) bundled geometry's energy, −74.9629282708 Eh (PySCF, rhf.json).
        #expect((row["energy_hartree"]?.doubleValue ?? 0) < -74.9629282708)
        let optimized = try String(contentsOf: directory.appendingPathComponent("H2O.optimized.xyz"), encoding: .utf8)
        #expect(optimized.split(separator: "\n").first == "3" && optimized.split(separator: "\n").count == 5)
    }

    @Test func espFindsTheHydrogenSitesOfWater() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["qc", "esp", "Data/molecules/H2O.xyz", "--basis", "6-31G", "--grid", "1", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let surface = try #require(summary["electrostatic_surface"])
        #expect(surface["maxima"]?.arrayValue?.first?["site"]?.stringValue?.hasPrefix("H") == true)
        #expect(surface["minima"]?.arrayValue?.first?["site"]?.stringValue == "O1")
        #expect((surface["esp_max_kcal_mol"]?.doubleValue ?? 0) > 0 && (surface["esp_min_kcal_mol"]?.doubleValue ?? 0) < 0)
        for file in ["esp_surface.csv", "esp_map.svg", "esp_map.png"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file) missing")
        }
        let bad = try CLI.run(["qc", "esp", "Data/molecules/H2O.xyz", "--isovalue", "0"])
        #expect(bad.status == 1 && bad.stderr.contains("--isovalue"))
    }

    @Test func cubeFilesHoldNormalisedOrbitalsAndTheDensity() throws {
        // Conservation oracles on the written cube: Σ ψ² h³ = 1 for the HOMO and LUMO, Σ ρ h³ ≈ N (the
        // rectangle rule misses part of the sharp 1s cusp, so N within 2 %).
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--method", "rhf", "--basis", "STO-3G", "--cube", "density", "homo", "lumo",
                             "--cube-spacing", "0.15", "--molden", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        func sum(_ name: String, squared: Bool) throws -> Double {
            let lines = try String(contentsOf: directory.appendingPathComponent("\(name).cube"), encoding: .utf8).split(separator: "\n")
            let atoms = Int(lines[2].split(separator: " ")[0])!
            let step = Double(lines[3].split(separator: " ")[1])!
            let values = lines[(6 + atoms)...].flatMap { $0.split(separator: " ").compactMap { Double($0) } }
            let n = lines[3...5].map { Int($0.split(separator: " ")[0])! }.reduce(1, *)
            #expect(values.count == n, "\(name): \(values.count) values for \(n) points")
            return values.reduce(0) { $0 + (squared ? $1 * $1 : $1) } * step * step * step
        }
        #expect(abs(try sum("homo", squared: true) - 1) < 0.01)
        #expect(abs(try sum("lumo", squared: true) - 1) < 0.01)
        #expect(abs(try sum("density", squared: false) - 10) < 0.2)
        let molden = try String(contentsOf: directory.appendingPathComponent("orbitals.molden"), encoding: .utf8)
        #expect(molden.hasPrefix("[Molden Format]") && molden.contains("[MO]") && molden.contains("[GTO]"))
        let noDirectory = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--cube", "density"])
        #expect(noDirectory.status == 1 && noDirectory.stderr.contains("--out"))
    }

    @Test func badInputIsOneLineErrorsAndLeavesNoSummary() throws {
        let basis = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--basis", "6-31Q"])
        #expect(basis.status == 1 && basis.stderr.contains("unknown basis set '6-31Q'"))
        let spin = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--multiplicity", "2"])
        #expect(spin.status == 1 && spin.stderr.contains("multiplicity 2"))
        let method = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--method", "b3lyx"])
        #expect(method.status == 1 && method.stderr.contains("--method") && method.stderr.contains("b3lyp"))
        let grid = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--grid", "(99,591)"])
        #expect(grid.status == 1 && grid.stderr.contains("--grid") && grid.stderr.contains("590"))
        let both = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--cartesian", "--spherical"])
        #expect(both.status == 1 && both.stderr.contains("--cartesian"))
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stopped = try CLI.run(["qc", "energy", "Data/molecules/H2O.xyz", "--method", "rhf", "--basis", "STO-3G", "--max-cycles", "2",
                                   "--out", directory.path, "--quiet"])
        #expect(stopped.status == 1 && stopped.stderr.contains("did not converge in 2 cycles"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("summary.json").path))
    }
}
