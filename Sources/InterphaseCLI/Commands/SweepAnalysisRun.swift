import Foundation
import Interphase

/// What `eis kk` and `eis drt` share: read an impedance file, analyse every sweep (after the
/// preparation), print the summary in the chosen format, and with `--out` write the table, one figure
/// per sweep (at most `SpectrumFitFiles.figureLimit`) and summary.json.
enum SweepAnalysisRun {
    static func results<R>(_ file: String, dropInductive: Bool, _ analyse: (ImpedanceSpectrum) throws -> R) throws
        -> [(spectrum: ImpedanceSpectrum, result: R)] {
        let read = try ImpedanceLoader.load(URL(fileURLWithPath: file))
        let preparation = SpectrumPreparation(dropInductive: dropInductive)
        return try read.spectra.map { spectrum in
            let used = try preparation.apply(spectrum)
            return (used, try analyse(used))
        }
    }

    /// - Parameter name: the figure's file name (`drt`), `name_<sweep>` when there are several.
    static func present<R>(_ results: [(spectrum: ImpedanceSpectrum, result: R)], json: JSONValue, table: ResultTable, text: String,
                           name: String, tableName: String, figure: (R) -> Figure, output: OutputOptions) throws {
        switch output.format {
        case .json: output.emit(json.rendered() + "\n")
        case .csv: output.emit(String(decoding: table.renderedCSV(), as: UTF8.self))
        case .table: output.emit(text)
        }
        guard let directory = output.outURL else { return }
        let figures = results.prefix(SpectrumFitFiles.figureLimit).map { item in
            (results.count == 1 ? name : "\(name)_\(item.spectrum.loop)", figure(item.result))
        }
        try AnalysisFiles.write(summary: json, table: table, tableName: tableName, figures: Array(figures), to: directory)
        output.info("wrote \(directory.path)")
    }
}
