import InterphaseCore

/// The unit prefix an impedance axis is drawn in (mΩ, Ω, kΩ, MΩ), chosen so the largest value is
/// between 1 and 1000 in it: the style rule scales by a unit prefix, never by a "×10ⁿ" multiplier.
struct ResistanceScale {
    /// Multiply ohms by this to get the axis value.
    let factor: Double
    /// "mΩ", "Ω", "kΩ", "MΩ".
    let unit: String

    static let rows: [(limit: Double, factor: Double, unit: String)] = [
        (1, Units.kilo, "m\u{03A9}"), (1e3, 1, "\u{03A9}"), (1e6, Units.milli, "k\u{03A9}"), (.infinity, Units.micro, "M\u{03A9}"),
    ]

    init(largest: Double) {
        let row = Self.rows.first { largest.magnitude < $0.limit } ?? Self.rows[1]
        factor = row.factor
        unit = row.unit
    }
}
