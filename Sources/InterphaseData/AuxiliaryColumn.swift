/// A column the normalised model has no slot for (impedance, auxiliary voltages, a second thermocouple),
/// kept with the name the file gives it and, as typed values, what it measures and its unit.
public struct AuxiliaryColumn: Sendable, Equatable {
    /// The name as in the file, e.g. `freq/Hz` or `T1`.
    public var name: String
    /// What the column measures (`.other` when the reader cannot tell).
    public var quantity: Quantity
    /// Unit of `values` (SI where the reader converted them, else as in the file).
    public var unit: PhysicalUnit
    public var values: [Double]

    public init(name: String, quantity: Quantity, unit: PhysicalUnit, values: [Double]) {
        self.name = name
        self.quantity = quantity
        self.unit = unit
        self.values = values
    }

    /// A column whose unit is given as text (`Ohm`, `mA`, `°C`): the unit is looked up in
    /// `PhysicalUnit.table`, and the quantity is `quantity` or else the one the unit implies.
    public init(name: String, unit: String, quantity: Quantity? = nil, values: [Double]) {
        let parsed = PhysicalUnit.parse(unit)
        self.init(name: name, quantity: quantity ?? Quantity.implied(by: parsed), unit: parsed, values: values)
    }
}

extension Array where Element == AuxiliaryColumn {
    /// The first column measuring `quantity`.
    public func first(measuring quantity: Quantity) -> AuxiliaryColumn? { first { $0.quantity == quantity } }
}
