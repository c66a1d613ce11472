import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore

/// Files written by `interphase cycling --out DIR`: summary.json, cycles.csv, dqdv.csv (full cells) and
/// the figures of `CyclingFigures`.
public enum CyclingFiles {
    public static func write(_ analysis: CyclingAnalysis, to directory: URL) throws {
        try OutputDirectory.create(directory)
        try AtomicFile.write(analysis.cycleTable.renderedCSV(), to: directory.appendingPathComponent("cycles.csv"))
        if let dqdv = analysis.dqdvTable {
            try AtomicFile.write(dqdv.renderedCSV(), to: directory.appendingPathComponent("dqdv.csv"))
        }
        _ = try CyclingFigures.write(analysis, to: directory)
        // summary.json last: its presence marks a complete output directory.
        try AtomicFile.write(analysis.summaryJSON.rendered() + "\n", to: directory.appendingPathComponent("summary.json"))
    }
}
