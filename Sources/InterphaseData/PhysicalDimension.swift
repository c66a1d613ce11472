/// The physical dimension of a unit, and the reference unit values of that dimension are converted to.
///
/// References are SI except charge and energy, which the cycler world counts in ampere-hours and
/// watt-hours (1 A·h = 3600 C, 1 W·h = 3600 J; `Units` in InterphaseCore holds the constants): a
/// `Recording`'s capacity columns are in A·h, and parsing `mAh` gives the factor 10⁻³ to A·h.
public enum PhysicalDimension: String, Sendable, CaseIterable {
    /// Reference: s.
    case time
    /// Reference: V.
    case voltage
    /// Reference: A.
    case current
    /// Reference: A·h.
    case charge
    /// Reference: W·h.
    case energy
    /// Reference: W.
    case power
    /// Reference: K.
    case temperature
    /// Reference: Ω.
    case resistance
    /// Reference: F.
    case capacitance
    /// Reference: Hz.
    case frequency
    /// Reference: rad.
    case angle
    /// A dimensionless ratio. Reference: 1 (a fraction; % is 0.01).
    case ratio
    /// No unit at all (counters, indices, flags).
    case none
    /// A unit the table does not know; values are kept as the file gives them.
    case unknown
}
