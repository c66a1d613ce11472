import Foundation
import InterphaseCore
import InterphaseReport
import QuantumChemistry
import QuantumChemistryOutput
import Reproduction
import Testing
import _InterphaseTestSupport

/// The report's quantum-chemistry section on a small level (RHF/STO-3G: the study's B3LYP/6-31G(d,p) of
/// eight species takes minutes; `Scripts/reproduce` runs that one). What is checked is the section's
/// wiring: one LUMO comparison per species with the study's value beside it, the screening table, the
/// level chart, o-carborane's ESP map (most positive over a C–H hydrogen) and Mulliken charges, whose ordering (C-bound H more positive than B-bound
/// H) the study reports and which holds at this level too.
@Suite struct QuantumChemistrySectionTests {
    @Test func sectionComparesLUMOsAndHydrogenCharges() throws {
        var options = SinglePointOptions(method: .hartreeFock, basis: BasisSetName.named("STO-3G")!)
        options.scf.threads = 2
        let species = QuantumChemistrySection.study.filter { ["o-carborane", "LiF"].contains($0.label) }
        let section = QuantumChemistrySection(species: species, options: options)
        let result = try section.build(ReportContext(dataDirectory: Fixtures.data(""), quiet: true))
        var comparisons: [Comparison] = [], figures: [String] = []
        for block in result.blocks {
            if case let .comparisons(list, _) = block { comparisons += list }
            if case let .figure(name, _, _) = block { figures.append(name) }
        }
        #expect(figures == ["orbital_levels", "o_carborane_esp"])
        // The study's ESP reading: the most positive surface site is over a C-bound hydrogen.
        let site = result.summary["o_carborane_esp"]?["maxima"]?.arrayValue?.first?["site"]?.stringValue ?? ""
        #expect(site.hasPrefix("H") && site.contains("bonded to C"), "most positive site \(site)")
        let lumo = comparisons.filter { $0.quantity.hasPrefix("LUMO") }
        #expect(lumo.map(\.paper) == ["-0.25", "-1.34"])
        #expect(lumo.allSatisfy { $0.interphase?.isFinite == true })
        let onCarbon = try #require(comparisons.first { $0.quantity == "Mulliken charge, H on C" }?.interphase)
        let onBoron = try #require(comparisons.first { $0.quantity == "Mulliken charge, H on B" }?.interphase)
        #expect(onCarbon > onBoron, "C–H \(onCarbon) vs B–H \(onBoron)")
        let rows = result.summary["screening"]?["species"]?.arrayValue ?? []
        #expect(rows.count == 2 && rows.allSatisfy { $0["verdict"]?.stringValue != nil })
        #expect(ReproductionSections.all.map(\.id).contains("quantum_chemistry"))
    }
}
