import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// Files written by `interphase cycling --out DIR`: summary.json, cycles.csv, dqdv.csv (full cells) and
/// the figures of `CyclingFigures`.
public enum CyclingFiles {
    /// One file to produce.
    private enum Job: Sendable {
        case figure(name: String, figure: Figure, format: FigureFormat)
        case cycles, dqdv, summary
    }

    /// Writes the files into `directory` (created): every figure file, the tables and the summary are
    /// independent jobs spread over the cores (the summary and the dense figures first, so the cores
    /// finish together); each file is written atomically, and summary.json last, so its presence marks
    /// a complete output directory.
    /// - Parameter given: the cycle table when the caller has it already (it prints it too).
    /// - Returns: the bytes of summary.json, for a caller that prints the summary as well.
    @discardableResult
    public static func write(_ analysis: CyclingAnalysis, cycles given: ResultTable? = nil, to directory: URL) throws -> Data {
        try OutputDirectory.create(directory)
        // The three inputs of the jobs are independent: made concurrently too.
        let (cycles, dqdv, drawn) = try Parallel.triple({ given ?? analysis.cycleResults }, { analysis.dqdvTable },
                                                       { CyclingFigures.figures(for: analysis) })
        let figures: [Job] = drawn.flatMap { name, figure in
            [FigureFormat.svg, .png].map { Job.figure(name: name, figure: figure, format: $0) }
        }
        let jobs: [Job] = [.summary] + figures + [.cycles] + (dqdv == nil ? [] : [.dqdv])
        let summaryURL = directory.appendingPathComponent("summary.json")
        let results = Parallel.map(jobs.count) { k -> Result<(url: URL, data: Data)?, any Error> in
            Result {
                switch jobs[k] {
                case let .figure(name, figure, format):
                    try figure.write(to: directory, name: name, formats: [format])
                    return nil
                case .cycles:
                    try AtomicFile.write(Data(cycles.renderedCSV()), to: directory.appendingPathComponent("cycles.csv"))
                    return nil
                case .dqdv:
                    try AtomicFile.write(dqdv?.renderedCSV() ?? "", to: directory.appendingPathComponent("dqdv.csv"))
                    return nil
                case .summary:
                    // Written beside the others, renamed into place only once every file is complete.
                    let data = Data(analysis.summaryJSON(cycles: cycles).renderedBytes(newline: true))
                    return (try AtomicFile.stage(data, for: summaryURL), data)
                }
            }
        }
        var staged: (url: URL, data: Data)?
        var failure: (any Error)?
        for result in results {
            switch result {
            case let .success(summary): if let summary { staged = summary }
            case let .failure(error): failure = failure ?? error
            }
        }
        if let failure {
            if let staged { try? FileManager.default.removeItem(at: staged.url) }
            throw failure
        }
        guard let staged else { return Data() }
        try AtomicFile.commit(staged.url, to: summaryURL)
        return staged.data
    }
}
