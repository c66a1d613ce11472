import Foundation
import InterphaseCore
import InstrumentIO
import InterphaseData

/// Turns columns found by role (in file units) into a normalised `Recording`: SI units, signed current,
/// 1-based steps and cycles, per-step capacity counters, step kinds. Shared by every text and
/// spreadsheet reader so each instrument's quirks are stated once, as options.
struct RecordingAssembly {
    var metadata: RecordingMetadata
    var time: [Double]
    var voltage: [Double]
    var current: [Double]
    var step: [Double]?
    var cycle: [Double]?
    /// Step and cycle indices already converted (the text fast path); they take precedence over `step`
    /// and `cycle`, and are given only when the column had a value.
    var stepIndices: [Int32]?
    var cycleIndices: [Int32]?
    var halfCycle: [Double]?
    var chargeCapacity: [Double]?
    var dischargeCapacity: [Double]?
    /// One unsigned capacity column (Maccor `Amp-hr`, LAND `Capacity`), split by current sign.
    var capacity: [Double]?
    var chargeEnergy: [Double]?
    var dischargeEnergy: [Double]?
    var energy: [Double]?
    /// Signed running counters over the test (Novonix `Capacity`, Basytec `Ah[Ah]`): used when the file has
    /// no per-step or per-cycle ones.
    var netCapacity: [Double]?
    var netEnergy: [Double]?
    var temperature: [Double]?
    /// Per-row state labels (Maccor `State`, Neware `Status`, EC-Lab `mode` digits).
    var stateLabels: [String]?
    var stateCodes: [UInt16]?
    /// The instrument's own state labels (lower-cased) and their kinds, before `StepKind.parse`.
    var stateKinds: [String: StepKind] = [:]
    var auxiliary: [AuxiliaryColumn] = []
    /// Line numbers of rows for error messages (optional).
    var lineNumbers: [Int32] = []
    /// The label for `lineNumbers` in errors.
    var lineLabel = "line"
    /// Line (or record) of the first row, for rows beyond `lineNumbers`: row i is at `firstLine + i`.
    var firstLine = 1
    /// Added to every cycle number when the instrument's count is known to start at 0 (Maccor `Cyc#`);
    /// nil means: shift by 1 only if the file's cycles start at 0.
    var cycleOffset: Int32?

