import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase eis` and `read` on impedance files, as a user runs them. The tutorial fit is compared
/// with impedance.py 1.7.1's (`Tests/ImpedanceTests/Reference/impedance.json`, fit "tutorial").
@Suite(.serialized) struct EISCLITests {
    static let tutorial = ["eis", "fit", "Data/impedance/exampleData.csv", "--circuit", "R0-p(R1,C1)-p(R2-Wo1,C2)",
                           "--initial", ".01,.01,100,.01,.05,100,1", "--drop-inductive"]

    @Test func fitWritesSummaryTableAndFigure() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(Self.tutorial + ["--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let reference = try JSONValue.parse(Data(contentsOf: Fixtures.reference("ImpedanceTests", "impedance.json")))
        let fit = try #require(reference["fits"]?.arrayValue?.first { $0["name"]?.stringValue == "tutorial" })
        let expected = try #require(fit["parameters"]?.arrayValue).compactMap(\.doubleValue)
        let names = ["R0", "R1", "C1", "R2", "Wo1_0", "Wo1_1", "C2"]
        for (name, value) in zip(names, expected) {
            let ours = try #require(summary["parameters"]?[name]?.doubleValue, "parameters.\(name)")
            #expect(abs(ours - value) / value < 0.005, "\(name): \(ours) vs impedance.py \(value)")
        }
        #expect(summary["circuit"]?.stringValue == "R0-p(R1,C1)-p(R2-Wo1,C2)")
        #expect(summary["converged"] == .bool(true))
        #expect(summary["points_used"]?.doubleValue == 57)
        #expect(summary["units"]?["Wo1_1"]?.stringValue == "sec")
        #expect(abs((summary["re_ohm"]?.doubleValue ?? 0) - expected[0]) / expected[0] < 0.005)
        #expect(abs((summary["ri_ohm"]?.doubleValue ?? 0) - (expected[1] + expected[3])) / (expected[1] + expected[3]) < 0.005)
        #expect(summary["standard_errors"]?["R0"]?.doubleValue != nil && summary["chi_square"]?.doubleValue != nil)
        for name in ["nyquist.svg", "nyquist.png", "fits.csv"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let csv = try String(contentsOf: directory.appendingPathComponent("fits.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("loop,start_time_s,converged,re_ohm,ri_ohm"))
    }

    @Test func multiSweepFileFitsEverySweepWithTheSeries() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["eis", "fit", "Data/cycler/biologic_mpr/PEIS.mpr", "--circuit", "R0-p(R1,CPE1)-W1", "--out", directory.path,
                             "--format", "json", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(r.stdout.utf8))
        let spectra = try #require(summary["spectra"]?.arrayValue)
        #expect(spectra.count == 4)
        #expect(spectra.allSatisfy { $0["converged"] == .bool(true) && $0["re_ohm"]?.doubleValue != nil })
        for name in ["resistances.png", "nyquist_1.png", "nyquist_4.svg", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test func badInputIsAOneLineErrorAndNoSummary() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wrongCount = try CLI.run(["eis", "fit", "Data/impedance/exampleData.csv", "--circuit", "R0-p(R1,C1)", "--initial", "1,2",
                                      "--out", directory.path])
        #expect(wrongCount.status == 1)
        #expect(wrongCount.stderr.contains("2 initial values for the 3 free parameters"))
        let unknown = try CLI.run(["eis", "fit", "Data/impedance/exampleData.csv", "--circuit", "R0-p(R1,Q1)", "--out", directory.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("character 9") && unknown.stderr.contains("unknown element 'Q'"))
        let notImpedance = try CLI.run(["eis", "fit", "Data/cycler/neware/test.nda", "--circuit", "R0-p(R1,C1)", "--out", directory.path])
        #expect(notImpedance.status == 1)
        #expect(notImpedance.stderr.contains("not a recognised impedance file"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("summary.json").path))
    }

    @Test func readSaysWhatAnImpedanceFileIs() throws {
        let gamry = try CLI.run(["read", "Data/impedance/exampleDataGamry.DTA"])
        #expect(gamry.status == 0)
        #expect(gamry.stdout.contains("kind:       impedance spectrum") && gamry.stdout.contains("EISPOT"))
        let geis = try CLI.run(["read", "Data/cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr",
                                "--format", "json"])
        let parsed = try JSONValue.parse(Data(geis.stdout.utf8))
        #expect(parsed["kind"]?.stringValue == "impedance spectrum")
        #expect(parsed["sweeps"]?.doubleValue == 45)
        let maccor = try CLI.run(["read", "Data/cycler/maccor/maccor_test_file_4267-66-6519.EDA0001.041"])
        #expect(maccor.status == 0 && maccor.stdout.contains("maccor-fra"))
    }
}

@Suite(.serialized) struct EISKKCLITests {
    /// impedance.py 1.7.1's linKK on the tutorial data (default settings): M 21, μ 0.83386
    /// (`Tests/ImpedanceTests/Reference/linkk.json`, case example_default).
    @Test func kkWritesSummaryResidualsAndFigure() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["eis", "kk", "Data/impedance/exampleData.csv", "--drop-inductive", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(summary["M"]?.doubleValue == 21)
        #expect(abs((summary["mu"]?.doubleValue ?? 0) - 0.8338636418635477) < 1e-6)
        for name in ["kk_residuals.png", "kk_residuals.svg", "kk_residuals.csv"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let bad = try CLI.run(["eis", "kk", "Data/impedance/exampleData.csv", "--c", "2"])
        #expect(bad.status == 1 && bad.stderr.contains("cut-off"))
    }
}

@Suite(.serialized) struct EISDRTCLITests {
    /// pyDRTtools 0.2 on LIB_data.txt at λ = 1e-3 (converged tightly; `Tests/ImpedanceTests/Reference/drt.json`,
    /// case lib_default): R∞ 0.112893 Ω and a peak near τ = 1.02 ms.
    @Test func drtWritesSummaryTableAndFigure() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try CLI.run(["eis", "drt", "Data/impedance/drt/LIB_data.txt", "--out", directory.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(abs((summary["R_inf_ohm"]?.doubleValue ?? 0) - 0.112893) < 2e-5)
        let taus = (summary["peaks"]?.arrayValue ?? []).compactMap { $0["tau_s"]?.doubleValue }
        #expect(taus.contains { abs($0 / 1.0169e-3 - 1) < 0.05 }, "peaks \(taus)")
        for name in ["drt.png", "drt.svg", "drt.csv"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let bad = try CLI.run(["eis", "drt", "Data/impedance/drt/LIB_data.txt", "--lambda=-1"])
        #expect(bad.status == 1 && bad.stderr.contains("λ"))
    }
}
