import Foundation
import InterphaseCore
import InterphasePlot

/// One section of the `interphase reproduce` report. Each engine contributes one section type; the
/// report runs them in registry order, and a section that throws is reported as failed without hiding
/// the others.
public protocol ReportSection {
    /// Stable identifier: the key in `summary.json` and the HTML anchor ("cycling", "impedance", …).
    var id: String { get }
    var title: String { get }
    /// Does the section's work. Figures are written by the report, not the section.
    func build(_ context: ReportContext) throws -> SectionResult
}

/// What a section may use: where bundled inputs live, and the progress/quiet settings.
public struct ReportContext: Sendable {
    /// The repository's `Data/` directory (bundled inputs).
    public var dataDirectory: URL
    public var quiet: Bool

    public init(dataDirectory: URL, quiet: Bool) {
        self.dataDirectory = dataDirectory
        self.quiet = quiet
    }
}

/// A number the study reports next to the one Interphase computes (or the reason it cannot).
public struct Comparison: Sendable {
    public var quantity: String
    public var unit: String
    /// The study's value as printed (text, to keep its precision and wording).
    public var paper: String
    /// Our value, or nil when it cannot be computed here.
    public var interphase: Double?
    public var decimals: Int
    /// Where the "paper" value comes from, or why there is no Interphase value.
    public var note: String

    public init(quantity: String, unit: String, paper: String, interphase: Double?, decimals: Int = 1, note: String = "") {
        self.quantity = quantity
        self.unit = unit
        self.paper = paper
        self.interphase = interphase
        self.decimals = decimals
        self.note = note
    }
}

/// A block of a section: text, a table, a figure, or a paper-vs-Interphase comparison.
public enum ReportBlock: Sendable {
    case paragraph(String)
    case heading(String)
    case table(TextTable, caption: String)
    case figure(name: String, figure: Figure, caption: String)
    case comparisons([Comparison], caption: String)
}

/// A section's output: blocks for the HTML and a JSON summary for `summary.json`.
public struct SectionResult: Sendable {
    public var blocks: [ReportBlock]
    public var summary: JSONValue

    public init(blocks: [ReportBlock], summary: JSONValue) {
        self.blocks = blocks
        self.summary = summary
    }
}
