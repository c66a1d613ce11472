import Foundation
import InterphaseCore
import InterphaseData
import InterphasePlot

import InterphaseReport

/// Shared pieces of the voltammetry outputs; their files are written by `AnalysisFiles.write`.
public enum VoltammetryFiles {
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