    /// Builds and validates the recording.
    /// Consumes the assembly's columns: counters are re-based in place (a 10 M-row file saves 160 MB
    /// of fresh memory, whose zeroing by the kernel was the largest single cost after parsing).
    mutating func build() throws -> Recording {
        let n = time.count
        let file = metadata.sourceFile
        // Locals for the work that runs on both cores (closures must not capture a mutating self).
        let rowLines = lineNumbers, firstRowLine = firstLine
        let stepColumn = step, halfCycleColumn = halfCycle, offset = cycleOffset
        // Taken out of self, so the cycle shift below changes the array in place.
        let givenSteps = stepIndices
        var givenCycles = cycleIndices
        stepIndices = nil
        cycleIndices = nil
        var chargeValues = chargeCapacity, dischargeValues = dischargeCapacity
        chargeCapacity = nil
        dischargeCapacity = nil
        let location = { @Sendable (i: Int) -> Int in i < rowLines.count ? Int(rowLines[i]) : firstRowLine + i }
        // One pass over the three columns; the first bad row is reported (time, then voltage, then current).
        if let i = RecordingAssembly.firstNonFinite(time, voltage, current) {
            if !time[i].isFinite {
                throw InterphaseError(.invalidData, "time is empty or not a number", file: file, line: location(i),
                                      lineLabel: lineLabel, column: "time", expected: "a number of seconds or a duration such as 1d 02:03:04")
            }
            throw InterphaseError(.invalidData, "\(voltage[i].isFinite ? "current" : "voltage") is empty or not a number", file: file,
                                  line: location(i), lineLabel: lineLabel, column: voltage[i].isFinite ? "current" : "voltage")
        }
        var current = current
        // Unsigned currents with a state column (Maccor raw exports): sign from the state letter.
        var kinds: [StepKind]?
        if let stateLabels, let stateCodes {
            let signs = stateLabels.map(StepKind.impliedSign)
            let unsigned = !current.contains { $0 < 0 }
            if unsigned && signs.contains(-1) {
                for i in 0..<n { let s = signs[Int(stateCodes[i])]; if s < 0 { current[i] = -current[i] } }
            }
            let table = stateKinds
            let mapped = stateLabels.map { label -> StepKind? in
                if let kind = table[label.trimmingCharacters(in: .whitespaces).lowercased()] { return kind }
                // EC-Lab numeric mode: 1 galvanostatic, 2 potentiostatic, 3 rest (galvani's flag table).
                switch label { case "1": return .constantCurrent; case "2": return .constantVoltage; case "3": return .rest
                default: return StepKind.parse(label) }
            }
            if mapped.contains(where: { $0 != nil }) {
                kinds = (0..<n).map { mapped[Int(stateCodes[$0])] ?? (current[$0] == 0 ? .rest : .other) }
            }
        }
        // Large recordings: the independent column conversions run on both cores, in two rounds (the
        // per-step counters need the steps). Each closure returns its column; errors come back through
        // `triple` (steps' first, then cycles'), not through a shared variable.
        let cycleColumn = cycle.flatMap { c in c.contains(where: { $0.isFinite }) ? c : nil }
        let currentValues = current, givenKinds = kinds
        // The shift to 1-based made below, so outputs can show the file's own cycle labels.
        let zeroBased = givenCycles.map { $0.min() == 0 } ?? cycleColumn.map { $0.lazy.filter(\.isFinite).min() == 0 } ?? false
        let labelOffset: Int32 = givenCycles == nil && cycleColumn == nil ? 0 : (offset ?? (zeroBased ? 1 : 0))
        let cyclesGiven = Parallel.Handoff(givenCycles)
        givenCycles = nil
        let (steps, cycles, kindsFinal) = try Parallel.triple(parallel: n > 100_000, {
            try givenSteps ?? stepColumn.map {
                try RecordingAssembly.integers($0, name: "step", file: file, location: location)
            } ?? Recording.stepsFromCurrent(currentValues)
        }, {
            var cycles: [Int32]
            var given = cyclesGiven.take()
            if given != nil {
                cycles = given.take()! // moved out, so the shift below is in place
            } else if let cycleColumn {
                cycles = try RecordingAssembly.integers(cycleColumn, name: "cycle", file: file, location: location)
            } else if let halfCycleColumn {
                return try RecordingAssembly.integers(halfCycleColumn, name: "half cycle", file: file, location: location).map { $0 / 2 + 1 }
            } else {
                return LargeArray.filled(Int32(1), count: n)
            }
            // Instruments counting from 0 (Maccor Cyc#, EC-Lab cycle number in some techniques) shift to 1-based.
            if let offset {
                for i in cycles.indices { cycles[i] += offset }
            } else if let minimum = cycles.min(), minimum == 0 {
                for i in cycles.indices { cycles[i] += 1 }
            }
            return cycles
        }, {
            givenKinds ?? Recording.kindsFromCurrent(currentValues)
        })

        var qCharge: [Double]?, qDischarge: [Double]?
        var counterSource = CapacitySource.instrumentCounters
        Parallel.mutate(&chargeValues, &dischargeValues, parallel: n > 100_000,
                        { values in if values != nil { StepCounters.rebase(&values!, steps: steps) } },
                        { values in if values != nil { StepCounters.rebase(&values!, steps: steps) } })
        qCharge = chargeValues
        qDischarge = dischargeValues
        chargeValues = nil
        dischargeValues = nil
        if qCharge == nil, qDischarge == nil, let capacity {
            (qCharge, qDischarge) = StepCounters.splitBySign(StepCounters.perStep(capacity, steps: steps), current: current, steps: steps)
        }
        if qCharge == nil, qDischarge == nil, let netCapacity {
            (qCharge, qDischarge) = StepCounters.splitNet(netCapacity, steps: steps)
        }
        if qCharge == nil, qDischarge == nil {
            counterSource = .integratedCurrent
            (qCharge, qDischarge) = StepCounters.integrate(current: current, time: time, steps: steps)
        }
        var eCharge: [Double]?, eDischarge: [Double]?
        if var values = chargeEnergy { chargeEnergy = nil; StepCounters.rebase(&values, steps: steps); eCharge = values }
        if var values = dischargeEnergy { dischargeEnergy = nil; StepCounters.rebase(&values, steps: steps); eDischarge = values }
        if eCharge == nil, eDischarge == nil, let energy {
            (eCharge, eDischarge) = StepCounters.splitBySign(StepCounters.perStep(energy, steps: steps), current: current, steps: steps)
        }
        if eCharge == nil, eDischarge == nil, let netEnergy {
            (eCharge, eDischarge) = StepCounters.splitNet(netEnergy, steps: steps)
        }
        var metadata = metadata
        metadata.capacitySource = counterSource
        metadata.cycleLabelOffset = labelOffset
        let recording = Recording(
            metadata: metadata, time: time, voltage: voltage, current: current, stepIndex: steps, cycleIndex: cycles,
            stepKind: kindsFinal, chargeCapacity: qCharge, dischargeCapacity: qDischarge,
            chargeEnergy: eCharge, dischargeEnergy: eDischarge, temperature: temperature, auxiliary: auxiliary)
        try recording.validate()
        return recording
    }

