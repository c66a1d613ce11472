import InstrumentIO
import InterphaseData

/// What one instrument's text export means by its column names and state labels where that differs from
/// the shared aliases (`ColumnAliases`): data, one value per format, read by `DelimitedRecording`.
///
/// Example: Basytec writes a `State` column that is not a step state but a record marker (0 start,
/// 1 regular, 2 end of step, 3 first record) and names the step's action in `Command`; its program line
/// `Line` is the step. Novonix's `Capacity (Ah)` is a running net counter, not a per-step one.
struct TextDialect: Sendable {
    /// Header keys (`ColumnHeader.key`) whose role differs from the shared table; `ColumnRole?.none` means the
    /// column has no role here (it is kept as auxiliary data).
    var roles: [String: ColumnRole?] = [:]
    /// Among several headers of one role, higher wins (`ColumnAliases.precedence` otherwise).
    var precedence: [String: Int] = [:]
    /// State labels of this instrument and the step kind each means (case-insensitive, trimmed); labels
    /// not listed fall back to `StepKind.parse`.
    var states: [String: StepKind] = [:]

    /// The shared aliases, unchanged.
    static let standard = TextDialect()

    func role(of header: ColumnHeader) -> ColumnRole? {
        if let override = roles[header.key] { return override }
        return ColumnAliases.role(of: header)
    }

    func precedence(of header: ColumnHeader) -> Int {
        precedence[header.key] ?? ColumnAliases.precedence(header)
    }

    /// Basytec result files (`~`-comment preamble; tab-separated): `Line` is the program line (the step),
    /// `Cyc-Count` the cycle, `Command` the action (Pause, Charge, Discharge, …), `Ah-Step`/`Wh-Step` the
    /// per-step counters (signed), `Ah[Ah]`/`Wh[Wh]` the running net ones; `State` is a record marker and
    /// `Count` a loop counter, neither a state.
    static let basytec = TextDialect(
        roles: ["line": .step, "cyccount": .cycle, "command": .state, "state": ColumnRole?.none, "count": ColumnRole?.none,
                "ahstep": .capacity, "ah": .netCapacity, "whstep": .energy, "wh": .netEnergy,
                "dataset": ColumnRole?.none],
        precedence: [:],
        states: ["pause": .rest, "charge": .constantCurrent, "discharge": .constantCurrent, "cccv charge": .constantCurrentConstantVoltage,
                 "cccv discharge": .constantCurrentConstantVoltage, "cv charge": .constantVoltage, "cv discharge": .constantVoltage,
                 "stop": .rest, "start": .rest])

    /// Novonix exports (`[Summary] … [Data]`): `Capacity (Ah)` and `Energy (Wh)` are running net counters;
    /// the test time is `Run Time (h)` (`Step Time (h)` restarts each step). In the HPC software's files
    /// `Step Number` holds the step *type* code; the UHPC software writes the type in `Step Type` and the
    /// step's index in `Step Number`. Type codes (Novonix HPC manual, as preparenovonix reads them):
    /// 0 open circuit, 1 CC charge, 2 CC discharge, 7/9 the CC part of a CC-CV charge/discharge, 8/10 its CV part.
    static let novonix = TextDialect(
        roles: ["capacity": .netCapacity, "energy": .netEnergy, "steptime": ColumnRole?.none, "runtime": .time,
                "steptype": .state, "circuittemperature": ColumnRole?.none],
        precedence: [:],
        states: ["0": .rest, "1": .constantCurrent, "2": .constantCurrent, "7": .constantCurrent, "8": .constantVoltage,
                 "9": .constantCurrent, "10": .constantVoltage])
}
