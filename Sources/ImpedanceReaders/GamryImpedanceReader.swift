import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Gamry Framework EIS files (`.DTA`, TAG `EISPOT`/`EISGALV`): the `ZCURVE` table (`Freq` Hz, `Zreal`,
/// `Zimag` Ω with Z″ as written, negative when capacitive; `Time` s, `Vdc` V, `Idc` A), split by
/// `GamryExplainFile`. An aborted experiment keeps the points it measured, with a warning, as
/// impedance.py's `readGamry` does. The header gives instrument, date, technique, AC amplitude and area.
enum GamryImpedanceReader {
    static func sniff(_ probe: FileProbe) -> Bool {
        guard GamryExplainFile.looksLikeExplain(probe.prefixText) else { return false }
        let text = probe.prefixText
        return text.contains("\nZCURVE\t") || text.contains("\nTAG\tEIS")
    }

    static func read(_ url: URL, format: FileFormat, options: ImpedanceReadOptions) throws -> ImpedanceFile {
        let file = try GamryExplainFile.read(url)
        guard let curve = file.tables(named: "ZCURVE").first else {
            throw InterphaseError(.missingColumn, "the Gamry file has no ZCURVE table (technique \(file.tag ?? "unknown"))",
                                  file: url.path, expected: "an EIS experiment (EISPOT, EISGALV) with a ZCURVE table")
        }
        var metadata = ImpedanceFile.Metadata()
        metadata.technique = file.tag
        metadata.instrument = file.field("PSTAT")?.values.first
        metadata.started = [file.field("DATE"), file.field("TIME")].compactMap { $0?.values.first }.joined(separator: " ")
        if let area = file.field("AREA")?.number, area > 0 { metadata.electrodeArea = area * Units.squareMetresPerSquareCentimetre }
        if let vac = file.field("VAC")?.number { metadata.amplitude = "\(vac) mV rms" }
        if let iac = file.field("IACREQ")?.number { metadata.amplitude = "\(iac) A rms" }
        let names = curve.columns.map { column in column.unit.isEmpty ? column.name : "\(column.name) (\(column.unit))" }
        var table = ImpedanceTable(
            names: names, columns: curve.columns.map(\.values),
            lines: (0..<curve.rowCount).map { curve.firstDataLine + $0 })
        if file.aborted {
            table.warnings.append("the experiment was aborted (EXPERIMENTABORTED): \(curve.rowCount) points were measured")
        }
        return try table.file(format: format, path: url.path, options: options, metadata: metadata)
    }
}
