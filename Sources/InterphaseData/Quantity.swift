/// What a column measures, so that an engine can take a column by meaning instead of by header text
/// (an impedance reader takes `.frequency`, `.realImpedance` and `.negativeImaginaryImpedance` from a
/// BioLogic PEIS recording whatever EC-Lab version named them).
public enum Quantity: String, Sendable, CaseIterable {
    case time
    /// Wall-clock time stamp (seconds since an epoch the unit names).
    case timestamp
    case voltage
    case current
    case charge
    case energy
    case power
    case temperature
    /// A resistance that is not an impedance component (R, Rapp, Rcmp, DC internal resistance).
    case resistance
    case capacitance
    /// Frequency of an impedance measurement.
    case frequency
    /// Re(Z) of an impedance.
    case realImpedance
    /// −Im(Z) of an impedance, as instruments report it (positive for capacitive arcs).
    case negativeImaginaryImpedance
    /// |Z|.
    case impedanceModulus
    /// Phase of Z.
    case impedancePhase
    /// Another angle.
    case angle
    /// A dimensionless ratio (efficiency, harmonic distortion).
    case ratio
    /// A counter or index (cycle number, half cycle, current range code).
    case count
    /// Not known.
    case other

    /// The dimension values of this quantity have (`.unknown` for `.other`).
    public var dimension: PhysicalDimension { Quantity.dimensions[self] ?? .unknown }

    /// The quantity a unit's dimension implies when nothing else is known (a resistance unit gives
    /// `.resistance`, not an impedance component; readers that know better say so).
    public static func implied(by unit: PhysicalUnit) -> Quantity { impliedByDimension[unit.dimension] ?? .other }

    private static let dimensions: [Quantity: PhysicalDimension] = [
        .time: .time, .timestamp: .time, .voltage: .voltage, .current: .current, .charge: .charge, .energy: .energy,
        .power: .power, .temperature: .temperature, .resistance: .resistance, .realImpedance: .resistance,
        .negativeImaginaryImpedance: .resistance, .impedanceModulus: .resistance, .capacitance: .capacitance,
        .frequency: .frequency, .impedancePhase: .angle, .angle: .angle, .ratio: .ratio, .count: .none, .other: .unknown,
    ]

    /// For each dimension, the plain quantity of that dimension.
    private static let impliedByDimension: [PhysicalDimension: Quantity] = [
        .time: .time, .voltage: .voltage, .current: .current, .charge: .charge, .energy: .energy, .power: .power,
        .temperature: .temperature, .resistance: .resistance, .capacitance: .capacitance, .frequency: .frequency,
        .angle: .angle, .ratio: .ratio,
    ]
}
