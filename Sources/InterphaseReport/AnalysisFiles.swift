import Foundation
import InterphaseCore
import InterphasePlot

/// The output directory of one analysis (`--out DIR` of `tafel`, `cv`, `lsv`, `eis kk`, `eis drt`): one CSV
/// table, the figures (SVG + PNG, drawn on all cores) and `summary.json`, each written atomically;
/// summary.json last, so its presence marks a complete directory (the commands call this only with a
/// result, so a failed analysis leaves nothing that looks complete).
public enum AnalysisFiles {
    /// - Returns: the bytes of summary.json.
    @discardableResult
    public static func write(summary: JSONValue, table: ResultTable, tableName: String, figures: [(String, Figure)],
                             to directory: URL) throws -> Data {
        try OutputDirectory.create(directory)
        let jobs = figures.flatMap { name, figure in [FigureFormat.svg, .png].map { (name, figure, $0) } }
        _ = try Parallel.map(jobs.count + 1) { (k: Int) throws -> Bool in
            if k == jobs.count {
                try AtomicFile.write(Data(table.renderedCSV()), to: directory.appendingPathComponent(tableName))
            } else {
                let (name, figure, format) = jobs[k]
                _ = try figure.write(to: directory, name: name, formats: [format])
            }
            return true
        }
        let data = Data(summary.renderedBytes(newline: true))
        try AtomicFile.write(data, to: directory.appendingPathComponent("summary.json"))
        return data
    }
}
