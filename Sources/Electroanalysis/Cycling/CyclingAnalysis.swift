import InterphaseData
import Foundation
import InterphaseCore

/// The cycling-analysis driver: decides the cell type (or takes the user's), runs that analysis, and
/// returns an immutable result that renders as `summary.json`, `cycles.csv` and figures.
public struct CyclingAnalysis: Sendable {
    public let recording: Recording
    public let options: CyclingOptions
    public let decision: CellTypeDecision
    public let halfCycles: [HalfCycle]
    /// - Units: m².
    public let area: Double?
    /// - Units: kg.
    public let mass: Double?
    /// The cell type's analysis (`SymmetricCellAnalysis`, `LithiumCopperAnalysis`, `FullCellAnalysis`, …).
    public let detail: any CellAnalysis
    public let warnings: [String]

    public var cellType: CellType { decision.cellType }

    /// Runs the analysis.
    /// - Throws: `invalidParameter` for options out of their domain; `invalidData` when the recording has
    ///   no current-carrying half cycle.
    public init(recording: Recording, options: CyclingOptions = CyclingOptions()) throws {
        try options.validate()
        self.recording = recording
        self.options = options
        let halves = HalfCycleSegmentation.halfCycles(of: recording)
        guard !halves.isEmpty else {
            throw InterphaseError(.invalidData, "no current flows in this recording (rest, OCV or impedance only): nothing to cycle",
                                  file: recording.metadata.sourceFile, expected: "a galvanostatic cycling file")
        }
        self.halfCycles = halves
        if let forced = options.cellType {
            decision = CellTypeDecision(cellType: forced, rule: "given with --cell \(forced.rawValue)")
        } else {
            decision = CellTypeDetection.decide(recording, halves: halves)
        }
        area = options.electrodeArea ?? recording.metadata.electrodeArea
        mass = options.activeMass ?? recording.metadata.activeMass
        let input = CellAnalysisInput(recording: recording, halfCycles: halves, options: options, area: area, mass: mass)
        detail = try decision.cellType.analyze(input)
        warnings = recording.metadata.warnings + detail.warnings
    }
}
