import InterphaseCore
import InterphaseData
import Foundation
import InterphaseNumerics

/// Li||Li symmetric-cell metrics: plateau overpotentials, hysteresis, failure detection, rate table.
///
/// **Plating and stripping.** The working electrode plates Li under negative current (its voltage goes
/// negative) and strips under positive current. A half cycle's *plateau overpotential* is the
/// time-weighted mean of |V| over the half cycle after removing its first and last
/// `plateauExclusion` fraction of duration (default 10 %: the nucleation peak and the tail), i.e.
/// (1/Δt)∫|V|dt by the trapezoidal rule — time-weighted because EC-Lab and others sample on voltage
/// change, so points crowd where V moves. `peak` is the largest |V| of the whole half cycle.
/// *Hysteresis* of a cycle is V̄_strip − V̄_plate with signed plateau means, i.e. the sum of the two
/// plateau magnitudes (the total voltage gap).
///
/// **Failure.** Half cycles are grouped by current (2 significant digits); a group's stable value is
/// the median plateau of its half cycles `stableSkip+1 … stableSkip+stableCount` (all of them when the
/// group has fewer than `stableSkip + 4`), so a rate test's steps each have their own reference. Then,
/// for `failurePersistence` consecutive half cycles:
/// divergence = plateau > `divergenceFactor` × stable (or any |V| > `divergenceVoltage` with the
/// plateau above 2 × stable, at once);
/// soft short = plateau < `shortFactor` × stable (the voltage collapses to an ohmic near-zero value);
/// noise = the plateau's detrended relative standard deviation > `noiseThreshold` (erratic voltage).
/// The failure time is the start of the first half cycle of the first run that meets a criterion;
/// cycle life counts complete cycles before it. Separately, the *hysteresis rise* time is the start of
/// the first `failurePersistence` cycles whose hysteresis exceeds `hysteresisRiseFactor` × its stable
/// value (the study's "hysteresis rises markedly after ~200 h").
public struct SymmetricCellAnalysis: CellAnalysis {
    public struct Half: Sendable {
        public var half: HalfCycle
        /// +1 stripping, −1 plating.
        public var isPlating: Bool { half.direction < 0 }
        /// Plateau mean of |V|. - Units: V.
        public var plateau: Double
        /// Largest |V|. - Units: V.
        public var peak: Double
        /// Detrended relative standard deviation of |V| on the plateau (dimensionless).
        public var roughness: Double
        /// Signed plateau mean (negative when plating). - Units: V.
        public var signedPlateau: Double
    }

    public struct Cycle: Sendable {
        public var index: Int
        public var plating: Half?
        public var stripping: Half?
        /// V̄_strip − V̄_plate. - Units: V.
        public var hysteresis: Double?
        /// Current density. - Units: A m⁻².
        public var currentDensity: Double?
        /// Areal capacity of the plating (or the only) half. - Units: Ah m⁻².
        public var arealCapacity: Double?
        public var startTime: Double
        /// The file starts inside this cycle (its first record already counts charge): its first half
        /// cycle is cut short, so its plateau and hysteresis describe part of it.
        public var partial = false
    }

    public enum FailureMode: String, Sendable { case none, softShort = "soft_short", divergence, noise }

    public struct RateStep: Sendable {
        /// Current density. - Units: A m⁻² (or A when no area: `currentDensity` nil).
        public var currentDensity: Double?
        public var current: Double
        public var meanOverpotential: Double
        public var halfCycles: Int
    }

    public let halves: [Half]
    public let cycles: [Cycle]
    public let stableOverpotential: Double?
    public let stableHysteresis: Double?
    public let failureMode: FailureMode
    /// - Units: s.
    public let failureTime: Double?
    public let failureHalfIndex: Int?
    public let cycleLife: Int
    /// - Units: s.
    public let hysteresisRiseTime: Double?
    public let rateSteps: [RateStep]
    public let warnings: [String]

