import Foundation
import InterphaseCore
import InterphaseReport

/// The output directory of `interphase xps --out DIR`: `components.csv`, `xps_fit.svg/.png`, then
/// `summary.json` last (atomic writes, `AnalysisFiles`), so a failed fit leaves no summary.
public enum PeakFitFiles {
    @discardableResult
    public static func write(_ summary: PeakFitSummary, to directory: URL) throws -> Data {
        try AnalysisFiles.write(summary: summary.json, table: summary.table, tableName: "components.csv",
                                figures: [("xps_fit", XPSFigures.fit(summary.result))], to: directory)
    }
}
