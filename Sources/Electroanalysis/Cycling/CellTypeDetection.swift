import InterphaseData
import Foundation
import InterphaseNumerics

/// Decides the cell type from the data (`--cell auto`). Rules, tried in order:
///
/// 1. **full** — the median |voltage| while current flows exceeds 1.5 V: an insertion cathode against Li.
/// 2. **symmetric** — |V| stays below 1.5 V (99th percentile) and the voltage sign follows the current's
///    sign on ≥ 90 % of the current-carrying time *in each direction present*, and the file is not Li||Cu
///    (rule 3, tried first): Li||Li polarises ± with the current.
/// 3. **li-cu** — the plating half cycles (negative current) sit below 0 V (Li nucleation/growth on
///    Cu) and at least half of the stripping half cycles end at a cut-off well above their plateau
///    (end voltage > 0.2 V and > 3 × the half cycle's median voltage): Li is stripped from Cu until none
///    is left.
/// 4. otherwise **full**: an insertion electrode below 1.5 V (e.g. graphite||Li) is analysed like a full cell.
public enum CellTypeDetection {
    public static func decide(_ recording: Recording, halves: [HalfCycle]) -> CellTypeDecision {
        guard !halves.isEmpty else {
            return CellTypeDecision(cellType: .full, rule: "no current flows; defaulting to full-cell metrics")
        }
        var active: [Double] = []
        // Time with V of the current's sign, and total time, per direction (index 0: negative, 1: positive).
        var agreeBy = [0.0, 0.0], totalBy = [0.0, 0.0]
        for half in halves {
            let d = half.direction > 0 ? 1 : 0
            for k in half.range.dropFirst() {
                let dt = recording.time[k] - recording.time[k - 1]
                let v = recording.voltage[k]
                active.append(abs(v))
                totalBy[d] += dt
                if (v > 0 && half.direction > 0) || (v < 0 && half.direction < 0) { agreeBy[d] += dt }
            }
        }
        // The weaker direction decides: a cell whose voltage never changes sign does not follow the current.
        let agree = zip(agreeBy, totalBy).filter { $0.1 > 0 }.map { $0.0 / $0.1 }.min() ?? 0
        let total = 1.0
        let medianV = Statistics.median(active)
        if medianV > 1.5 {
            return CellTypeDecision(cellType: .full, rule: String(format: "median |V| under current %.2f V > 1.5 V: insertion cathode (full cell)", medianV))
        }
        let p99 = Statistics.quantile(active, 0.99)
        let agreement = total > 0 ? agree : 0
        let strips = halves.filter { $0.direction > 0 }
        let plates = halves.filter { $0.direction < 0 }
        let terminated = strips.filter { half in
            let median = Statistics.median(recording.voltage[half.range].map { $0 })
            return half.endVoltage > 0.2 && half.endVoltage > 3 * max(median, 1e-4)
        }.count
        let platesBelowZero = plates.filter { half in Statistics.median(recording.voltage[half.range].map { $0 }) < 0 }.count
        if !plates.isEmpty, platesBelowZero * 2 >= plates.count, terminated * 2 >= max(strips.count, 1) {
            return CellTypeDecision(cellType: .lithiumCopper, rule: String(
                format: "plating below 0 V in %d/%d half cycles and %d/%d strips end at a cut-off: Li||Cu",
                platesBelowZero, plates.count, terminated, strips.count))
        }
        if p99 < 1.5 && agreement >= 0.9 {
            return CellTypeDecision(cellType: .symmetric, rule: String(
                format: "|V| < %.2f V (99th percentile) and V follows the current's sign %.0f%% of the time: Li||Li", p99, agreement * 100))
        }
        return CellTypeDecision(cellType: .full, rule: String(
            format: "median |V| %.2f V with V not following the current's sign (%.0f%%): insertion electrode, full-cell metrics",
            medianV, agreement * 100))
    }
}
