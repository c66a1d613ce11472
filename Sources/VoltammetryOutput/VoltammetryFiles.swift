import Foundation
import InterphaseCore
import InterphaseData
import InterphasePlot

/// Files written by `interphase tafel|cv|lsv --out DIR`: one CSV table, the figures (SVG + PNG) and
/// `summary.json`, each written atomically; summary.json last, so its presence marks a complete
/// output directory (nothing is written when the analysis failed: the commands call this only with a
/// result).
public enum VoltammetryFiles {
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

    /// `source` of every summary: file, format, rows.
    static func source(_ provenance: Provenance, rows: Int) -> JSONValue {
        .object([("file", .string(provenance.file)), ("format", .string(provenance.kindName)), ("rows", .integer(rows))])
    }

    /// A → mA.
    static func milli(_ amps: Double?) -> Double? { amps.map { $0 * Units.kilo } }
    /// A and m² → mA cm⁻² (nil without an area).
    static func density(_ amps: Double?, _ area: Double?) -> Double? {
        guard let amps, let area else { return nil }
        return amps / area * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre
    }
}
