import InterphaseData
import InterphaseCore

/// A cycle's charge and discharge from the instrument's own counters over every record of the cycle,
/// not only over the records that happen to catch the current flowing.
///
/// Why: a file samples the current only at its records. A pulse train recorded at the edges of its
/// pulses has records at zero current inside charge steps, and the trapezoidal rule across them counts
/// the rest as if the pulse current had flowed (or, once the half cycles are cut at those records,
/// loses whole pulses). The instrument integrates continuously; its counters are the measurement.
///
/// Rule (the `Recording` convention: per-step counters, 0 at each step start, ≥ 0): over rows
/// `[a, b)` the charge of step s is its counter at the last row of s before b minus its counter at the
/// row before a when that row is in s too (0 otherwise, so a first record's count belongs to its cycle).
public struct CycleCounters: Sendable {
    let stepIndex: [Int32]
    let charge: [Double]
    let discharge: [Double]
    let chargeEnergy: [Double]?
    let dischargeEnergy: [Double]?

    /// Nil when the recording has no counters, or when its counters were integrated from the current by
    /// the reader (`CapacitySource.integratedCurrent`): then the half cycles' sums are as good.
    public init?(_ recording: Recording) {
        guard recording.metadata.capacitySource == .instrumentCounters,
              let charge = recording.chargeCapacity, let discharge = recording.dischargeCapacity else { return nil }
        stepIndex = recording.stepIndex
        self.charge = charge
        self.discharge = discharge
        chargeEnergy = recording.chargeEnergy
        dischargeEnergy = recording.dischargeEnergy
    }

    /// Charge (direction > 0) or discharge passed over `rows`. - Units: Ah.
    public func capacity(_ rows: Range<Int>, direction: Int) -> Double {
        CycleCounters.total(direction > 0 ? charge : discharge, steps: stepIndex, rows: rows)
    }

    /// Energy over `rows`, nil without energy counters. - Units: Wh.
    public func energy(_ rows: Range<Int>, direction: Int) -> Double? {
        guard let values = direction > 0 ? chargeEnergy : dischargeEnergy else { return nil }
        return CycleCounters.total(values, steps: stepIndex, rows: rows)
    }

    static func total(_ counter: [Double], steps: [Int32], rows: Range<Int>) -> Double {
        guard !rows.isEmpty else { return 0 }
        var sum = 0.0
        var k = rows.lowerBound
        while k < rows.upperBound {
            var e = k
            while e + 1 < rows.upperBound && steps[e + 1] == steps[k] { e += 1 }
            let start = k > 0 && steps[k - 1] == steps[k] ? counter[k - 1] : 0
            sum += max(counter[e] - start, 0)
            k = e + 1
        }
        return sum
    }
}
