import InterphaseData

/// How to read an impedance file.
public struct ImpedanceReadOptions: Sendable {
    /// Force this format instead of detecting it by content.
    public var format: FileFormat?
    /// Electrode area given to every spectrum (no bundled format stores one reliably: Gamry's `AREA` is
    /// the 1 cm² default unless the user typed another). - Units: m².
    public var electrodeArea: Double?

    public init(format: FileFormat? = nil, electrodeArea: Double? = nil) {
        self.format = format
        self.electrodeArea = electrodeArea
    }
}
