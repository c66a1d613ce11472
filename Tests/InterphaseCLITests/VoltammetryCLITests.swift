import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase tafel`, `cv` and `lsv` run as a user would. Independent sources: a Butler–Volmer curve
/// written here (i₀ = 0.355 mA cm⁻², the study's bare-Li value, α = 0.5, on the study's 1.131 cm²), an
/// exponential LSV with a known threshold crossing, and the reference script's values for the EC-Lab CV
/// (`Tests/ElectroanalysisTests/Reference/voltammetry.json`).
@Suite(.serialized) struct VoltammetryCLITests {
    static let f = 96485.33212331001 / (8.314462618153241 * 298.15)

    static func csv(_ rows: [(Double, Double, Double)], in directory: URL, name: String) throws -> String {
        var text = "time_s,voltage_V,current_A\n"
        for (t, v, i) in rows { text += "\(t),\(v),\(i)\n" }
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func tafelWritesTheSummaryKeysFiguresAndTable() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let i0 = 0.355e-3 * 1.131
        let rows = (0...400).map { k -> (Double, Double, Double) in
            let eta = -0.2 + Double(k) * 0.001
            return (Double(k) * 0.2, eta + 0.05, i0 * (exp(0.5 * Self.f * eta) - exp(-0.5 * Self.f * eta)))
        }
        let file = try Self.csv(rows, in: directory, name: "bv.csv")
        let out = directory.appendingPathComponent("out")
        let r = try CLI.run(["tafel", file, "--area-cm2", "1.131", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Tafel slope") && r.stdout.contains("mV/dec"))
        let summary = try JSONValue.parse(Data(contentsOf: out.appendingPathComponent("summary.json")))
        // The Butler–Volmer fit returns the generating i₀ and α; the Tafel lines (window 107–200 mV, where
        // the back reaction is < 1.6 %) are within 3 % / 1.5 %.
        #expect(isClose(try #require(summary["butler_volmer"]?["exchange_current_density_mA_cm2"]?.doubleValue), 0.355, rel: 1e-6))
        #expect(isClose(try #require(summary["butler_volmer"]?["alpha_anodic"]?.doubleValue), 0.5, rel: 1e-6))
        #expect(isClose(try #require(summary["exchange_current_density_mA_cm2"]?.doubleValue), 0.355, rel: 0.03))
        #expect(isClose(try #require(summary["alpha_anodic"]?.doubleValue), 0.5, rel: 0.015))
        #expect(isClose(try #require(summary["alpha_cathodic"]?.doubleValue), 0.5, rel: 0.015))
        #expect(isClose(try #require(summary["tafel_slope_anodic_mV_dec"]?.doubleValue), 1000 * log(10) / (0.5 * Self.f), rel: 0.015))
        #expect((summary["tafel_slope_cathodic_mV_dec"]?.doubleValue ?? 0) < 0)
        #expect(summary["fit_window_anodic_mV"]?.arrayValue?.count == 2)
        #expect(isClose(try #require(summary["equilibrium_potential_V"]?.doubleValue), 0.05, abs: 1e-9))
        for name in ["tafel.svg", "tafel.png", "tafel_points.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("tafel_points.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("overpotential_mV,current_mA,current_density_mA_cm2"))
        #expect(csv.split(separator: "\n").count == 402)
    }

    @Test func cvPrintsAndWritesPerCycleValues() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["cv", "Data/cycler/biologic_mpt/Pt_poly_cv_CUT.mpt", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("charge_ratio_pct"))
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let reference = try JSONValue.parse(Data(contentsOf: Fixtures.reference("ElectroanalysisTests", "voltammetry.json")))
        let expected = try #require(reference["analyses"]?.arrayValue?.first?["cycles"]?.arrayValue)
        let cycles = try #require(summary["cycles"]?.arrayValue)
        #expect(cycles.count == expected.count)
        for (mine, theirs) in zip(cycles, expected) {
            #expect(mine["cathodic_peak_V"]?.doubleValue == theirs["cathodic_peak"]?["potential_V"]?.doubleValue)
            #expect(isClose(try #require(mine["plating_charge_mC"]?.doubleValue), 1e3 * (theirs["cathodic_charge_C"]?.doubleValue ?? .nan), rel: 1e-12))
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cv.png").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cv_cycles.csv").path))
    }

    @Test func lsvReportsBothOnsets() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // j = 0.01 mA cm⁻² · exp((E − 4.97 V)/50 mV) on 1.131 cm²: the threshold is crossed at 4.97 V.
        let rows = (0...2500).map { k -> (Double, Double, Double) in
            let e = 3.0 + Double(k) * 0.001
            return (Double(k) * 2, e, 0.01e-3 * 1.131 * exp((e - 4.97) / 0.05))
        }
        let file = try Self.csv(rows, in: directory, name: "lsv.csv")
        let r = try CLI.run(["lsv", file, "--area-cm2", "1.131", "--format", "json", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(r.stdout.utf8))
        #expect(isClose(try #require(summary["onset_potential_V"]?.doubleValue), 4.97, abs: 1e-5))
        #expect(summary["tangent_onset_potential_V"]?.doubleValue != nil)
        // A higher threshold, 0.1 mA cm⁻², is crossed 50 mV · ln 10 = 115 mV later.
        let higher = try CLI.run(["lsv", file, "--area-cm2", "1.131", "--threshold-mA-cm2", "0.1", "--format", "json", "--quiet"])
        let onset = try JSONValue.parse(Data(higher.stdout.utf8))["onset_potential_V"]?.doubleValue
        #expect(isClose(try #require(onset), 4.97 + 0.05 * log(10), abs: 1e-5))
    }

    @Test func badInputIsOneLineNamingTheParameter() throws {
        let r = try CLI.run(["lsv", "Data/cycler/biologic_mpt/Pt_poly_cv_CUT.mpt", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("--area-cm2"), "\(r.stderr)")
        let area = try CLI.run(["tafel", "Data/cycler/biologic_mpt/Pt_poly_cv_CUT.mpt", "--area-cm2=-1", "--quiet"])
        #expect(area.status == 1 && area.stderr.contains("--area-cm2"))
        let baseline = try CLI.run(["cv", "Data/cycler/biologic_mpt/Pt_poly_cv_CUT.mpt", "--baseline", "spline", "--quiet"])
        #expect(baseline.status == 1 && baseline.stderr.contains("--baseline"))
    }
}
