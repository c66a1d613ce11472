/// What the instrument was doing during a step. Stored as one byte per point.
public enum StepKind: UInt8, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// No current (rest with the voltage recorded).
    case rest = 0
    /// Constant current (galvanostatic).
    case constantCurrent = 1
    /// Constant voltage (potentiostatic hold).
    case constantVoltage = 2
    /// Constant current followed by a constant-voltage hold within one step.
    case constantCurrentConstantVoltage = 3
    /// Open-circuit voltage measurement.
    case openCircuit = 4
    /// Impedance measurement (EIS).
    case impedance = 5
    /// Constant power, constant resistance, pulses and anything else.
    case other = 6

    public var description: String {
        switch self {
        case .rest: return "rest"
        case .constantCurrent: return "CC"
        case .constantVoltage: return "CV"
        case .constantCurrentConstantVoltage: return "CCCV"
        case .openCircuit: return "OCV"
        case .impedance: return "impedance"
        case .other: return "other"
        }
    }

    /// True for kinds in which current flows.
    public var passesCurrent: Bool {
        switch self {
        case .constantCurrent, .constantVoltage, .constantCurrentConstantVoltage, .other: return true
        default: return false
        }
    }
}
