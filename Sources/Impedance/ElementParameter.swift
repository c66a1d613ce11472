/// One parameter of a circuit element: its name, unit, default bounds (impedance.py 1.7.1's
/// `set_default_bounds`: 0 ≤ p < ∞, CPE and La exponents ≤ 1) and its role, which tells the automatic
/// initial guess what kind of quantity to put there.
public struct ElementParameter: Sendable, Equatable {
    /// What kind of quantity the parameter is, for `CircuitInitialGuess`.
    public enum Role: Sendable, Equatable {
        /// A resistance (Ω, or Ω·m² for the transmission line's A and B).
        case resistance
        /// A capacitance (F).
        case capacitance
        /// An inductance (H).
        case inductance
        /// A time constant (s).
        case timeConstant
        /// A CPE coefficient Q (Ω⁻¹ sᵅ).
        case cpeCoefficient
        /// A Warburg coefficient A_W (Ω s^−½).
        case warburgCoefficient
        /// A dimensionless exponent or ratio with a typical starting value.
        case dimensionless(typical: Double)
        /// The modified inductance's L (H·s^(α−1) in impedance.py's "H sec").
        case modifiedInductance
    }

    /// The parameter's own name (e.g. "Q", "alpha"); in a circuit it is called `R0`, `CPE1_0`, …
    public let name: String
    /// Unit as impedance.py 1.7.1 writes it ("Ohm", "F", "Ohm^-1 sec^a", "" for dimensionless).
    public let unit: String
    /// Default lower bound.
    public let lowerBound: Double
    /// Default upper bound.
    public let upperBound: Double
    /// What the automatic initial guess puts here.
    public let role: Role

    public init(_ name: String, unit: String, role: Role, lowerBound: Double = 0, upperBound: Double = .infinity) {
        self.name = name
        self.unit = unit
        self.role = role
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}
