/// The kind of cell a cycling file comes from; decides which analysis runs. The cell types are rows of
/// `CellType.all` (name, description, analysis): adding one is adding a row here, its analysis type, and
/// that type's presentation in CyclingOutput.
public struct CellType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The name on the command line (`--cell`) and in outputs.
    public let rawValue: String
    /// What the cell is and what is measured, for help texts.
    public let summary: String
    /// Runs this cell type's analysis.
    public let analyze: @Sendable (CellAnalysisInput) throws -> any CellAnalysis

    private init(_ rawValue: String, _ summary: String, analyze: @escaping @Sendable (CellAnalysisInput) throws -> any CellAnalysis) {
        self.rawValue = rawValue
        self.summary = summary
        self.analyze = analyze
    }

    /// The registered cell type named `rawValue`, or nil.
    public init?(rawValue: String) {
        guard let known = CellType.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public var description: String { rawValue }

    public static func == (lhs: CellType, rhs: CellType) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Li‖Li symmetric cell: plating/stripping overpotentials, failure detection.
    public static let symmetric = CellType("symmetric", "Li||Li symmetric cell: plating/stripping overpotentials, failure") { input in
        SymmetricCellAnalysis(recording: input.recording, halfCycles: input.halfCycles, options: input.options, area: input.area)
    }

    /// Li‖Cu (or Li‖stainless steel) half cell: Coulombic efficiency of Li plating/stripping.
    public static let lithiumCopper = CellType("li-cu", "Li||Cu half cell: Coulombic efficiency of plating/stripping") { input in
        LithiumCopperAnalysis(recording: input.recording, halfCycles: input.halfCycles, options: input.options, area: input.area)
    }

    /// Li-metal anode against an insertion cathode (Li‖LFP, Li‖NCM811), or any insertion-electrode cell:
    /// capacities, efficiencies, retention, rate groups and dQ/dV.
    public static let full = CellType("full", "full cell (Li||LFP, Li||NCM, any insertion electrode): capacity, CE, retention, dQ/dV") { input in
        try FullCellAnalysis(input)
    }

    /// Every cell type, in the order `--cell` lists them.
    public static let all: [CellType] = [.symmetric, .lithiumCopper, .full]
}

/// The cell type chosen for a recording and the rule that chose it.
public struct CellTypeDecision: Sendable, Equatable {
    public var cellType: CellType
    /// The rule, in words, with the numbers that decided it.
    public var rule: String
}
