/// The kind of cell a cycling file comes from; decides which metrics apply.
public enum CellType: String, Sendable, CaseIterable, Codable {
    /// Li||Li symmetric cell: plating/stripping overpotentials, failure detection.
    case symmetric
    /// Li||Cu (or Li||stainless steel) half cell: Coulombic efficiency of Li plating/stripping.
    case lithiumCopper = "li-cu"
    /// Li-metal anode against an insertion cathode (Li||LFP, Li||NCM811), or any insertion-electrode cell.
    case full
}

/// The cell type chosen for a recording and the rule that chose it.
public struct CellTypeDecision: Sendable, Equatable {
    public var cellType: CellType
    /// The rule, in words, with the numbers that decided it.
    public var rule: String
}
