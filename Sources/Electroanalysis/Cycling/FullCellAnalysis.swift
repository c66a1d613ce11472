import InterphaseData
import Foundation
import InterphaseCore
import InterphaseNumerics

/// Full-cell (Li||LFP, Li||NCM811, any insertion electrode) per-cycle metrics.
///
/// A cycle is the file's cycle index when the file numbers cycles; otherwise a new cycle starts at each
/// half cycle in the file's first direction that follows the other direction. Per cycle: charge and
/// discharge capacity (the instrument's counters over the cycle's records, `CycleCounters`; the half
/// cycles' integrated current only for a file without counters), CE = charge returned / charge put in
/// (Q_dis/Q_ch when the file starts with a charge, as cathode cells do; Q_ch/Q_dis when it starts with a
/// discharge, as graphite||Li half cells do), energy efficiency likewise, mean voltages
/// = E/Q, and polarisation = V_ch(Q_ch/2) − V_dis(Q_dis/2) on the cycle's longest charge and discharge
/// (the plateau separation at half capacity). Capacity retention is Q_dis / Q_dis(reference) × 100;
/// `cyclesToEightyPercent` is the first cycle after the reference whose retention falls below 80 %.
/// C-rate of a half cycle = |Ī| / I₁C with I₁C = specific 1C current × mass, or the reference cycle's
/// discharge capacity per hour when no 1C is given.
public struct FullCellAnalysis: CellAnalysis {
    public struct Cycle: Sendable {
        public var index: Int
        public var fileCycle: Int32
        /// - Units: Ah.
        public var chargeCapacity: Double
        public var dischargeCapacity: Double
        /// - Units: Wh.
        public var chargeEnergy: Double
        public var dischargeEnergy: Double
        /// Percent; nil when one direction is missing.
        public var coulombicEfficiency: Double?
        public var energyEfficiency: Double?
        /// - Units: V.
        public var meanChargeVoltage: Double?
        public var meanDischargeVoltage: Double?
        public var polarization: Double?
        /// Discharge C-rate (1/h), nil without a discharge.
        public var dischargeCRate: Double?
        public var chargeCRate: Double?
        /// Percent of the reference cycle's discharge capacity.
        public var retention: Double?
        public var startTime: Double
        /// The half cycles (indices into `halfCycles`) of this cycle.
        public var halves: [Int]
        /// Whether the capacities are the instrument's counters over the cycle's records or the
        /// current integrated over its half cycles (`CycleCounters`).
        public var capacitySource: CapacitySource
        /// The file starts inside this cycle (its first record already counts charge): its capacities
        /// and CE cover only the recorded part, and it is neither the reference nor in the rate table.
        public var partial = false
    }

    public struct RateGroup: Sendable {
        /// Nominal C-rate of the group (1/h), rounded to 2 significant digits.
        public var cRate: Double
        public var cycles: [Int]
        /// - Units: Ah.
        public var meanDischargeCapacity: Double
    }

    public let cycles: [Cycle]
    public let halfCycles: [HalfCycle]
    public let referenceCycle: Int?
    public let cyclesToEightyPercent: Int?
    public let finalRetention: Double?
    /// The current that defines 1C. - Units: A.
    public let oneCCurrent: Double?
    public let oneCSource: String
    public let rateGroups: [RateGroup]
    public private(set) var warnings: [String]
    /// dQ/dV of the charge and discharge of the cycles asked for (`CyclingOptions.dqdvCycles`, default
    /// the reference and the last cycle); empty when computed without them (`init(recording:…)`).
    public private(set) var dqdv: [DifferentialCapacity] = []

    /// The full-cell analysis with its dQ/dV curves.
    public init(_ input: CellAnalysisInput) throws {
        self.init(recording: input.recording, halfCycles: input.halfCycles, options: input.options, mass: input.mass)
        let options = input.options, halves = input.halfCycles
        let wanted = options.dqdvCycles ?? Array(Set([referenceCycle, cycles.last?.index].compactMap { $0 })).sorted()
        for cycleNumber in wanted {
            guard cycleNumber >= 1, cycleNumber <= cycles.count else {
                warnings.append("dQ/dV: there is no cycle \(cycleNumber)")
                continue
            }
            for direction in [1, -1] {
                let members = cycles[cycleNumber - 1].halves.filter { halves[$0].direction == direction }
                guard let main = members.max(by: { halves[$0].capacity < halves[$1].capacity }) else { continue }
                if let curve = try DifferentialCapacity.compute(halves[main], cycle: cycleNumber, recording: input.recording,
                                                                step: options.dqdvStep, window: options.dqdvWindow,
                                                                order: options.dqdvOrder) {
                    dqdv.append(curve)
                } else {
                    warnings.append("dQ/dV: cycle \(cycleNumber) \(direction > 0 ? "charge" : "discharge") spans too few millivolts for the \(options.dqdvWindow)-point filter")
                }
            }
        }
    }

