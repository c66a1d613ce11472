import Foundation
import Impedance
import ImpedanceReaders
import InterphaseCore
import InterphaseData
import InterphasePlot
import InterphaseReport

/// Report section: impedance spectra of the bundled files.
///
/// The study's spectra are not public. This section (1) fits impedance.py's tutorial spectrum and
/// compares every parameter with impedance.py 1.7.1's fit of it, (2) fits the four sweeps of an EC-Lab
/// PEIS file of a coin cell aged over 1,800 h, (3) follows R_e and R_i through the 45 GEIS sweeps of the
/// bundled Li‖Li cell (the in-situ use), (4) reads every bundled impedance file, and (5) lists the
/// study's impedance values, labelled as its measurements.
public struct ImpedanceSection: ReportSection {
    public let id = "impedance"
    public let title = "Impedance spectra: equivalent-circuit fits and model-free Re, Ri"

    public init() {}

    static let tutorialFile = "impedance/exampleData.csv"
    static let tutorialCircuit = "R0-p(R1,C1)-p(R2-Wo1,C2)"
    static let tutorialGuess = [0.01, 0.01, 100, 0.01, 0.05, 100, 1]
    /// impedance.py 1.7.1's fit of the tutorial (`References/impedance_reference.py`, fit "tutorial",
    /// committed in Tests/ImpedanceTests/Reference/impedance.json).
    static let tutorialReference: [(name: String, value: Double)] = [
        ("R0", 0.016518726094898115), ("R1", 0.008676550503006716), ("C1", 3.321425579888374), ("R2", 0.005389962777724203),
        ("Wo1_0", 0.06309274253115818), ("Wo1_1", 232.5204267019584), ("C2", 0.21954182681119533),
    ]
    static let peisFile = "cycler/biologic_mpr/PEIS.mpr"
    static let peisCircuit = "R0-p(R1,CPE1)-p(R2,CPE2)-CPE3"
    static let lithiumFile = "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr"
    static let lithiumCircuit = "R0-p(R1,CPE1)"

