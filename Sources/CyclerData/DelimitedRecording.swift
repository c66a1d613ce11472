import Foundation
import InterphaseCore
import InstrumentIO
import InterphaseData

/// Reads a delimited table into a `Recording` by column roles: the shared path of the generic CSV,
/// Arbin CSV, EC-Lab text and Maccor readers.
enum DelimitedRecording {
    /// - Parameters:
    ///   - layout: header position, delimiter, decimal separator.
    ///   - mapping: explicit `--columns` mapping; otherwise roles come from header aliases.
    ///   - keepUnmapped: keep numeric columns with no role as auxiliary columns.
    static func read(
        _ url: URL, format: FileFormat, layout: DelimitedLayout, mapping: ColumnMapping?,
        metadata: RecordingMetadata, keepUnmapped: Bool, assumedCurrent: Double? = nil, dialect: TextDialect = .standard,
        progress: (@Sendable (Double) -> Void)?
    ) throws -> Recording {
        let text = DelimitedText(url)
        return try assemble(url, layout: layout, mapping: mapping, metadata: metadata, keepUnmapped: keepUnmapped,
                            assumedCurrent: assumedCurrent, dialect: dialect) { requests in
            try text.readColumns(layout: layout, requests: requests, keepLineNumbers: false, progress: progress)
        }
    }