    public init(recording: Recording, halfCycles: [HalfCycle], options: CyclingOptions, area: Double?) {
        var warnings: [String] = []
        let source = options.windowHours.map { HalfCycleSegmentation.windows(halfCycles, of: recording, hours: $0) } ?? halfCycles
        let halves = source.map { SymmetricCellAnalysis.measure($0, recording, exclusion: options.plateauExclusion) }
        self.halves = halves

        // Cycles: consecutive plating/stripping pairs in time order (either may come first).
        var cycles: [Cycle] = []
        var i = 0
        while i < halves.count {
            var plating: Half?, stripping: Half?
            let first = halves[i]
            if first.isPlating { plating = first } else { stripping = first }
            if i + 1 < halves.count, halves[i + 1].isPlating != first.isPlating {
                if halves[i + 1].isPlating { plating = halves[i + 1] } else { stripping = halves[i + 1] }
                i += 2
            } else {
                i += 1
            }
            var hysteresis: Double?
            if let p = plating, let s = stripping { hysteresis = s.signedPlateau - p.signedPlateau }
            let current = [plating, stripping].compactMap { $0?.half.meanCurrent }
            let meanCurrent = current.isEmpty ? nil : current.reduce(0, +) / Double(current.count)
            let capacity = (plating ?? stripping).map(\.half.capacity)
            cycles.append(Cycle(index: cycles.count + 1, plating: plating, stripping: stripping, hysteresis: hysteresis,
                                currentDensity: area.flatMap { a in meanCurrent.map { $0 / a } },
                                arealCapacity: area.flatMap { a in capacity.map { $0 / a } },
                                startTime: first.half.startTime))
        }
        // The same rule as the full cell's and Li‖Cu's: a first record that already counts charge means the
        // file starts inside cycle 1.
        let firstCount = max(recording.chargeCapacity?.first ?? 0, recording.dischargeCapacity?.first ?? 0)
        if firstCount > 0, !cycles.isEmpty {
            cycles[0].partial = true
            warnings.append(String(format: "the file starts inside cycle 1 (the first record already counts %.6g mAh): that cycle is partial",
                                   firstCount * Units.kilo))
        }
        self.cycles = cycles
        if area == nil { warnings.append("no electrode area (--area-cm2): current densities and areal capacities are null") }

        // Stable values and failure. Overpotential scales with current density, so each half cycle is
        // compared with the stable value of the half cycles at its own current (2 significant digits):
        // a rate test's rising steps are not a divergence.
        let plateaus = halves.map(\.plateau)
        var groups: [Double: [Int]] = [:]
        for (index, half) in halves.enumerated() {
            groups[SymmetricCellAnalysis.significant(half.half.meanCurrent, digits: 2), default: []].append(index)
        }
        var reference = [Double](repeating: .nan, count: halves.count)
        var firstCounted = [Int](repeating: 0, count: halves.count)
        for (_, members) in groups {
            let window = SymmetricCellAnalysis.window(count: members.count, skip: options.stableSkip, take: options.stableCount)
            guard !window.isEmpty else { continue }
            let value = Statistics.median(window.map { plateaus[members[$0]] })
            for m in members { reference[m] = value; firstCounted[m] = members[window.lowerBound] }
        }
        let firstGroup = halves.first.map { SymmetricCellAnalysis.significant($0.half.meanCurrent, digits: 2) }
        let stable = firstGroup.flatMap { groups[$0] }.map { reference[$0[0]] }
        self.stableOverpotential = stable
        var mode = FailureMode.none
        var failureIndex: Int?
        if let stable, stable > 0 {
            let k = options.failurePersistence
            func firstRun(_ test: (Int, Half) -> Bool) -> Int? {
                var run = 0
                for (index, half) in halves.enumerated() {
                    guard index >= firstCounted[index], reference[index] > 0 else { run = 0; continue }
                    run = test(index, half) ? run + 1 : 0
                    if run >= k { return index - k + 1 }
                }
                return nil
            }
            let absolute = halves.indices.first { halves[$0].peak > options.divergenceVoltage && halves[$0].plateau > 2 * reference[$0] }
            let diverging = [firstRun { i, h in h.plateau > options.divergenceFactor * reference[i] }, absolute].compactMap { $0 }.min()
            let shorted = firstRun { i, h in h.plateau < options.shortFactor * reference[i] }
            let noisy = firstRun { _, h in h.roughness > options.noiseThreshold }
            let candidates: [(FailureMode, Int)] = [(.divergence, diverging), (.softShort, shorted), (.noise, noisy)]
                .compactMap { mode, index in index.map { (mode, $0) } }
            if let earliest = candidates.min(by: { $0.1 < $1.1 }) {
                mode = earliest.0
                failureIndex = earliest.1
            }
        } else if !halves.isEmpty {
            warnings.append("too few half cycles for a stable overpotential: failure detection skipped")
        }
        self.failureMode = mode
        self.failureHalfIndex = failureIndex
        self.failureTime = failureIndex.map { halves[$0].half.startTime }
        if let failureTime {
            self.cycleLife = cycles.filter { c in
                c.plating != nil && c.stripping != nil
                    && max(c.plating!.half.endTime, c.stripping!.half.endTime) <= failureTime
            }.count
        } else {
            self.cycleLife = cycles.filter { $0.plating != nil && $0.stripping != nil }.count
        }

        // Hysteresis rise.
        let hysteresisValues = cycles.compactMap(\.hysteresis)
        let cycleWindow = SymmetricCellAnalysis.window(count: hysteresisValues.count, skip: 1, take: options.stableCount / 2)
        let stableHysteresis = cycleWindow.isEmpty ? nil : Statistics.median(Array(hysteresisValues[cycleWindow]))
        self.stableHysteresis = stableHysteresis
        var riseTime: Double?
        if let stableHysteresis, stableHysteresis > 0 {
            var run = 0
            let withHysteresis = cycles.filter { $0.hysteresis != nil }
            for (index, cycle) in withHysteresis.enumerated() where index >= cycleWindow.lowerBound {
                run = cycle.hysteresis! > options.hysteresisRiseFactor * stableHysteresis ? run + 1 : 0
                if run >= options.failurePersistence {
                    riseTime = withHysteresis[index - run + 1].startTime
                    break
                }
            }
        }
        self.hysteresisRiseTime = riseTime

        // Rate steps: consecutive half cycles at the same current (2 significant digits) before failure.
        var steps: [RateStep] = []
        let usable = failureIndex.map { Array(halves[..<$0]) } ?? halves
        for half in usable {
            let rounded = SymmetricCellAnalysis.significant(half.half.meanCurrent, digits: 2)
            if let last = steps.last, SymmetricCellAnalysis.significant(last.current, digits: 2) == rounded {
                var updated = last
                updated.meanOverpotential = (last.meanOverpotential * Double(last.halfCycles) + half.plateau) / Double(last.halfCycles + 1)
                updated.halfCycles += 1
                steps[steps.count - 1] = updated
            } else {
                steps.append(RateStep(currentDensity: area.map { half.half.meanCurrent / $0 }, current: half.half.meanCurrent,
                                      meanOverpotential: half.plateau, halfCycles: 1))
            }
        }
        self.rateSteps = steps.count > 1 ? steps : []
        self.warnings = warnings
    }