    public func build(_ context: ReportContext) throws -> SectionResult {
        let data = context.dataDirectory
        var blocks: [ReportBlock] = []
        var summary: [(String, JSONValue)] = []

        // 1. The tutorial spectrum against impedance.py.
        let tutorial = try ImpedanceLoader.load(data.appendingPathComponent(Self.tutorialFile))
        var tutorialOptions = SpectrumFitOptions(circuit: try Circuit(Self.tutorialCircuit), initialGuess: Self.tutorialGuess)
        tutorialOptions.preparation.dropInductive = true
        let fitted = try SpectrumFitting.run(tutorial.spectra, options: tutorialOptions)
        guard let tutorialFit = fitted.first?.fit else {
            throw fitted.first?.error ?? InterphaseError(.notConverged, "the tutorial fit failed", file: Self.tutorialFile)
        }
        blocks.append(.heading("impedance.py's tutorial spectrum, \(Self.tutorialCircuit)"))
        blocks.append(.figure(name: "nyquist_tutorial", figure: ImpedanceFigures.nyquistBode(fitted[0], excludedReason: "Not fitted (Z\u{2033} \u{2265} 0)"),
                              caption: "exampleData.csv (impedance.py, MIT): (a) Nyquist plot, equal scales; (b) |Z| and (c) −phase against frequency. Open circles: data; grey: the points with Z″ ≥ 0 that impedance.py's tutorial drops (ignoreBelowX); line: the fit, 400 log-spaced frequencies over the fitted range."))
        let comparisons = Self.tutorialReference.map { reference in
            Comparison(quantity: reference.name, unit: tutorialFit.units[tutorialFit.circuit.parameterIndex(reference.name)!],
                       paper: String(format: "%.6g", reference.value), interphase: tutorialFit.value(reference.name)?.value, decimals: 6,
                       note: "impedance.py 1.7.1, same data, guess and weighting")
        }
        blocks.append(.comparisons(comparisons, caption: "Tutorial fit: column 'paper' here = impedance.py 1.7.1's CustomCircuit.fit (scipy curve_fit, TRF) of the same points from the same initial guess; Interphase's values."))
        summary.append(("tutorial", SpectrumFitSummary(sources: [(Self.tutorialFile, tutorial.format, tutorial.warnings)], outcomes: fitted,
                                                         options: tutorialOptions).json))

        // Lin-KK of the same spectrum, with the tutorial's settings, against impedance.py.
        let kkOptions = LinKKOptions(cutoff: 0.5, maxElements: 100, fitType: .complex, addCapacitance: true)
        let kkSpectrum = try tutorial.spectra[0].capacitivePoints()
        let kk = try LinKK.validate(kkSpectrum, options: kkOptions)
        blocks.append(.figure(name: "kk_tutorial", figure: ImpedanceFigures.kkResiduals(kk),
                              caption: "Lin-KK residuals of the tutorial spectrum (c = 0.5, max_M = 100, complex fit with a series capacitance, as impedance.py's validation tutorial): (Z − Ẑ)/|Z| in %."))
        blocks.append(.comparisons([
            Comparison(quantity: "lin-KK RC elements M", unit: "", paper: "27", interphase: Double(kk.elementCount), decimals: 0,
                       note: "impedance.py 1.7.1 linKK, same settings"),
            Comparison(quantity: "lin-KK μ", unit: "", paper: "0.3198", interphase: kk.mu, decimals: 4, note: "impedance.py 1.7.1 linKK"),
        ], caption: "Lin-KK: column 'paper' here = impedance.py 1.7.1 on the same points and settings."))
        summary.append(("tutorial_kk", LinKKSummary(file: Self.tutorialFile, results: [(kkSpectrum, kk)]).json))

        // DRT of pyDRTtools' Li-ion example against pyDRTtools.
        let lib = try ImpedanceLoader.load(data.appendingPathComponent("impedance/drt/LIB_data.txt"))
        let drt = try DRT.compute(lib.spectra[0], options: DRTOptions(regularisation: .fixed(1e-3)))
        blocks.append(.heading("Distribution of relaxation times: pyDRTtools' Li-ion example"))
        blocks.append(.figure(name: "drt_lib", figure: ImpedanceFigures.drt(drt),
                              caption: "γ(τ) of LIB_data.txt (pyDRTtools, MIT): Gaussian basis (FWHM coefficient 0.5), first-derivative Tikhonov penalty, λ = 1e-3, R∞ and L fitted, γ ≥ 0; circles: the peaks."))
        let pyPeaks = [0.0010169257972586975, 0.008680001531409253, 0.14802579803435886, 1.8226458061253, 81.46747298346965]
        var drtComparisons = [Comparison(quantity: "R∞", unit: "Ω", paper: "0.11288", interphase: drt.seriesResistance, decimals: 5,
                                         note: "pyDRTtools 0.2, same settings, QP converged to 1e-12")]
        for (k, tau) in pyPeaks.enumerated() {
            let ours = drt.peaks.min { abs(log($0.tau / tau)) < abs(log($1.tau / tau)) }?.tau
            drtComparisons.append(Comparison(quantity: "peak \(k + 1) τ", unit: "s", paper: String(format: "%.4g", tau), interphase: ours,
                                             decimals: 5, note: "pyDRTtools 0.2 (find_peaks as its peak analysis)"))
        }
        blocks.append(.comparisons(drtComparisons, caption: "DRT: column 'paper' here = pyDRTtools 0.2 on the same file and settings."))
        summary.append(("drt_lib", DRTSummary(file: "impedance/drt/LIB_data.txt", results: [(lib.spectra[0], drt)]).json))

        // 2. The four PEIS sweeps of an aged coin cell.
        let peis = try ImpedanceLoader.load(data.appendingPathComponent(Self.peisFile))
        let peisOptions = SpectrumFitOptions(circuit: try Circuit(Self.peisCircuit),
                                             fit: CircuitFitOptions(multiStart: CircuitMultiStart(starts: 8)))
        let peisOutcomes = try SpectrumFitting.run(peis.spectra, options: peisOptions)
        let peisSummary = SpectrumFitSummary(sources: [(Self.peisFile, peis.format, peis.warnings)], outcomes: peisOutcomes, options: peisOptions)
        blocks.append(.heading("EC-Lab PEIS, four sweeps of an NMC811‖graphite coin cell (10 kHz–10 mHz)"))
        blocks.append(.table(Self.resistanceTable(peisOutcomes),
                             caption: "\(Self.peisCircuit) fitted to each sweep (8 starts each); Re = series resistor, Ri = resistors in the parallel blocks; the arc columns are the model-free reading (circle through the first arc). 'at bound' marks a parameter the data do not determine."))
        if let last = peisOutcomes.last {
            blocks.append(.figure(name: "nyquist_peis", figure: ImpedanceFigures.nyquistBode(last),
                                  caption: "Sweep \(last.spectrum.loop) of PEIS.mpr with the \(Self.peisCircuit) fit."))
        }
        summary.append(("peis", peisSummary.json))

        // 3. The Li‖Li in-situ series.
        let lithium = try ImpedanceLoader.load(data.appendingPathComponent(Self.lithiumFile))
        let lithiumOptions = SpectrumFitOptions(circuit: try Circuit(Self.lithiumCircuit))
        let lithiumOutcomes = try SpectrumFitting.run(lithium.spectra, options: lithiumOptions)
        let lithiumSummary = SpectrumFitSummary(sources: [(Self.lithiumFile, lithium.format, lithium.warnings)], outcomes: lithiumOutcomes,
                                                options: lithiumOptions)
        let undetermined = lithiumOutcomes.filter { $0.fit?.parametersAtBounds.contains("R0") == true }.count
        blocks.append(.heading("Li‖Li in-situ GEIS: \(lithium.spectra.count) sweeps over \(Self.hours(lithium.spectra)) h"))
        blocks.append(.paragraph("""
            The Li‖Li cell of the cycling section (1 M LiTFSI in TEGDME) was measured by GEIS after every 1-h plating block, \
            500 Hz–0.8 Hz, 9 points per sweep. \(Self.lithiumCircuit) is fitted to every sweep on both cores, each fit seeded by the \
            previous one. The sweeps start below the arc's apex frequency, so the high-frequency intercept is not measured: R0 \
            ends on its bound (0 Ω) in \(undetermined) of \(lithiumOutcomes.count) sweeps, and Ri is then the whole low-frequency \
            resistance; the arc reading needs an apex and is absent.
            """))
        blocks.append(.figure(name: "li_li_resistances", figure: ImpedanceFigures.resistanceSeries(lithiumOutcomes),
                              caption: "Re (a) and Ri (b) of the Li‖Li cell against time from the \(Self.lithiumCircuit) fit of each GEIS sweep."))
        summary.append(("li_li_geis", lithiumSummary.json))

        // 4. Every bundled impedance file.
        var coverage = TextTable(header: ["file", "format", "sweeps", "points", "frequency range (Hz)", "warnings"])
        var files: [JSONValue] = []
        for relative in Self.coverageFiles(data) {
            do {
                let file = try ImpedanceLoader.load(data.appendingPathComponent(relative))
                let f = file.spectra.flatMap(\.frequency)
                coverage.append([relative, file.format.id, String(file.spectra.count), String(file.pointCount),
                                 String(format: "%.3g–%.3g", f.max() ?? .nan, f.min() ?? .nan), file.warnings.joined(separator: "; ")])
                files.append(.object([("file", .string(relative)), ("format", .string(file.format.id)), ("sweeps", .integer(file.spectra.count)),
                                      ("points", .integer(file.pointCount))]))
            } catch {
                let message = (error as? InterphaseError)?.message ?? "\(error)"
                coverage.append([relative, "not read", "", "", "", message])
                files.append(.object([("file", .string(relative)), ("error", .string(message))]))
            }
        }
        blocks.append(.heading("Every bundled impedance file"))
        blocks.append(.table(coverage, caption: "Format detected by content; every point checked against impedance.py 1.7.1's readers, galvani 0.5.0 or numpy in the tests (References/impedance_readers_reference.py). The BioLogic file whose header lost its freq/Hz name is refused with the line named, as impedance.py refuses it."))
        summary.append(("files", .array(files)))

        // 5. The study's impedance values.
        blocks.append(.heading("The study's impedance results"))
        blocks.append(.comparisons(Self.studyNumbers, caption: "Values measured by Wang et al. (ACS Nano 2025) on Li‖Li cells, 100 kHz–100 mHz, before and after 100 cycles. The spectra are not public, so no Interphase value is given; `interphase eis fit FILE --circuit 'R0-p(R1,CPE1)'` gives re_ohm and ri_ohm (and the arc reading) from such a file."))
        return SectionResult(blocks: blocks, summary: .object(summary))
    }