    /// Resolves column roles from `layout.headers` (or `mapping`), asks `fetch` for those columns, and
    /// assembles the recording. `fetch` is the delimited-text scanner or a spreadsheet's cell table.
    static func assemble(
        _ url: URL, layout: DelimitedLayout, mapping: ColumnMapping?, metadata: RecordingMetadata, keepUnmapped: Bool,
        assumedCurrent: Double?, dialect: TextDialect = .standard, fetch: ([DelimitedText.Request]) throws -> DelimitedText.Columns
    ) throws -> Recording {
        var roleOf: [ColumnRole: (index: Int, header: ColumnHeader, unit: String?)] = [:]
        if let mapping {
            for (quantity, entry) in mapping.entries {
                guard let index = layout.headers.firstIndex(where: { $0.raw.trimmingCharacters(in: .whitespaces) == entry.column }) else {
                    throw InterphaseError(.missingColumn, "no such column in the header", file: url.path, column: entry.column,
                                          expected: "one of: " + layout.headers.map(\.raw).joined(separator: ", "))
                }
                let header = layout.headers[index]
                roleOf[role(for: quantity)] = (index, header, entry.unit ?? ColumnAliases.unit(of: header))
            }
        } else {
            for (index, header) in layout.headers.enumerated() {
                guard let role = dialect.role(of: header) else { continue }
                if let taken = roleOf[role], dialect.precedence(of: header) <= dialect.precedence(of: taken.header) { continue }
                roleOf[role] = (index, header, ColumnAliases.unit(of: header))
            }
        }
        for required in [ColumnRole.time, .voltage, .current] where roleOf[required] == nil && !(required == .current && assumedCurrent != nil) {
            let name = required == .time ? "time" : required == .voltage ? "voltage" : "current"
            throw InterphaseError(.missingColumn, "the file has no \(name) column", file: url.path, line: layout.headerLine + 1,
                                  expected: "a header such as " + (required == .time ? "Time(s)" : required == .voltage ? "Voltage(V)" : "Current(mA)")
                                      + ", or --columns \(name)=<header>")
        }
        // EC-Lab's per-point `dq` has a role but nothing uses it: keep it as an auxiliary column instead of
        // dropping it (a mapped column is not auxiliary, so it was silently lost).
        if mapping == nil { roleOf[.chargeIncrement] = nil }
        // Units must be understood: a wrong factor would silently scale every number. Time, voltage and
        // current (and any column given with --columns) are needed, so an unknown unit there is an error;
        // another column with an unknown unit (a header whose `°` was garbled into `�`) is kept as raw
        // auxiliary data with a warning instead of sinking the file.
        var scales: [ColumnRole: (factor: Double, offset: Double)] = [:]
        var unitWarnings: [String] = []
        var raw: [Int] = []
        for (role, entry) in roleOf {
            guard let scale = ColumnAliases.scale(for: role, unit: entry.unit) else {
                if mapping == nil && ![ColumnRole.time, .voltage, .current].contains(role) {
                    unitWarnings.append("column '\(entry.header.raw)': unit '\(entry.unit ?? "")' is not understood; kept as raw data, not used")
                    raw.append(entry.index)
                    roleOf[role] = nil
                    continue
                }
                throw InterphaseError(.invalidData, "unknown unit '\(entry.unit ?? "")'", file: url.path, line: layout.headerLine + 1,
                                      column: entry.header.raw, expected: "a unit such as s/min/h, V/mV, A/mA/µA, Ah/mAh, Wh/mWh, °C/K")
            }
            scales[role] = scale
        }
        let mappedIndices = Set(roleOf.values.map(\.index))
        let auxiliaryIndices = (keepUnmapped
            ? layout.headers.indices.filter { !mappedIndices.contains($0) && !layout.headers[$0].raw.isEmpty } : raw).sorted()
        var requests = roleOf.map {
            DelimitedText.Request(index: $0.value.index, text: $0.key == .state, integer: $0.key == .step || $0.key == .cycle)
        }
        requests += auxiliaryIndices.map { DelimitedText.Request(index: $0, text: false) }
        var columns = try fetch(requests)
        guard columns.rows > 0 else {
            throw InterphaseError(.emptyInput, "the table has a header but no data rows", file: url.path, line: layout.headerLine + 1)
        }
        if let bad = columns.badInteger {
            let name = roleOf.first { $0.value.index == bad.index }?.key == .cycle ? "cycle" : "step"
            throw InterphaseError(.invalidData, "\(name) index '\(bad.value)' is not an integer", file: url.path, line: bad.line, column: name)
        }
        // Each role's column is taken out of `columns` (no second reference), so scaling is in place.
        func values(_ role: ColumnRole) -> [Double]? {
            guard let entry = roleOf[role], let s = scales[role], var v = columns.numbers.removeValue(forKey: entry.index) else { return nil }
            if s.factor != 1 || s.offset != 0 { for i in v.indices { v[i] = v[i] * s.factor + s.offset } }
            return v
        }
        var time = values(.time) ?? []
        var clockStart: Date?
        // A time column holding clock times (EC-Lab's "time as date" export: `11/20/2024 11:38:41.707`)
        // parses to seconds since 1970; no test lasts 10 years, so a first value past that is a clock:
        // times are counted from the first record, which is the start.
        if let first = time.first(where: { $0.isFinite }), first > 10 * 365.25 * Units.secondsPerDay {
            clockStart = Date(timeIntervalSince1970: first)
            for i in time.indices { time[i] -= first }
        }
        let voltage = values(.voltage) ?? []
        if let entry = roleOf[.voltage] { try VoltageSanity.check(voltage, column: entry.header.raw, unit: entry.unit, file: url.path) }
        var metadata = metadata
        metadata.warnings += unitWarnings.sorted()
        if let clockStart {
            if metadata.startTime == nil { metadata.startTime = clockStart }
            metadata.warnings.append("column '\(roleOf[.time]?.header.raw ?? "time")' holds clock times; time is counted from the first record")
        }
        if let line = columns.droppedTruncatedLine {
            metadata.warnings.append("line \(line) ends before its last column (file cut off?); that row was left out")
        }
        var assembly = RecordingAssembly(
            metadata: metadata, time: time, voltage: voltage,
            current: values(.current) ?? [Double](repeating: assumedCurrent ?? .nan, count: columns.rows))
        assembly.step = values(.step)
        assembly.cycle = values(.cycle)
        assembly.stepIndices = roleOf[.step].flatMap { columns.integers[$0.index] }
        assembly.cycleIndices = roleOf[.cycle].flatMap { columns.integers[$0.index] }
        // Maccor's Cyc# counts from 0 in every export: shift it always, not only when the file happens to
        // contain cycle 0 (an excerpt starting at Cyc# 37 is cycle 38, as in the full file).
        if let cycle = roleOf[.cycle], cycle.header.key == "cyc#" { assembly.cycleOffset = 1 }
        assembly.halfCycle = values(.halfCycle)
        assembly.chargeCapacity = values(.chargeCapacity)
        assembly.dischargeCapacity = values(.dischargeCapacity)
        assembly.capacity = values(.capacity)
        assembly.chargeEnergy = values(.chargeEnergy)
        assembly.dischargeEnergy = values(.dischargeEnergy)
        assembly.energy = values(.energy)
        assembly.netCapacity = values(.netCapacity)
        assembly.netEnergy = values(.netEnergy)
        if !dialect.states.isEmpty { assembly.stateKinds = dialect.states }
        assembly.temperature = values(.temperature)
        if let state = roleOf[.state] {
            assembly.stateLabels = columns.labels[state.index]
            assembly.stateCodes = columns.labelCodes[state.index]
        }
        // Line numbers for errors (a missing time, voltage or current; a step or cycle that is not an
        // integer): rows follow the header one per line, so row i is on line firstDataLine + i — exact for
        // files without blank lines inside the table, which is every format read here.
        assembly.firstLine = max(columns.firstDataLine, 1)
        assembly.auxiliary = auxiliaryIndices.compactMap { index in
            guard let v = columns.numbers[index], v.contains(where: { $0.isFinite }) else { return nil }
            let header = layout.headers[index]
            return ColumnQuantities.column(name: header.raw, unit: header.unit ?? "", values: v)
        }
        // A table whose steps column is entirely empty (BEEP's Arbin CSV) has no steps: infer from current.
        if let s = assembly.step, !s.contains(where: { $0.isFinite }) { assembly.step = nil }
        if let entry = roleOf[.time] {
            // The steps as the file gives them, compared in place (no copy of a 10 M-row column).
            var stepChanges: ((Int) -> Bool)?
            if let steps = assembly.stepIndices, steps.count == time.count {
                stepChanges = { steps[$0] != steps[$0 - 1] }
            } else if let steps = assembly.step, steps.count == time.count {
                stepChanges = { steps[$0] != steps[$0 - 1] }
            }
            try stepTimeCheck(time, stepChanges: stepChanges, column: entry.header.raw, headers: layout.headers,
                              file: url.path, firstLine: assembly.firstLine)
        }
        return try assembly.build()
    }

