/// Where a recording's charge and energy counters come from, which decides how far its capacities can
/// be trusted: an instrument counts charge continuously, while a file samples the current only at its
/// records (a pulse train recorded at its edges integrates to several times the charge that passed).
public enum CapacitySource: String, Sendable, Equatable, Codable {
    /// The instrument's own capacity counters (per step, per half cycle, per cycle or running), re-based
    /// to the `Recording` convention of per-step counters.
    case instrumentCounters = "instrument counters"
    /// The file has no capacity column: the current integrated by the trapezoidal rule within each step.
    case integratedCurrent = "integrated current"
}