    static let studyNumbers: [Comparison] = [
        Comparison(quantity: "Ri, bare Li, before → after 100 cycles", unit: "Ω", paper: "135.0 → 69.7", interphase: nil, note: "summary.ri_ohm"),
        Comparison(quantity: "Ri, oCB/Li, before → after 100 cycles", unit: "Ω", paper: "81.3 → 33.5", interphase: nil, note: "summary.ri_ohm"),
        Comparison(quantity: "Re, bare Li, before → after 100 cycles", unit: "Ω", paper: "5.9 → 13.8", interphase: nil, note: "summary.re_ohm"),
        Comparison(quantity: "Re, oCB/Li, before → after 100 cycles", unit: "Ω", paper: "1.7 → 4.9", interphase: nil, note: "summary.re_ohm"),
    ]

    /// Re and Ri per sweep, circuit and arc, with the fit's status.
    static func resistanceTable(_ outcomes: [SpectrumFitOutcome]) -> TextTable {
        var table = TextTable(header: ["sweep", "time (h)", "Re (Ω)", "Ri (Ω)", "Re arc (Ω)", "Ri arc (Ω)", "χ²", "note"])
        for o in outcomes {
            let bound = o.fit?.parametersAtBounds ?? []
            table.append([
                String(o.spectrum.loop), o.spectrum.time?.first.map { formatNumber($0 / Units.secondsPerHour, decimals: 1) } ?? "",
                o.resistances?.electrolyte.map { formatNumber($0, decimals: 2) } ?? "", o.resistances?.interfacial.map { formatNumber($0, decimals: 2) } ?? "",
                o.arc.map { formatNumber($0.electrolyteResistance, decimals: 2) } ?? "", o.arc.map { formatNumber($0.interfacialResistance, decimals: 2) } ?? "",
                o.fit.map { String(format: "%.3g", $0.chiSquare) } ?? "",
                o.fit == nil ? "failed" : bound.isEmpty ? "" : "at bound: " + bound.joined(separator: ", "),
            ])
        }
        return table
    }

    static func hours(_ spectra: [ImpedanceSpectrum]) -> String {
        guard let first = spectra.first?.time?.first, let last = spectra.last?.time?.last else { return "?" }
        return formatNumber((last - first) / Units.secondsPerHour, decimals: 0)
    }

    /// The bundled impedance files: `Data/impedance/` and the EC-Lab/Maccor spectra kept with the cycler files.
    static func coverageFiles(_ data: URL) -> [String] {
        let directory = data.appendingPathComponent("impedance")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let own = names.filter { $0 != "SOURCES.md" && !$0.hasPrefix(".") }.sorted().map { "impedance/" + $0 }
            .filter { var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: data.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue }
        return own + [peisFile, lithiumFile, "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA-prerun_C05.mpr",
                      "cycler/biologic_mpt/multiple_techniques_dataset_01_01_PEIS_C01.mpt", "cycler/maccor/maccor_test_file_4267-66-6519.EDA0001.041"]
    }
}