    /// A time column that starts again from (near) zero at every step change is a step time (Neware's
    /// `Time`, Arbin's `Step_Time`), not the test's time: say so and name the columns that may hold the
    /// test's time, instead of the generic "time goes backwards".
    /// - Parameter stepChanges: whether row i starts a new step (row i − 1 is in another); nil without steps.
    static func stepTimeCheck(_ time: [Double], stepChanges: ((Int) -> Bool)?, column: String, headers: [ColumnHeader],
                              file: String, firstLine: Int) throws {
        guard let stepChanges, time.count > 1 else { return }
        var resets = 0, first: Int?
        for i in 1..<time.count where time[i] < time[i - 1] {
            guard stepChanges(i) else { return } // goes back inside a step: not this case
            resets += 1
            if first == nil { first = i }
        }
        guard resets > 0, let first else { return }
        let candidates = headers.map(\.raw).filter { $0 != column && $0.lowercased().contains("time") && !$0.lowercased().contains("date") }
        throw InterphaseError(
            .invalidData,
            "column '\(column)' restarts at every step change (\(resets) times): it is a step time, not the test's time",
            file: file, line: firstLine + first, column: column,
            expected: candidates.isEmpty ? "a column with the test's total time, given with --columns time=<header>"
                : "the test's time: --columns time=<one of: \(candidates.joined(separator: ", "))>")
    }

    static func role(for quantity: ColumnMapping.Quantity) -> ColumnRole {
        switch quantity {
        case .time: return .time
        case .voltage: return .voltage
        case .current: return .current
        case .step: return .step
        case .cycle: return .cycle
        case .chargeCapacity: return .chargeCapacity
        case .dischargeCapacity: return .dischargeCapacity
        case .capacity: return .capacity
        case .chargeEnergy: return .chargeEnergy
        case .dischargeEnergy: return .dischargeEnergy
        case .temperature: return .temperature
        }
    }
}
