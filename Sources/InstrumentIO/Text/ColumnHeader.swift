import Foundation

/// A header split into a base name and a unit: `Current(mA)`, `Current [A]`, `I/mA`, `Q charge/discharge/mA.h`,
/// `Test_Time(s)`, and snake-case names ending in a unit, `current_A`, `charge_capacity_mAh` (Interphase's
/// own CSV).
public struct ColumnHeader: Sendable {
    /// Units recognised after a final underscore (others, e.g. `Test_Time`, stay part of the name).
    public static let suffixUnits: Set<String> = ["s", "ms", "min", "h", "V", "mV", "A", "mA", "uA", "µA", "nA", "Ah", "mAh", "uAh",
                                           "µAh", "Wh", "mWh", "K", "degC", "°C"]

    /// The header as in the file.
    public var raw: String
    /// The name without its unit.
    public var base: String
    /// The unit as written, if the header states one.
    public var unit: String?

    public init(_ raw: String) {
        self.raw = raw
        var name = raw.trimmingCharacters(in: .whitespaces)
        var unit: String?
        if name.hasSuffix(")") || name.hasSuffix("]"), let open = name.lastIndex(where: { $0 == "(" || $0 == "[" }) {
            unit = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
            name = String(name[..<open])
        } else if name.hasSuffix("/V/mA") {
            // EC-Lab's `control/V/mA`: a set point in V or mA depending on the mode.
            unit = "V/mA"
            name = String(name.dropLast(5))
        } else if let slash = name.lastIndex(of: "/"), !name.hasPrefix("dV/dt"), !name.lowercased().hasPrefix("dv/dt") {
            // The unit follows the last slash: EC-Lab names may hold one themselves
            // (`Q charge/discharge/mA.h` is a charge in mA·h).
            unit = String(name[name.index(after: slash)...])
            name = String(name[..<slash])
        } else if let underscore = name.lastIndex(of: "_"), underscore != name.startIndex,
                  ColumnHeader.suffixUnits.contains(String(name[name.index(after: underscore)...])) {
            unit = String(name[name.index(after: underscore)...])
            name = String(name[..<underscore])
        }
        self.base = name
        self.unit = unit
    }

    /// Lower-cased base with spaces, underscores, dashes, dots, angle brackets and tildes removed (Basytec
    /// starts its header line with the comment mark: `~Time[s]`).
    public var key: String {
        String(base.lowercased().unicodeScalars.filter { !" _-.<>|~".unicodeScalars.contains($0) })
    }
}
