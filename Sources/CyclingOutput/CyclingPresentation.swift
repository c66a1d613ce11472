import Electroanalysis
import InterphaseCore
import InterphasePlot

/// How one cell type's analysis appears in `summary.json`, `cycles.csv` and the figures. Each
/// `CellAnalysis` of Electroanalysis conforms here, in a file of its own (`SymmetricCellAnalysis+Output`),
/// so the analysis computes and this module presents.
public protocol CyclingPresentation {
    /// The `summary` object of `summary.json`: the cell type's headline numbers, keys with units.
    func summary(in analysis: CyclingAnalysis) -> JSONValue
    /// One row per cycle, as values (`cycles.csv` with decimals, `summary.json` at full precision).
    func cycleResults(in analysis: CyclingAnalysis) -> ResultTable
    /// The figures, by file name.
    func figures(in analysis: CyclingAnalysis) -> [(String, Figure)]
}
