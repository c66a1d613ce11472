import InterphaseData
import Foundation
import InterphaseNumerics

/// dQ/dV of one half cycle.
///
/// Method (as the reference figure's caption documents it): the voltage is made monotonic (running
/// maximum for a charge, running minimum for a discharge — relaxation wiggles would make V multivalued),
/// the half cycle's charge Q (trapezoidal count from the start, Ah) is interpolated onto a uniform
/// voltage grid of `step` (default 1 mV), and dQ/dV is the first derivative of a Savitzky–Golay filter
/// (`window` points, polynomial `order`; defaults 41 = 41 mV and 3). Discharge curves are returned as
/// −dQ/dV so peaks point up. - Units: Ah V⁻¹.
public struct DifferentialCapacity: Sendable {
    public var cycle: Int
    /// +1 charge, −1 discharge.
    public var direction: Int
    /// - Units: V.
    public var voltage: [Double]
    /// dQ/dV (charge) or −dQ/dV (discharge). - Units: Ah V⁻¹.
    public var dqdv: [Double]

    public static func compute(_ half: HalfCycle, cycle: Int, recording r: Recording, step: Double, window: Int, order: Int) throws -> DifferentialCapacity? {
        var q = 0.0
        var vs: [Double] = []
        var qs: [Double] = []
        var extreme = r.voltage[half.range.lowerBound]
        for k in half.range {
            if k > half.range.lowerBound {
                q += abs(r.chargeIncrement(at: k))
            }
            let v = r.voltage[k]
            extreme = half.direction > 0 ? max(extreme, v) : min(extreme, v)
            // Keep strictly monotonic points only (the running extreme moved).
            if let last = vs.last, extreme == last { qs[qs.count - 1] = q; continue }
            vs.append(extreme)
            qs.append(q)
        }
        if half.direction < 0 { vs.reverse(); qs.reverse() }
        guard vs.count > 3, let lo = vs.first, let hi = vs.last, hi - lo > Double(window) * step else { return nil }
        let count = Int(((hi - lo) / step).rounded(.down)) + 1
        let grid = (0..<count).map { lo + Double($0) * step }
        let qGrid = grid.map { Statistics.interpolate(vs, qs, at: $0) ?? .nan }
        let filter = try SavitzkyGolay(window: window, order: order)
        let derivative = try filter.apply(qGrid, derivative: 1, spacing: step)
        // On discharge Q grows as V falls: dQ/dV on the increasing grid is negative; return −dQ/dV.
        return DifferentialCapacity(cycle: cycle, direction: half.direction, voltage: grid,
                                    dqdv: half.direction > 0 ? derivative : derivative.map { -$0 })
    }
}