    public init(recording: Recording, halfCycles: [HalfCycle], options: CyclingOptions, mass: Double?) {
        var warnings: [String] = []
        self.halfCycles = halfCycles
        // Group half cycles into cycles.
        var groups: [[Int]] = []
        let fileNumbersCycles = Set(halfCycles.map(\.fileCycle)).count > 1
        // The direction that puts charge in: a cathode cell's cycle starts with a charge, an anode half cell
        // (graphite||Li) with a discharge. Taken from the first half cycle.
        let lead = halfCycles.first?.direction ?? 1
        for (k, half) in halfCycles.enumerated() {
            if fileNumbersCycles {
                if let last = groups.last?.last, halfCycles[last].fileCycle == half.fileCycle {
                    groups[groups.count - 1].append(k)
                } else {
                    groups.append([k])
                }
            } else {
                let startsCycle = groups.isEmpty || (half.direction == lead && halfCycles[k - 1].direction != lead)
                if startsCycle { groups.append([k]) } else { groups[groups.count - 1].append(k) }
            }
        }
        // For CE, the direction that opens the first cycle holding both directions (Neware's cycle 1 may be a
        // lone discharge from the as-received state; cycle 2 then starts with the charge).
        let opening = groups.first { g in Set(g.map { halfCycles[$0].direction }).count == 2 }.map { halfCycles[$0[0]].direction } ?? lead
        // Polarisation per cycle (a pass over each cycle's longest charge and discharge): on both cores.
        let cycleGroups = groups
        let polarizations = Parallel.map(groups.count, parallel: groups.count > 64) { index -> Double in
            let members = cycleGroups[index]
            let longestCharge = members.filter { halfCycles[$0].direction > 0 }.max { halfCycles[$0].capacity < halfCycles[$1].capacity }
            let longestDischarge = members.filter { halfCycles[$0].direction < 0 }.max { halfCycles[$0].capacity < halfCycles[$1].capacity }
            guard let c = longestCharge, let d = longestDischarge,
                  let vc = FullCellAnalysis.voltageAtHalfCapacity(halfCycles[c], recording),
                  let vd = FullCellAnalysis.voltageAtHalfCapacity(halfCycles[d], recording) else { return .nan }
            return vc - vd
        }
        // A cycle's rows: from its first half cycle to the next cycle's first (the first cycle from the first
        // record, the last to the end), so counts between half cycles — records inside a step that caught
        // no current — belong to it.
        let counters = CycleCounters(recording)
        // When the file numbers its cycles, a cycle also owns its records before its first half cycle (a
        // charge too short to be a half cycle still counts where the file says it belongs).
        var starts = groups.map { halfCycles[$0[0]].range.lowerBound }
        for g in starts.indices {
            if g == 0 { starts[g] = 0; continue }
            guard fileNumbersCycles else { continue }
            let label = recording.cycleIndex[starts[g]]
            while starts[g] > starts[g - 1] + 1 && recording.cycleIndex[starts[g] - 1] == label { starts[g] -= 1 }
        }
        var built: [Cycle] = groups.enumerated().map { index, members in
            let charges = members.filter { halfCycles[$0].direction > 0 }
            let discharges = members.filter { halfCycles[$0].direction < 0 }
            let rows = starts[index]..<(index + 1 < starts.count ? starts[index + 1] : recording.count)
            var source = counters == nil ? CapacitySource.integratedCurrent : .instrumentCounters
            func total(_ members: [Int], _ direction: Int, energy: Bool) -> Double {
                let summed = members.reduce(0) { $0 + (energy ? halfCycles[$1].energy : halfCycles[$1].capacity) }
                guard let counters else { return summed }
                let counted = energy ? counters.energy(rows, direction: direction) : counters.capacity(rows, direction: direction)
                guard let counted, counted > 0 else {
                    if !energy && summed > 0 { source = .integratedCurrent }
                    return summed
                }
                return counted
            }
            var qc = total(charges, 1, energy: false)
            var qd = total(discharges, -1, energy: false)
            var ec = total(charges, 1, energy: true)
            var ed = total(discharges, -1, energy: true)
            // A direction the cycle did not run in can still show counter noise (4·10⁻¹¹ Ah of "discharge"
            // in a charge-only Arbin file): below a millionth of the other direction it is no capacity.
            if qd < 1e-6 * qc { qd = 0; ed = 0 }
            if qc < 1e-6 * qd { qc = 0; ec = 0 }
            let polarization: Double? = polarizations[index].isNaN ? nil : polarizations[index]
            return Cycle(
                index: index + 1, fileCycle: halfCycles[members[0]].fileCycle, chargeCapacity: qc, dischargeCapacity: qd,
                chargeEnergy: ec, dischargeEnergy: ed,
                coulombicEfficiency: qc > 0 && qd > 0 ? (opening > 0 ? qd / qc : qc / qd) * 100 : nil,
                energyEfficiency: ec > 0 && ed > 0 ? (opening > 0 ? ed / ec : ec / ed) * 100 : nil,
                meanChargeVoltage: qc > 0 ? ec / qc : nil, meanDischargeVoltage: qd > 0 ? ed / qd : nil,
                polarization: polarization,
                dischargeCRate: nil, chargeCRate: nil, retention: nil, startTime: halfCycles[members[0]].startTime,
                halves: members, capacitySource: source)
        }
        // A file that starts inside a step (its first record already counts charge) starts inside a cycle:
        // that count belongs to the cycle, which is partial.
        let firstCount = max(recording.chargeCapacity?.first ?? 0, recording.dischargeCapacity?.first ?? 0)
        if counters != nil, firstCount > 0, !built.isEmpty {
            built[0].partial = true
            let ce = built[0].coulombicEfficiency.map { String(format: "; its CE %.4g %% is flagged", $0) } ?? ""
            warnings.append(String(format: "the file starts inside cycle %d (the first record already counts %.6g mAh): that cycle is partial%@, and it is not used as the reference cycle or in the rate table",
                                   Int(built[0].fileCycle), firstCount * Units.kilo, ce))
        }
        // Reference cycle and 1C.
        var reference = options.referenceCycle
        if let r = reference, r > built.count {
            warnings.append("--reference-cycle \(r) exceeds the \(built.count) cycles; using the first complete cycle")
            reference = nil
        }
        if reference == nil { reference = built.first { $0.chargeCapacity > 0 && $0.dischargeCapacity > 0 && !$0.partial }?.index }
        self.referenceCycle = reference
        let referenceCapacity = reference.map { built[$0 - 1].dischargeCapacity }
        if let specific = options.oneCSpecificCurrent, let mass {
            oneCCurrent = specific * mass
            oneCSource = String(format: "%.4g mA g⁻¹ × %.4g mg", specific, mass * Units.milligramsPerKilogram)
        } else if let referenceCapacity, referenceCapacity > 0 {
            oneCCurrent = referenceCapacity
            oneCSource = "reference cycle's discharge capacity per hour"
            if options.oneCSpecificCurrent != nil { warnings.append("--one-c-mA-g needs an active mass; 1C from the reference cycle instead") }
        } else {
            oneCCurrent = nil
            oneCSource = "none"
        }
        let oneCValue = oneCCurrent
        for k in built.indices {
            func rate(_ direction: Int) -> Double? {
                guard let oneC = oneCValue, oneC > 0 else { return nil }
                let members = built[k].halves.filter { halfCycles[$0].direction == direction }
                guard let main = members.max(by: { halfCycles[$0].capacity < halfCycles[$1].capacity }) else { return nil }
                // The constant-current part sets the rate: use the current at the half cycle's start, not the
                // mean (a CV tail lowers the mean).
                return abs(recording.current[halfCycles[main].range.lowerBound + 1]) / oneC
            }
            built[k].dischargeCRate = rate(-1)
            built[k].chargeCRate = rate(1)
            if let referenceCapacity, referenceCapacity > 0, built[k].dischargeCapacity > 0 {
                built[k].retention = built[k].dischargeCapacity / referenceCapacity * 100
            }
        }
        self.cycles = built
        if let reference {
            cyclesToEightyPercent = built.first { $0.index > reference && ($0.retention ?? 100) < 80 && $0.dischargeCapacity > 0 }
                .map { $0.index - reference }
        } else {
            cyclesToEightyPercent = nil
        }
        finalRetention = built.last { $0.retention != nil }?.retention
        // Rate groups: consecutive cycles with the same discharge C-rate (2 significant digits).
        var groupsByRate: [RateGroup] = []
        for cycle in built {
            guard let rate = cycle.dischargeCRate, cycle.dischargeCapacity > 0, !cycle.partial else { continue }
            let rounded = SymmetricCellAnalysis.significant(rate, digits: 2)
            if let last = groupsByRate.last, last.cRate == rounded {
                var g = last
                g.meanDischargeCapacity = (g.meanDischargeCapacity * Double(g.cycles.count) + cycle.dischargeCapacity) / Double(g.cycles.count + 1)
                g.cycles.append(cycle.index)
                groupsByRate[groupsByRate.count - 1] = g
            } else {
                groupsByRate.append(RateGroup(cRate: rounded, cycles: [cycle.index], meanDischargeCapacity: cycle.dischargeCapacity))
            }
        }
        rateGroups = groupsByRate
        if mass == nil { warnings.append("no active mass (--active-mass-mg): specific capacities are null") }
        self.warnings = warnings
    }

    /// Voltage where the half cycle has passed half its charge (trapezoidal charge count, linear
    /// interpolation). - Units: V.
    static func voltageAtHalfCapacity(_ half: HalfCycle, _ r: Recording) -> Double? {
        // Two passes without temporary arrays: the total charge, then the step where half of it is reached.
        func increment(_ k: Int) -> Double { abs(r.chargeIncrement(at: k)) }
        var total = 0.0
        for k in half.range.dropFirst() { total += increment(k) }
        guard total > 0 else { return nil }
        let target = total / 2
        var q = 0.0
        for k in half.range.dropFirst() {
            let dq = increment(k)
            if q + dq >= target {
                let fraction = dq > 0 ? (target - q) / dq : 0
                return r.voltage[k - 1] + fraction * (r.voltage[k] - r.voltage[k - 1])
            }
            q += dq
        }
        return r.voltage[half.range.upperBound - 1]
    }
}
