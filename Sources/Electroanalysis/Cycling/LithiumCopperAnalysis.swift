import InterphaseCore
import InterphaseData
import Foundation
import InterphaseNumerics

/// Li||Cu Coulombic efficiency of lithium plating/stripping.
///
/// Li is plated on Cu under negative current and stripped under positive current until a cut-off
/// voltage. Each cycle pairs a plating half cycle with the stripping that follows it;
/// CE = Q_strip / Q_plate × 100 %. `averageCE` is the mean over the first `averageCECycles` cycles.
///
/// **Reservoir protocol** (Adams et al., Adv. Energy Mater. 8 (2018) 1702097; the study's eq. 1): a
/// reservoir Q1 is plated once, N cycles then plate and strip a fixed Qc (their strips stop on capacity,
/// not voltage), and a final strip to the cut-off recovers Qr. It is detected when a plating half cycle
/// exceeds 1.5 × the median plating capacity of what follows, is followed by ≥ 2 capacity-limited cycles
/// (strip within 2 % of its plating), and the run ends with a strip that reaches the cut-off. Both forms
/// are reported: the study's eq. 1, CE = [Qc − (Q1 − Qr)/N] / Qc, and the standard
/// CE = (N·Qc + Qr) / (N·Qc + Q1).
public struct LithiumCopperAnalysis: CellAnalysis {
    public struct Cycle: Sendable {
        public var index: Int
        /// - Units: Ah.
        public var platingCapacity: Double
        /// - Units: Ah.
        public var strippingCapacity: Double?
        public var coulombicEfficiency: Double? // percent
        /// Mean plating current. - Units: A.
        public var current: Double
        public var startTime: Double
        /// Final stripping voltage. - Units: V.
        public var strippingEndVoltage: Double?
        /// The file starts inside this cycle (its first record already counts charge): its CE is
        /// flagged and left out of the average.
        public var partial = false
    }

    public struct Reservoir: Sendable {
        /// Reservoir plating, fixed cycling capacity, final recovered capacity. - Units: Ah.
        public var q1: Double
        public var qc: Double
        public var qr: Double
        public var n: Int
        /// Cycle numbers (1-based) of the reservoir plating and of the final strip.
        public var reservoirCycle: Int
        public var finalCycle: Int
        /// Percent.
        public var equation1: Double { (qc - (q1 - qr) / Double(n)) / qc * 100 }
        public var standard: Double { (Double(n) * qc + qr) / (Double(n) * qc + q1) * 100 }
    }

    public let cycles: [Cycle]
    /// Percent, over the first `averagedCycles` complete cycles.
    public let averageCE: Double?
    public let averagedCycles: Int
    public let reservoir: Reservoir?
    public let warnings: [String]

    /// - Parameters:
    ///   - recording: when given, a first record whose capacity counter is already above zero marks the
    ///     first cycle partial (the same rule as the full cell's).
    ///   - area: electrode area for areal capacities (m²); nil gives a warning.
    public init(recording: Recording? = nil, halfCycles: [HalfCycle], options: CyclingOptions, area: Double? = nil) {
        var cycles: [Cycle] = []
        var warnings: [String] = []
        var i = 0
        // Skip stripping before the first plating (stripping native Li from Cu gives nothing meaningful).
        while i < halfCycles.count && halfCycles[i].direction > 0 { i += 1 }
        if i > 0 { warnings.append("\(i) half cycle(s) of positive current before the first plating were ignored") }
        while i < halfCycles.count {
            let plate = halfCycles[i]
            guard plate.direction < 0 else { i += 1; continue }
            var strip: HalfCycle?
            if i + 1 < halfCycles.count, halfCycles[i + 1].direction > 0 { strip = halfCycles[i + 1]; i += 2 } else { i += 1 }
            let ce = strip.map { plate.capacity > 0 ? $0.capacity / plate.capacity * 100 : .nan }
            cycles.append(Cycle(index: cycles.count + 1, platingCapacity: plate.capacity, strippingCapacity: strip?.capacity,
                                coulombicEfficiency: ce, current: plate.meanCurrent, startTime: plate.startTime,
                                strippingEndVoltage: strip?.endVoltage))
        }
        // A file that starts inside a half cycle (its first record already counts charge) starts inside
        // cycle 1: that cycle is partial, its CE flagged and not averaged.
        let firstCount = max(recording?.chargeCapacity?.first ?? 0, recording?.dischargeCapacity?.first ?? 0)
        if firstCount > 0, !cycles.isEmpty {
            cycles[0].partial = true
            let ce = cycles[0].coulombicEfficiency.map { String(format: "; its CE %.4g %% is flagged", $0) } ?? ""
            warnings.append(String(format: "the file starts inside cycle 1 (the first record already counts %.6g mAh): that cycle is partial%@ and not in the average CE",
                                   firstCount * Units.kilo, ce))
        }
        self.cycles = cycles
        let complete = cycles.filter { !$0.partial }.compactMap(\.coulombicEfficiency).filter(\.isFinite)
        let n = min(options.averageCECycles, complete.count)
        averagedCycles = n
        averageCE = n > 0 ? complete.prefix(n).reduce(0, +) / Double(n) : nil
        if complete.count < options.averageCECycles && !complete.isEmpty {
            warnings.append("only \(complete.count) complete cycles; average CE uses all of them")
        }
        reservoir = LithiumCopperAnalysis.detectReservoir(cycles)
        if area == nil { warnings.append("no electrode area (--area-cm2): areal capacities are null") }
        self.warnings = warnings
    }

    static func detectReservoir(_ cycles: [Cycle]) -> Reservoir? {
        let cutoff = cycles.compactMap(\.strippingEndVoltage).max() ?? 0
        for (k, cycle) in cycles.enumerated() where k + 3 < cycles.count {
            let following = cycles[(k + 1)...]
            let median = Statistics.median(following.map(\.platingCapacity))
            guard cycle.platingCapacity > 1.5 * median else { continue }
            // Reservoir cycle: its "strip" is capacity-limited too (it stops at Qc, not at the cut-off).
            var n = 0
            var j = k
            _ = n
            var finalIndex: Int?
            while j < cycles.count {
                let c = cycles[j]
                guard let strip = c.strippingCapacity, let end = c.strippingEndVoltage else { break }
                let limited = abs(strip - (j == k ? median : c.platingCapacity)) <= 0.02 * max(c.platingCapacity, median)
                    && end < cutoff - 0.05
                if end >= cutoff - 0.05 { finalIndex = j; break }
                guard limited else { break }
                n += 1
                j += 1
            }
            guard let final = finalIndex, n >= 2 else { continue }
            // Pairing plate → following strip: cycle k plates Q1 and strips Qc; cycles k+1 … final−1 plate and
            // strip Qc; the final cycle plates Qc and strips everything left (Qr). So N = final − k cycles of
            // Qc each way, plated = Q1 + N·Qc, stripped = N·Qc + Qr (Adams et al.'s n, Q_T, Q_C, Q_S).
            let qc = Statistics.median(cycles[(k + 1)...final].map(\.platingCapacity))
            let qr = cycles[final].strippingCapacity ?? 0
            return Reservoir(q1: cycle.platingCapacity, qc: qc, qr: qr, n: final - k, reservoirCycle: k + 1, finalCycle: final + 1)
        }
        return nil
    }
}