    static func window(count: Int, skip: Int, take: Int) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let start = count > skip + 3 ? skip : 0
        return start..<min(count, start + max(take, 1))
    }

    static func significant(_ x: Double, digits: Int) -> Double {
        guard x != 0, x.isFinite else { return 0 }
        let magnitude = pow(10, floor(log10(abs(x))) - Double(digits - 1))
        return (x / magnitude).rounded() * magnitude
    }

    /// Plateau statistics of one half cycle (see the type's documentation).
    static func measure(_ half: HalfCycle, _ r: Recording, exclusion: Double) -> Half {
        let t0 = half.startTime + exclusion * half.duration
        let t1 = half.endTime - exclusion * half.duration
        var indices = half.range.filter { r.time[$0] >= t0 && r.time[$0] <= t1 }
        if indices.count < 2 { indices = Array(half.range) }
        var integral = 0.0, signedIntegral = 0.0
        for k in 1..<indices.count {
            let a = indices[k - 1], b = indices[k]
            let dt = r.time[b] - r.time[a]
            integral += 0.5 * (abs(r.voltage[a]) + abs(r.voltage[b])) * dt
            signedIntegral += 0.5 * (r.voltage[a] + r.voltage[b]) * dt
        }
        let span = r.time[indices.last!] - r.time[indices.first!]
        let values = indices.map { abs(r.voltage[$0]) }
        let plateau = span > 0 ? integral / span : Statistics.mean(values)
        let signed = span > 0 ? signedIntegral / span : Statistics.mean(indices.map { r.voltage[$0] })
        let peak = half.range.map { abs(r.voltage[$0]) }.max() ?? plateau
        // Detrended roughness: residual standard deviation of |V| about its least-squares line in time.
        var roughness = 0.0
        if values.count > 3, plateau > 0 {
            let t = indices.map { r.time[$0] }
            let tm = Statistics.mean(t), vm = Statistics.mean(values)
            var sxy = 0.0, sxx = 0.0
            for k in values.indices { sxy += (t[k] - tm) * (values[k] - vm); sxx += (t[k] - tm) * (t[k] - tm) }
            let slope = sxx > 0 ? sxy / sxx : 0
            let residuals = values.indices.map { values[$0] - (vm + slope * (t[$0] - tm)) }
            roughness = Statistics.standardDeviation(residuals) / plateau
        }
        return Half(half: half, plateau: plateau, peak: peak, roughness: roughness, signedPlateau: signed)
    }
}
