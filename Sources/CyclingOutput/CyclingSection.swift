import CyclerData
import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot
import InterphaseReport

/// Report section: cycling analysis of the bundled cycler files.
///
/// The study's own cycler files are not public, so this section (1) analyses the bundled real files
/// with the study's metrics — a Li‖Li polarisation run and a full cell — and compares the full-cell
/// numbers with an independent computation (the reference figures' captions, NewareNDA + pandas), (2)
/// reads every bundled cycler file to show the readers' coverage, and (3) lists the study's cycling
/// numbers beside the Interphase metric that computes each one from such a file.
public struct CyclingSection: ReportSection {
    public let id = "cycling"
    public let title = "Cycling analysis (Li‖Li, full cell) on bundled cycler files"

    public init() {}

    /// The Li‖Li run: EC-Lab GCPL technique 3 of datalab-org's in-situ NMR cell (0.4 mA per its .mps).
    static let lithiumFile = "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt.gz"
    static let fullCellFile = "neware/TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax"

    /// Per-cycle capacities (mAh) and CE (%) of the full-cell file as the reference figure's caption gives
    /// them (make_figures.py: NewareNDA 2026.6.11 + pandas, sum of each step's final counter).
    static let referenceCycles: [(cycle: Int, charge: Double, discharge: Double, ce: Double)] = [
        (2, 4760.7, 4717.5, 99.09), (3, 4722.8, 4720.5, 99.95), (4, 4725.0, 4722.8, 99.95), (5, 4726.6, 4721.9, 99.90),
        (6, 4725.2, 4723.8, 99.97), (7, 4726.9, 4722.4, 99.90), (8, 4724.8, 4719.0, 99.88),
    ]

