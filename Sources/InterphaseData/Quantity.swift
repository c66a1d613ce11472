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
    public var dimension: PhysicalDimension {
        switch self {
        case .time, .timestamp: return .time
        case .voltage: return .voltage
        case .current: return .current
        case .charge: return .charge
        case .energy: return .energy
        case .power: return .power
        case .temperature: return .temperature
        case .resistance, .realImpedance, .negativeImaginaryImpedance, .impedanceModulus: return .resistance
        case .capacitance: return .capacitance
        case .frequency: return .frequency
        case .impedancePhase, .angle: return .angle
        case .ratio: return .ratio
        case .count: return .none
        case .other: return .unknown
        }
    }

    /// The quantity a unit's dimension implies when nothing else is known (a resistance unit gives
    /// `.resistance`, not an impedance component; readers that know better say so).
    public static func implied(by unit: PhysicalUnit) -> Quantity {
        switch unit.dimension {
        case .time: return .time
        case .voltage: return .voltage
        case .current: return .current
        case .charge: return .charge
        case .energy: return .energy
        case .power: return .power
        case .temperature: return .temperature
        case .resistance: return .resistance
        case .capacitance: return .capacitance
        case .frequency: return .frequency
        case .angle: return .angle
        case .ratio: return .ratio
        case .none, .unknown: return .other
        }
    }
}
