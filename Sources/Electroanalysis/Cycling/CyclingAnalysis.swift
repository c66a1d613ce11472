import InterphaseData
import Foundation
import InterphaseCore

/// The cycling-analysis driver: decides the cell type (or takes the user's), runs that analysis, and
/// returns an immutable result that renders as `summary.json`, `cycles.csv` and figures.
public struct CyclingAnalysis: Sendable {
    public enum Detail: Sendable {
        case symmetric(SymmetricCellAnalysis)
        case lithiumCopper(LithiumCopperAnalysis)
        case full(FullCellAnalysis, dqdv: [DifferentialCapacity])
    }

    public let recording: Recording
    public let options: CyclingOptions
    public let decision: CellTypeDecision
    public let halfCycles: [HalfCycle]
    /// - Units: m².
    public let area: Double?
    /// - Units: kg.
    public let mass: Double?
    public let detail: Detail
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
        var warnings = recording.metadata.warnings
        switch decision.cellType {
        case .symmetric:
            let analysis = SymmetricCellAnalysis(recording: recording, halfCycles: halves, options: options, area: area)
            warnings += analysis.warnings
            detail = .symmetric(analysis)
        case .lithiumCopper:
            let analysis = LithiumCopperAnalysis(halfCycles: halves, options: options)
            warnings += analysis.warnings
            if area == nil { warnings.append("no electrode area (--area-cm2): areal capacities are null") }
            detail = .lithiumCopper(analysis)
        case .full:
            let analysis = FullCellAnalysis(recording: recording, halfCycles: halves, options: options, mass: mass)
            warnings += analysis.warnings
            var curves: [DifferentialCapacity] = []
            let wanted = options.dqdvCycles ?? Array(Set([analysis.referenceCycle, analysis.cycles.last?.index].compactMap { $0 })).sorted()
            for cycleNumber in wanted {
                guard cycleNumber >= 1, cycleNumber <= analysis.cycles.count else {
                    warnings.append("dQ/dV: there is no cycle \(cycleNumber)")
                    continue
                }
                for direction in [1, -1] {
                    let members = analysis.cycles[cycleNumber - 1].halves.filter { halves[$0].direction == direction }
                    guard let main = members.max(by: { halves[$0].capacity < halves[$1].capacity }) else { continue }
                    if let curve = try DifferentialCapacity.compute(halves[main], cycle: cycleNumber, recording: recording,
                                                                    step: options.dqdvStep, window: options.dqdvWindow,
                                                                    order: options.dqdvOrder) {
                        curves.append(curve)
                    } else {
                        warnings.append("dQ/dV: cycle \(cycleNumber) \(direction > 0 ? "charge" : "discharge") spans too few millivolts for the \(options.dqdvWindow)-point filter")
                    }
                }
            }
            detail = .full(analysis, dqdv: curves)
        }
        self.warnings = warnings
    }
}
