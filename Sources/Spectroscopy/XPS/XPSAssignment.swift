/// One row of an assignment table: a chemical state of a core level at a binding energy, with the
/// literature it comes from.
public struct XPSAssignment: Sendable, Equatable {
    /// Core level as regions are named ("C 1s", "B 1s", "Li 1s", "F 1s", "O 1s").
    public let region: String
    /// Chemical state or bond ("C–C", "Li2CO3", "LiF").
    public let label: String
    /// Binding energy on the charge-referenced scale. - Units: eV.
    public let bindingEnergy: Double
    /// Where the value comes from.
    public let source: String

    public init(_ region: String, _ label: String, _ bindingEnergy: Double, _ source: String) {
        self.region = region
        self.label = label
        self.bindingEnergy = bindingEnergy
        self.source = source
    }
}