    /// The first row where any of the columns is NaN or infinite.
    static func firstNonFinite(_ a: [Double], _ b: [Double], _ c: [Double]) -> Int? {
        let n = min(a.count, b.count, c.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeBufferPointer { c in
                    // Blocks of 1024 rows with a branch-free test (x − x is NaN exactly when x is not finite).
                    var start = 0
                    while start < n {
                        let stop = min(start + 1024, n)
                        var bad = 0.0
                        for i in start..<stop { bad += (a[i] - a[i]) + (b[i] - b[i]) + (c[i] - c[i]) }
                        if bad.isNaN { return (start..<stop).first { !a[$0].isFinite || !b[$0].isFinite || !c[$0].isFinite } }
                        start = stop
                    }
                    return nil
                }
            }
        }
    }

    static func integers(_ values: [Double], name: String, file: String?, location: (Int) -> Int) throws -> [Int32] {
        var bad: Int?
        let out: [Int32] = LargeArray.make(count: values.count) { out in
            var last: Int32 = 0
            for i in 0..<values.count {
                let v = values[i]
                if v.isNaN { out[i] = last; continue } // empty cell: same as the row before
                // Integral and in range: the truncated value converts back exactly (no libm rounding call).
                guard abs(v) < 2e9, Double(Int32(v)) == v else { bad = i; out.initialize(repeating: 0); return }
                last = Int32(v)
                out[i] = last
            }
        }
        if let i = bad {
            throw InterphaseError(.invalidData, "\(name) index '\(values[i])' is not an integer", file: file, line: location(i), column: name)
        }
        return out
    }

}

/// Per-step charge/energy counters (the `Recording` convention: reset to 0 at each step start, ≥ 0).
public enum StepCounters {
    /// Re-bases a counter that an instrument keeps per cycle or per test so it starts each step at 0,
    /// taking magnitudes (some instruments count discharge negative).
    /// Rule at each step start: if the counter dropped (the instrument resets it per step) it is kept as
    /// is; if it carried on, the value at the end of the previous step is subtracted. Empty cells repeat
    /// the previous value.
    public static func perStep(_ values: [Double], steps: [Int32]) -> [Double] {
        var out = values
        rebase(&out, steps: steps)
        return out
    }

    /// `perStep` in place.
    public static func rebase(_ values: inout [Double], steps: [Int32]) {
        values.withUnsafeMutableBufferPointer { v in
            var start = 0.0
            var previous = 0.0
            for i in 0..<v.count {
                let raw = v[i].isFinite ? abs(v[i]) : previous
                if i > 0 && steps[i] != steps[i - 1] {
                    start = raw < previous ? 0 : previous
                }
                v[i] = max(raw - start, 0)
                previous = raw
            }
        }
    }

    /// Per-step charge and discharge from a signed running counter (rising on charge, falling on
    /// discharge): within each step, the change since the counter's value at the end of the previous step
    /// (0 before the first record, so a file that starts inside a step keeps what its first record
    /// already counted); the step's net change decides which of the two it is. Empty cells repeat the
    /// previous value.
    public static func splitNet(_ values: [Double], steps: [Int32]) -> ([Double], [Double]) {
        let n = values.count
        var charge = [Double](repeating: 0, count: n)
        var discharge = [Double](repeating: 0, count: n)
        var base = 0.0
        var previous = 0.0
        var i = 0
        while i < n {
            var j = i
            var last = previous
            while j < n && steps[j] == steps[i] { if values[j].isFinite { last = values[j] }; j += 1 }
            let rising = last >= base
            var running = previous
            for k in i..<j {
                if values[k].isFinite { running = values[k] }
                if rising { charge[k] = max(running - base, 0) } else { discharge[k] = max(base - running, 0) }
            }
            base = last
            previous = last
            i = j
        }
        return (charge, discharge)
    }

    /// Splits one unsigned per-step counter into charge and discharge by the step's current sign.
    public static func splitBySign(_ values: [Double], current: [Double], steps: [Int32]) -> ([Double], [Double]) {
        var charge = [Double](repeating: 0, count: values.count)
        var discharge = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < values.count {
            var j = i
            var net = 0.0
            while j < values.count && steps[j] == steps[i] { net += current[j]; j += 1 }
            for k in i..<j {
                if net > 0 { charge[k] = values[k] } else if net < 0 { discharge[k] = values[k] }
            }
            i = j
        }
        return (charge, discharge)
    }

    /// Counters from the current by trapezoidal integration within each step, for files without
    /// capacity columns. Positive current adds to charge, negative to discharge. - Units: Ah.
    public static func integrate(current: [Double], time: [Double], steps: [Int32]) -> ([Double], [Double]) {
        let n = current.count
        var charge = [Double](repeating: 0, count: n)
        var discharge = [Double](repeating: 0, count: n)
        guard n > 1 else { return (charge, discharge) }
        for i in 1..<n {
            if steps[i] != steps[i - 1] { continue }
            let dq = 0.5 * (current[i] + current[i - 1]) * (time[i] - time[i - 1]) / Units.secondsPerHour
            charge[i] = charge[i - 1] + max(dq, 0)
            discharge[i] = discharge[i - 1] + max(-dq, 0)
        }
        return (charge, discharge)
    }
}
