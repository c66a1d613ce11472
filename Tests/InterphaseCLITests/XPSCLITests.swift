import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// `interphase xps` and `read` on XPS files, as a user runs them. The PET C 1s fit is given the model of
/// `References/spectroscopy_fits_reference.py` as a component table and compared with lmfit's result
/// (`Tests/SpectroscopyTests/Reference/fits.json`).
@Suite(.serialized) struct XPSCLITests {
    @Test func readSaysWhatAnXPSFileHolds() throws {
        let r = try CLI.run(["read", "Data/spectroscopy/xps/0-150W.vms"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("vamas") && r.stdout.contains("5 regions: wide, Ni 2p, O 1s, C 1s, W 4f") && r.stdout.contains("1486.69 eV"))
        let json = try JSONValue.parse(Data(try CLI.run(["read", "Data/spectroscopy/xps/MgFe2O4_with_transmission_function.xy", "--format", "json"]).stdout.utf8))
        #expect(json["spectra_count"]?.doubleValue == 118 && json["metadata"]?["format"]?.stringValue == "specs-xy")
    }

    @Test func fitMatchesLmfitAndWritesSummaryTableAndFigure() throws {
        let reference = try JSONValue.parse(Data(contentsOf: Fixtures.reference("SpectroscopyTests", "fits.json")))
        let pet = try #require(reference["fits"]?.arrayValue?.first { $0["name"]?.stringValue == "PET C 1s" })
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The reference's components and ties as a component table.
        let components: [JSONValue] = (pet["components"]?.arrayValue ?? []).map { c in
            let lo = c["lower"]?.arrayValue ?? [], hi = c["upper"]?.arrayValue ?? []
            let bounds = JSONValue.object(["center", "area", "fwhm"].enumerated().compactMap { j, name in
                guard j < lo.count, j < hi.count, let a = lo[j].doubleValue, let b = hi[j].doubleValue else { return nil }
                return (name, .array([.number(a), .number(b)]))
            })
            return .object([("bounds", bounds), ("name", c["name"] ?? .null), ("shape", c["shape"] ?? .null), ("center", c["center"] ?? .null), ("area", c["area"] ?? .null),
                     ("fwhm", c["fwhm"] ?? .null), ("extra", c["extra"] ?? .null), ("fixed", c["fixed"] ?? .null)])
        }
        let ties: [JSONValue] = (pet["ties"]?.arrayValue ?? []).map { t in
            let target = t["target"]?.arrayValue?.compactMap(\.stringValue) ?? [], source = t["source"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .object([("target", .string(target.joined(separator: "."))), ("source", .string(source.joined(separator: ".")))])
        }
        let table = directory.appendingPathComponent("pet.json")
        try Data(JSONValue.object([("components", .array(components)), ("ties", .array(ties))]).rendered().utf8).write(to: table)
        let out = directory.appendingPathComponent("out")
        let r = try CLI.run(["xps", "Data/spectroscopy/xps/PET_C1s.csv", "--components", table.path, "--endpoint-points", "1",
                             "--calibrate", "C-C=284.8", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONValue.parse(Data(contentsOf: out.appendingPathComponent("summary.json")))
        let shift = try #require(summary["calibration"]?["shift_eV"]?.doubleValue)
        let lmfit = try #require(pet["lmfit"]?["values"])
        for c in try #require(summary["components"]?.arrayValue) {
            let name = try #require(c["name"]?.stringValue)
            let theirs = try #require(lmfit[name]?["center"]?.arrayValue?.first?.doubleValue)
            let ours = try #require(c["center_eV"]?.doubleValue) - shift
            #expect(Swift.abs(ours - theirs) < 0.01, "\(name): \(ours) vs lmfit \(theirs)")
        }
        #expect(isClose(try #require(summary["components"]?.arrayValue?.first?["center_eV"]?.doubleValue), 284.8, abs: 1e-9))
        #expect(summary["background"]?["method"]?.stringValue == "shirley" && summary["fit"]?["reduced_chi_square"]?.doubleValue != nil)
        for name in ["xps_fit.svg", "xps_fit.png", "components.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("components.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("component,shape,center_eV,center_error_eV,fwhm_eV,area_counts_eV"))
    }

    @Test func badInputIsAOneLineErrorAndLeavesNoSummary() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stale = directory.appendingPathComponent("summary.json")
        try Data("{}".utf8).write(to: stale)
        let region = try CLI.run(["xps", "Data/spectroscopy/xps/0-150W.vms", "--region", "F 1s", "--out", directory.path])
        #expect(region.status == 1 && region.stderr.contains("--region") && region.stderr.contains("wide, Ni 2p, O 1s, C 1s, W 4f"), "\(region.stderr)")
        #expect(region.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: stale.path), "a stale summary.json stays after a failure")

        let table = directory.appendingPathComponent("far.json")
        try Data(#"{"components": [{"name": "CF3", "shape": "gaussian", "center": 310, "fwhm": 1}]}"#.utf8).write(to: table)
        let outside = try CLI.run(["xps", "Data/spectroscopy/xps/PET_C1s.csv", "--components", table.path, "--out", directory.path])
        #expect(outside.status == 1 && outside.stderr.contains("CF3.center") && outside.stderr.contains("outside the data range"), "\(outside.stderr)")

        let bad = directory.appendingPathComponent("bad.csv")
        try "BE/eV,C1s\n290,10\n289.9,12\n289.95,11\n289.8,9\n".write(to: bad, atomically: true, encoding: .utf8)
        let monotonic = try CLI.run(["xps", bad.path, "--out", directory.path])
        #expect(monotonic.status == 1 && monotonic.stderr.contains("not strictly monotonic") && monotonic.stderr.contains("bad.csv"), "\(monotonic.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
