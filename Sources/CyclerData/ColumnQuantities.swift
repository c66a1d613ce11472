import Foundation
import InstrumentIO
import InterphaseData

/// What an auxiliary column measures, from its name: so that engines take columns by meaning
/// (`Quantity.frequency`, `.realImpedance`) rather than by each instrument's header text.
///
/// Names are the instruments' own: BioLogic EC-Lab (`.mpr` column table, `.mpt` headers: `freq/Hz`,
/// `Re(Z)/Ohm`, `-Im(Z)/Ohm`, `|Z|/Ohm`, `Phase(Z)/deg`, counters), Arbin (`ACI_Phase_Angle`,
/// `Internal_Resistance`), Neware (`Timestamp`). A name not listed gets the quantity its unit implies
/// (`Quantity.implied(by:)`), or `.other`.
enum ColumnQuantities {
    /// Lower-cased base name (the header without its unit) → quantity.
    static let table: [String: Quantity] = [
        "freq": .frequency, "frequency": .frequency,
        "re(z)": .realImpedance, "re(zce)": .realImpedance, "re(zwe-ce)": .realImpedance, "zre": .realImpedance,
        "-im(z)": .negativeImaginaryImpedance, "-im(zce)": .negativeImaginaryImpedance,
        "-im(zwe-ce)": .negativeImaginaryImpedance, "-zim": .negativeImaginaryImpedance,
        "|z|": .impedanceModulus, "|zce|": .impedanceModulus, "|zwe-ce|": .impedanceModulus,
        "phase(z)": .impedancePhase, "phase(zce)": .impedancePhase, "phase(zwe-ce)": .impedancePhase,
        "aci_phase_angle": .impedancePhase,
        "r": .resistance, "rapp": .resistance, "rcmp": .resistance, "internal_resistance": .resistance,
        "cycle number": .count, "half cycle": .count, "z cycle": .count, "ns": .count, "i range": .count,
        "counter inc.": .count, "ns changes": .count, "control changes": .count, "mode": .count, "ox/red": .count,
        "error": .count, "process step": .count, "data_point": .count,
        "thd ewe": .ratio, "thd i": .ratio, "nsd ewe": .ratio, "nsd i": .ratio, "nsr ewe": .ratio, "nsr i": .ratio,
        "timestamp": .timestamp,
    ]

    /// The quantity of a column named `name` (as in the file, unit included) whose unit is `unit`.
    static func quantity(name: String, unit: PhysicalUnit) -> Quantity {
        let header = ColumnHeader(name)
        if let known = table[header.base.trimmingCharacters(in: .whitespaces).lowercased()] { return known }
        return Quantity.implied(by: unit)
    }

    /// An auxiliary column with its unit parsed and its quantity looked up by name.
    static func column(name: String, unit: String, values: [Double]) -> AuxiliaryColumn {
        let parsed = PhysicalUnit.parse(unit)
        return AuxiliaryColumn(name: name, quantity: quantity(name: name, unit: parsed), unit: parsed, values: values)
    }
}
