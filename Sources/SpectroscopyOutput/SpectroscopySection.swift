import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseReport
import Spectroscopy
import SpectroscopyReaders

/// Report section: XPS peak fitting. The study's spectra are not public, so its component table
/// (C 1s, B 1s, Li 1s, calibrated to C–C 284.6 eV) is shown as the assignment data Interphase starts
/// from, and the method runs on bundled real spectra as stand-ins: the C 1s of PET (three chemical
/// states and the π–π* shake-up, on a Shirley background) and the Au 4f doublet of clean gold (Voigt
/// lines, 3.67 eV spin–orbit splitting and 4:3 area ratio tied, calibrated to Au 4f7/2 = 84.0 eV).
public struct SpectroscopySection: ReportSection {
    public let id = "spectroscopy"
    public let title = "Spectroscopy: XPS component fits (bundled stand-in spectra; the study's table)"

    public init() {}

    /// One stand-in fit: file, component table, options, and what the figure caption says.
    struct Fit {
        let name: String
        let file: String
        let table: String
        let options: PeakFitOptions
        let caption: String
    }

    static var fits: [Fit] {
        var pet = PeakFitOptions(background: .shirley)
        pet.window = 280...296
        var gold = PeakFitOptions(background: .shirley)
        gold.calibration = try? EnergyCalibration(parsing: "Au 4f7/2=84.0")
        return [
            Fit(name: "pet_c1s", file: "spectroscopy/xps/PET_C1s.csv", table: "spectroscopy/components/pet_c1s.json", options: pet,
                caption: "C 1s of PET (LG4X example, PHI VersaProbe II): C–C/C–H, C–O, O–C=O and the π–π* shake-up on a Shirley background"),
            Fit(name: "au_4f", file: "spectroscopy/xps/clean_Au_4f.csv", table: "spectroscopy/components/au4f_doublet.json", options: gold,
                caption: "Au 4f of clean gold (lmfitxps example, hν = 180 eV): a Voigt doublet, splitting and area ratio tied, calibrated to Au 4f7/2 = 84.0 eV"),
        ]
    }

    public func build(_ context: ReportContext) throws -> SectionResult {
        var blocks: [ReportBlock] = [.paragraph("""
            The study's XPS spectra are not public. Its component table (below, with the source of each energy) is the \
            assignment data `interphase xps --components auto` starts from; the fitting itself — backgrounds, line shapes, \
            tied parameters, standard errors, calibration — is shown on bundled real spectra standing in for the study's, and \
            agrees with lmfit 1.3.4 + lmfitxps 4.2.0 on the same models (Tests/SpectroscopyTests).
            """)]
        var study = TextTable(header: ["region", "component", "binding_energy_eV", "source"])
        for region in ["C 1s", "B 1s", "Li 1s"] {
            for entry in XPSAssignments.entries(for: region) {
                study.append([region, entry.label, String(format: "%.1f", entry.bindingEnergy), entry.source])
            }
        }
        blocks.append(.table(study, caption: "The study's XPS components (calibrated to C–C at 284.6 eV)"))
        var summaries: [(String, JSONValue)] = []
        for fit in Self.fits {
            let url = context.dataDirectory.appendingPathComponent(fit.file)
            let components = try PeakComponentTable(parsing: try InstrumentFile.contents(of: context.dataDirectory.appendingPathComponent(fit.table)),
                                                    file: fit.table)
            let read = try SpectroscopyLoader.load(url)
            let result = try XPSRegionFit.run(read.spectra, file: fit.file, request: XPSFitRequest(components: .table(components), options: fit.options))
            let summary = PeakFitSummary(result, file: fit.file, format: read.format.id)
            blocks.append(.figure(name: fit.name, figure: XPSFigures.fit(result), caption: fit.caption))
            blocks.append(.table(summary.table.textTable(), caption: "Components of \(fit.file) (bundled stand-in data)"))
            summaries.append((fit.name, summary.json))
        }
        return SectionResult(blocks: blocks, summary: .object(summaries))
    }
}