    public func build(_ context: ReportContext) throws -> SectionResult {
        let cycler = context.dataDirectory.appendingPathComponent("cycler")
        var blocks: [ReportBlock] = []
        var summary: [(String, JSONValue)] = []

        // 1. Li‖Li.
        let lithium = try RecordingLoader.load(cycler.appendingPathComponent(CyclingSection.lithiumFile),
                                               options: ReadOptions(assumedCurrent: 0.4e-3))
        var lithiumOptions = CyclingOptions()
        lithiumOptions.cellType = .symmetric
        lithiumOptions.windowHours = 1
        let lithiumAnalysis = try CyclingAnalysis(recording: lithium, options: lithiumOptions)
        blocks.append(.heading("Li‖Li polarisation run (1 M LiTFSI in TEGDME, BioLogic VSP)"))
        blocks.append(.paragraph("""
            EC-Lab text export with time and voltage only (76,807 points, 45 h); the current, 0.4 mA in one direction, \
            comes from the run's settings file (.mps). Each 1-h block between impedance measurements is analysed as one \
            half cycle with the plateau rule of the symmetric-cell analysis.
            """))
        blocks.append(.figure(name: "li_li_voltage_time", figure: CyclingSection.lithiumFigure(lithium),
                              caption: "Li‖Li voltage against time: (a) whole record, grey band = range of (b); (b) 6–9 h. Lines through the first/min/max/last point of each pixel-sized time bin, so every spike keeps its height."))
        if let a = lithiumAnalysis.detail as? SymmetricCellAnalysis {
            var table = TextTable(header: ["window", "start (h)", "plateau (mV)", "peak (mV)", "roughness"])
            for (k, h) in a.halves.enumerated() where k % 5 == 0 || k == a.halves.count - 1 {
                table.append([String(k + 1), formatNumber(h.half.startTime / Units.secondsPerHour, decimals: 2), formatNumber(h.plateau * Units.kilo, decimals: 1),
                              formatNumber(h.peak * Units.kilo, decimals: 1), formatNumber(h.roughness, decimals: 3)])
            }
            blocks.append(.table(table, caption: "Plateau overpotential of every fifth 1-h window (time-weighted mean of |V| without the first and last 10 %)."))
            blocks.append(.paragraph(String(
                format: "Stable overpotential %.1f mV (median of windows 3–12). Failure detection: %@%@.",
                (a.stableOverpotential ?? .nan) * Units.kilo, a.failureMode.rawValue,
                a.failureTime.map { String(format: " from %.1f h", $0 / Units.secondsPerHour) } ?? "")))
            summary.append(("li_li", .object([
                ("file", .string(CyclingSection.lithiumFile)), ("rows", .integer(lithium.count)),
                ("windows", .integer(a.halves.count)),
                ("stable_overpotential_mV", .number(a.stableOverpotential.map { $0 * Units.kilo })),
                ("failure_mode", .string(a.failureMode.rawValue)),
                ("failure_time_h", .number(a.failureTime.map { $0 / Units.secondsPerHour })),
            ])))
        }

        // 2. Full cell.
        let full = try RecordingLoader.load(cycler.appendingPathComponent(CyclingSection.fullCellFile))
        var fullOptions = CyclingOptions()
        fullOptions.dqdvCycles = [2]
        let fullAnalysis = try CyclingAnalysis(recording: full, options: fullOptions)
        blocks.append(.heading("Full cell (Neware .ndax, 21700-class cell, 2.5–4.2 V)"))
        if let a = fullAnalysis.detail as? FullCellAnalysis {
            let curves = a.dqdv
            var comparisons: [Comparison] = []
            for reference in CyclingSection.referenceCycles {
                guard let cycle = a.cycles.first(where: { $0.fileCycle == reference.cycle }) else { continue }
                comparisons.append(Comparison(quantity: "cycle \(reference.cycle) discharge capacity", unit: "mAh",
                                              paper: String(format: "%.1f", reference.discharge), interphase: cycle.dischargeCapacity * Units.kilo,
                                              decimals: 1, note: "reference: NewareNDA + pandas"))
                comparisons.append(Comparison(quantity: "cycle \(reference.cycle) Coulombic efficiency", unit: "%",
                                              paper: String(format: "%.2f", reference.ce), interphase: cycle.coulombicEfficiency,
                                              decimals: 2, note: "reference: NewareNDA + pandas"))
            }
            blocks.append(.comparisons(comparisons, caption: "Per-cycle capacity and CE: independent computation (column 'paper' here = NewareNDA + pandas, the reference figures' captions) vs Interphase."))
            for (name, figure) in CyclingFigures.figures(for: fullAnalysis) {
                if name == "dqdv", let discharge = curves.first(where: { $0.direction < 0 }) {
                    blocks.append(.figure(name: "dqdv", figure: CyclingFigures.dqdv([discharge]),
                                          caption: "−dQ/dV of the cycle-2 discharge: 1 mV grid, Savitzky–Golay derivative (41 points, order 3)."))
                    continue
                }
                let caption = name == "capacity_ce_vs_cycle"
                    ? "Charge (■) and discharge (●) capacity per cycle; Coulombic efficiency (○, right axis)."
                    : "Voltage against capacity of every charge and discharge, coloured by cycle number."
                blocks.append(.figure(name: name, figure: figure, caption: caption))
            }
            summary.append(("full_cell", fullAnalysis.summaryJSON))
        }

        // 3. Coverage of every bundled cycler file.
        var coverage = TextTable(header: ["file", "format", "rows", "cycles", "cell type (auto)", "rule"])
        var files: [JSONValue] = []
        let enumerator = FileManager.default.enumerator(at: cycler, includingPropertiesForKeys: nil)
        var urls: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            // Settings texts (.mpl, .mps), provenance notes and Arbin's metadata companions are not data files.
            if ["md", "mpl", "mps"].contains(url.pathExtension) || url.hasDirectoryPath || url.lastPathComponent.hasSuffix("_Metadata.csv") {
                continue
            }
            urls.append(url)
        }
        for url in urls.sorted(by: { $0.path < $1.path }) {
            let name = url.path.replacingOccurrences(of: cycler.path + "/", with: "")
            do {
                let options = name.hasSuffix(".txt.gz") ? ReadOptions(assumedCurrent: 0.4e-3) : ReadOptions()
                let recording = try RecordingLoader.load(url, options: options)
                var cellType = "—", rule = "no current-carrying half cycle"
                if let analysis = try? CyclingAnalysis(recording: recording) {
                    cellType = analysis.cellType.rawValue
                    rule = analysis.decision.rule
                }
                coverage.append([name, recording.metadata.provenance.kindName, String(recording.count),
                                 String(Set(recording.cycleIndex).count), cellType, rule])
                files.append(.object([("file", .string(name)), ("format", .string(recording.metadata.provenance.kindName)),
                                      ("rows", .integer(recording.count)), ("cell_type", .string(cellType))]))
            } catch {
                coverage.append([name, "not read", "", "", "", "\(error)".replacingOccurrences(of: cycler.path + "/", with: "")])
                files.append(.object([("file", .string(name)), ("error", .string("\(error)"))]))
            }
        }
        blocks.append(.heading("Every bundled cycler file"))
        blocks.append(.table(coverage, caption: "Format detected by content, rows, cycles and the cell type chosen by --cell auto. The Maccor EIS export is an impedance file, read by the impedance engine, not as cycling data."))
        summary.append(("files", .array(files)))

