import Foundation
import Impedance
import InterphaseCore
import InterphasePlot

/// Files written by `interphase eis fit|batch --out DIR`: `fits.csv`, one Nyquist/Bode figure per
/// spectrum (`nyquist.svg/png` for one spectrum, `nyquist_<loop>` for several, at most `figureLimit`),
/// `resistances.svg/png` for a series, and `summary.json` last, so its presence marks a complete
/// directory. Figures are drawn on both cores.
public enum SpectrumFitFiles {
    /// Spectra drawn one figure each at most (a 1,000-spectrum batch gets the series figure and the first ones).
    public static let figureLimit = 50

    /// Writes the files into `directory` (created).
    /// - Returns: the bytes of summary.json.
    @discardableResult
    public static func write(_ summary: SpectrumFitSummary, to directory: URL, excludedReason: String? = nil) throws -> Data {
        try OutputDirectory.create(directory)
        var figures: [(String, Figure)] = []
        let outcomes = summary.outcomes
        if outcomes.count == 1 {
            figures.append(("nyquist", ImpedanceFigures.nyquistBode(outcomes[0], excludedReason: excludedReason)))
        } else {
            for o in outcomes.prefix(figureLimit) {
                figures.append(("nyquist_\(o.spectrum.loop)", ImpedanceFigures.nyquistBode(o, excludedReason: excludedReason)))
            }
            figures.append(("resistances", ImpedanceFigures.resistanceSeries(outcomes)))
        }
        try Figure.write(figures, to: directory)
        try AtomicFile.write(Data(summary.table.renderedCSV()), to: directory.appendingPathComponent("fits.csv"))
        let data = Data(summary.json.renderedBytes(newline: true))
        try AtomicFile.write(data, to: directory.appendingPathComponent("summary.json"))
        return data
    }
}
