import Foundation
import InterphaseCore
import InterphaseReport
import Reproduction
import SpectroscopyOutput
import Testing
import _InterphaseTestSupport

/// The report's spectroscopy section: the study's component table and two fits of bundled stand-in
/// spectra, each with its figure and table; the calibration it states holds (Au 4f7/2 at 84.0 eV, as
/// `--calibrate 'Au 4f7/2=84.0'` asks), and the fitted PET components keep their textbook order
/// (C–C < C–O < O–C=O < shake-up in binding energy).
@Suite struct SpectroscopySectionTests {
    @Test func sectionFitsTheStandInsAndShowsTheStudysTable() throws {
        let result = try SpectroscopySection().build(ReportContext(dataDirectory: Fixtures.data(""), quiet: true))
        var figures: [String] = [], tables: [TextTable] = []
        for block in result.blocks {
            if case let .figure(name, _, _) = block { figures.append(name) }
            if case let .table(table, _) = block { tables.append(table) }
        }
        #expect(figures == ["pet_c1s", "au_4f"])
        let study = try #require(tables.first)
        #expect(study.rows.contains { $0[1] == "C–B" && $0[2] == "283.7" } && study.rows.contains { $0[1] == "LiF" && $0[2] == "56.7" })
        func centers(_ key: String) -> [String: Double] {
            var out: [String: Double] = [:]
            for c in result.summary[key]?["components"]?.arrayValue ?? [] {
                if let name = c["name"]?.stringValue, let center = c["center_eV"]?.doubleValue { out[name] = center }
            }
            return out
        }
        let gold = centers("au_4f")
        #expect(abs((gold["Au 4f7/2"] ?? 0) - 84.0) < 1e-9, "Au 4f7/2 at \(gold["Au 4f7/2"] ?? .nan)")
        let pet = centers("pet_c1s")
        let order = ["C–C", "C–O", "O–C=O", "shake-up"].compactMap { pet[$0] }
        #expect(order.count == 4 && order == order.sorted(), "PET centres \(pet)")
        #expect(ReproductionSections.all.map(\.id).contains("spectroscopy"))
    }
}