        // 4. The study's cycling numbers and the metric that computes each.
        blocks.append(.heading("The study's cycling results"))
        blocks.append(.comparisons(CyclingSection.studyNumbers,
                                   caption: "Values reported by Wang et al. (ACS Nano 2025, 19, 38760). The cycler files behind them are not public, so no Interphase value is given; the note names the summary.json field that computes each from such a file."))
        return SectionResult(blocks: blocks, summary: .object(summary))
    }

    static let studyNumbers: [Comparison] = [
        Comparison(quantity: "Li‖Li 1 mA cm⁻², oCB overpotential", unit: "mV", paper: "~50", interphase: nil,
                   note: "cycling --cell symmetric: summary.stable_overpotential_mV"),
        Comparison(quantity: "Li‖Li 1 mA cm⁻², bare: hysteresis rise", unit: "h", paper: "~200", interphase: nil,
                   note: "summary.hysteresis_rise_time_h"),
        Comparison(quantity: "Li‖Li 3 mA cm⁻², bare: divergence (~900 mV)", unit: "h", paper: "~80", interphase: nil,
                   note: "summary.failure_mode = divergence, failure_time_h"),
        Comparison(quantity: "Li‖Li rate test, bare 0.5 → 5.0 mA cm⁻²", unit: "mV", paper: "43 → 294", interphase: nil,
                   note: "summary.rate_table"),
        Comparison(quantity: "Li‖Li rate test, oCB 0.5 → 5.0 mA cm⁻²", unit: "mV", paper: "23 → 110", interphase: nil,
                   note: "summary.rate_table"),
        Comparison(quantity: "Li‖Cu average CE (10 cycles), bare", unit: "%", paper: "84.7", interphase: nil,
                   note: "cycling --cell li-cu: summary.average_ce_pct / reservoir.ce_eq1_pct"),
        Comparison(quantity: "Li‖LFP 1C, oCB retention after 1000 cycles", unit: "%", paper: "76.3", interphase: nil,
                   note: "cycling --cell full: summary.capacity_retention_pct"),
        Comparison(quantity: "Li‖NCM811 1C, oCB retention after 500 cycles", unit: "%", paper: "75.6", interphase: nil,
                   note: "summary.capacity_retention_pct"),
        Comparison(quantity: "Li‖LFP rate 1/3/5/7/10C, oCB", unit: "mAh g⁻¹", paper: "156.1 / 146.3 / 135.5 / 126.6 / 116.5",
                   interphase: nil, note: "summary.rate_table (--one-c-mA-g 170)"),
    ]

    /// The two-panel Li‖Li figure: whole record with the zoom range shaded, and the zoom.
    static func lithiumFigure(_ r: Recording) -> Figure {
        let hours = r.time.map { $0 / Units.secondsPerHour }
        let millivolts = r.voltage.map { $0 * Units.kilo }
        var whole = Axes(x: Axis("Time (h)"), y: Axis("Voltage (mV)"))
        whole.add(.xSpan(from: 6, to: 9, color: .highlight))
        whole.add(.line(hours, millivolts, color: Color.palette[0], width: 0.5))
        whole.panelLetter = "a"
        whole.legend = .none
        var zoom = Axes(x: Axis("Time (h)", limits: (6, 9), step: 1), y: Axis("Voltage (mV)"))
        let inRange = hours.indices.filter { hours[$0] >= 6 && hours[$0] <= 9 }
        zoom.add(.line(inRange.map { hours[$0] }, inRange.map { millivolts[$0] }, color: Color.palette[0], width: 0.5))
        zoom.panelLetter = "b"
        zoom.legend = .none
        var figure = Figure(width: 7.0, height: 2.4, rows: 1, columns: 2, panels: [whole, zoom])
        figure.columnWeights = [2.6, 1]
        return figure
    }
}
