import CyclerData
import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import InterphasePlot
import InterphaseReport

/// Report section: Tafel analysis and cyclic voltammetry.
///
/// The study's Tafel and CV files are not public and no public Li‖Li Tafel file was found, so the Tafel
/// analysis is shown on two polarisation curves generated from the Butler–Volmer equation with the
/// study's exchange current densities (0.355 and 0.690 mA cm⁻², α = 0.5, 1.131 cm², −0.2…0.2 V at
/// 5 mV s⁻¹, 1 % noise): the numbers recovered are the method's, the inputs the study's. The CV analysis
/// runs on a real EC-Lab CVA file (polycrystalline Pt, ixdat).
public struct VoltammetrySection: ReportSection {
    public let id = "voltammetry"
    public let title = "Voltammetry: Tafel / Butler–Volmer and cyclic voltammetry"

    public init() {}

    static let area = 1.131 * Units.squareMetresPerSquareCentimetre
    static let cvFile = "cycler/biologic_mpt/Pt_poly_cv_CUT.mpt"

    /// A Butler–Volmer sweep −0.2 → 0.2 V (1 mV steps, 5 mV s⁻¹) for i0 (A m⁻²) with 1 % Gaussian noise
    /// from SplitMix64 (Box–Muller), reproducible.
    static func polarisation(i0Density: Double, seed: UInt64) -> Recording {
        let f = Units.faraday / (Units.gasConstant * 298.15)
        var state = seed
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        let eta = (0...400).map { -0.2 + Double($0) * 0.001 }
        let current = eta.map { e -> Double in
            let i = i0Density * area * (exp(0.5 * f * e) - exp(-0.5 * f * e))
            return i * (1 + 0.01 * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()))
        }
        var metadata = RecordingMetadata(provenance: .simulation(model: "Butler–Volmer, i0 \(i0Density / 10) mA cm⁻², α 0.5"))
        metadata.electrodeArea = area
        return Recording(metadata: metadata, time: eta.indices.map { Double($0) * 0.2 }, voltage: eta, current: current)
    }

    public func build(_ context: ReportContext) throws -> SectionResult {
        var blocks: [ReportBlock] = [.heading("Tafel analysis on generated Butler–Volmer curves with the study's i0")]
        blocks.append(.paragraph("""
            Two polarisation curves are generated from the Butler–Volmer equation with the exchange current densities the \
            study reports for bare and o-carborane-treated Li (0.355 and 0.690 mA cm⁻²), α = 0.5, on its 1.131 cm² electrode, \
            −0.2…0.2 V, with 1 % noise. The Tafel window is chosen by the best R² among windows with |η| ≥ 50 mV spanning ≥ 0.5 \
            decade; the Butler–Volmer fit uses the bounded least-squares solver. The recovered values below test the method; \
            the study's values are its measurements.
            """))
        var comparisons: [Comparison] = []
        var summary: [(String, JSONValue)] = []
        for (label, i0, seed) in [("bare Li", 0.355, UInt64(1)), ("oCB/Li", 0.690, UInt64(2))] {
            let recording = Self.polarisation(i0Density: i0 * 10, seed: seed)
            var options = TafelOptions()
            options.electrodeArea = Self.area
            let analysis = try TafelAnalysis(recording: recording, options: options)
            let tafel = analysis.exchangeCurrentDensity.map { $0 / 10 }
            let bv = analysis.butlerVolmer.map { $0.exchangeCurrent / Self.area / 10 }
            comparisons.append(Comparison(quantity: "i0, \(label) (Tafel intercept)", unit: "mA cm⁻²", paper: String(format: "%.3f", i0),
                                          interphase: tafel, decimals: 3, note: "generated from the study's value"))
            comparisons.append(Comparison(quantity: "i0, \(label) (Butler–Volmer fit)", unit: "mA cm⁻²", paper: String(format: "%.3f", i0),
                                          interphase: bv, decimals: 3, note: "generated from the study's value"))
            blocks.append(.figure(name: "tafel_\(label.hasPrefix("bare") ? "bare" : "ocb")", figure: VoltammetryFigures.tafel(analysis),
                                  caption: "Tafel plot of the generated \(label) curve (i0 = \(i0) mA cm⁻² as input): log |i| against η, the chosen windows shaded, the fitted lines."))
            summary.append((label.hasPrefix("bare") ? "tafel_bare" : "tafel_ocb", analysis.summaryJSON(source: recording.metadata.provenance, rows: recording.count)))
        }
        blocks.append(.comparisons(comparisons, caption: "Exchange current density: column 'paper' = the study's measured value (Wang et al. 2025), used as the input of the generated curve; Interphase = what the Tafel and Butler–Volmer analyses recover from it. At ±0.2 V the Tafel region is short, so the Tafel intercept is biased a few % low; the Butler–Volmer fit is not."))

        // Cyclic voltammetry on a real file.
        let cvURL = context.dataDirectory.appendingPathComponent(Self.cvFile)
        let recording = try RecordingLoader.load(cvURL)
        var cvOptions = CyclicVoltammetryOptions()
        cvOptions.baseline = .zero
        let cv = try CyclicVoltammetryAnalysis(recording: recording, options: cvOptions)
        blocks.append(.heading("Cyclic voltammetry: EC-Lab CVA of polycrystalline Pt (bundled)"))
        blocks.append(.figure(name: "cv_pt", figure: VoltammetryFigures.cyclicVoltammogram(cv),
                              caption: "Current against potential, one colour per cycle, Pt_poly_cv_CUT.mpt (ixdat, MIT)."))
        blocks.append(.table(cv.cycleTable.textTable(), caption: "Per cycle: peaks, separation and the anodic and cathodic charges (zero baseline); checked against References/voltammetry_reference.py in the tests."))
        summary.append(("cv", cv.summaryJSON(source: recording.metadata.provenance, rows: recording.count, cycles: cv.cycleTable)))
        blocks.append(.comparisons([
            Comparison(quantity: "LSV oxidation onset, bare → oCB", unit: "V", paper: "~4.97 → >5.16", interphase: nil,
                       note: "interphase lsv FILE: onset_potential_V"),
        ], caption: "The study's LSV result (its measurement; no public file)."))
        return SectionResult(blocks: blocks, summary: .object(summary))
    }
}
