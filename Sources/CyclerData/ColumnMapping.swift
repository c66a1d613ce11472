import InterphaseCore
import InstrumentIO
import InterphaseData

/// A user-given mapping from the model's quantities to a delimited file's column names, with units, as
/// given by `--columns time=Test Time (h),voltage=Ewe/V,current=I/mA`. A unit in parentheses or after a
/// slash in the column name is honoured; `quantity=name:unit` overrides it.
public struct ColumnMapping: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var column: String
        public var unit: String?
    }

    public var entries: [Quantity: Entry]

    /// The quantities a delimited column can map to.
    public enum Quantity: String, Sendable, CaseIterable {
        case time, voltage, current, step, cycle
        case chargeCapacity = "charge-capacity"
        case dischargeCapacity = "discharge-capacity"
        case capacity
        case chargeEnergy = "charge-energy"
        case dischargeEnergy = "discharge-energy"
        case temperature
    }

    public init(entries: [Quantity: Entry]) { self.entries = entries }

    /// Parses `time=Time(s),voltage=Voltage/V,current=I:mA`.
    /// - Throws: `invalidParameter` naming `--columns` and the offending item.
    public init(parsing text: String) throws {
        var entries: [Quantity: Entry] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw InterphaseError(.invalidParameter, "'\(item)' is not quantity=column", parameter: "--columns",
                                      expected: "e.g. time=Time(s),voltage=Voltage(V),current=Current(mA)")
            }
            guard let quantity = Quantity(rawValue: parts[0].lowercased()) else {
                throw InterphaseError(.invalidParameter, "unknown quantity '\(parts[0])'", parameter: "--columns",
                                      expected: Quantity.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var column = parts[1]
            var unit: String?
            // `name:unit`, but not a colon inside a header's own unit ("Relative Time(h:min:s.ms)").
            if let colon = column.lastIndex(of: ":"), !column[colon...].contains(")"), !column[colon...].contains("]") {
                unit = String(column[column.index(after: colon)...])
                column = String(column[..<colon])
            }
            entries[quantity] = Entry(column: column, unit: unit)
        }
        for required in [Quantity.time, .voltage, .current] where entries[required] == nil {
            throw InterphaseError(.invalidParameter, "no column given for \(required.rawValue)", parameter: "--columns",
                                  expected: "time, voltage and current at least")
        }
        self.entries = entries
    }
}
