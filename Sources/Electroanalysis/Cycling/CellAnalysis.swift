import InterphaseData

/// The analysis of one kind of cell (Li‖Li, Li‖Cu, full cell): an immutable result computed from the
/// recording's half cycles. Each conforming type is a row of `CellType.all`; its presentation (table
/// rows, summary, figures) lives in CyclingOutput, as an extension conforming to `CyclingPresentation`.
public protocol CellAnalysis: Sendable {
    /// Things the analysis could not do or had to assume, in words.
    var warnings: [String] { get }
}

/// What every cell analysis starts from.
public struct CellAnalysisInput: Sendable {
    public let recording: Recording
    public let halfCycles: [HalfCycle]
    public let options: CyclingOptions
    /// Electrode area, from the options or the file. - Units: m².
    public let area: Double?
    /// Active mass, from the options or the file. - Units: kg.
    public let mass: Double?

    public init(recording: Recording, halfCycles: [HalfCycle], options: CyclingOptions, area: Double?, mass: Double?) {
        self.recording = recording
        self.halfCycles = halfCycles
        self.options = options
        self.area = area
        self.mass = mass
    }
}
