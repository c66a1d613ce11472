import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// What a text column means, decided from its header name (aliases across instruments) or `--columns`.
enum ColumnRole: Hashable {
    case time, voltage, current, step, cycle
    case chargeCapacity, dischargeCapacity, capacity
    case chargeEnergy, dischargeEnergy, energy
    /// A signed running counter over the whole test, rising on charge and falling on discharge (Novonix
    /// `Capacity (Ah)`, Basytec `Ah[Ah]`): each step's charge or discharge is its change over the step.
    case netCapacity, netEnergy
    case temperature
    /// A letter/word state column (Maccor `State`/`Md`, Neware `Status`, EC-Lab `mode`).
    case state
    /// EC-Lab `half cycle`: cycle = half / 2 + 1.
    case halfCycle
    /// EC-Lab per-point charge increment `dq/mA.h`.
    case chargeIncrement
}

enum ColumnAliases {
    /// Normalised base names (see `ColumnHeader.key`) and the role each means. Sources: the column names of
    /// Arbin (MITS Pro CSV/XLSX, BEEP CSV), BioLogic EC-Lab text, Maccor text, Neware and LAND exports, and
    /// common hand-made CSV headers.
    static let table: [String: ColumnRole] = [
        "time": .time, "testtime": .time, "totaltime": .time, "elapsedtime": .time, "t": .time, "times": .time,
        "test(sec)": .time, "relativetime": .time, "runtime": .time, "realtime": .time,
        "voltage": .voltage, "volts": .voltage, "ewe": .voltage, "ecell": .voltage, "potential": .voltage,
        "cellvoltage": .voltage, "u": .voltage, "v": .voltage, "voltagev": .voltage,
        "current": .current, "amps": .current, "i": .current, "cellcurrent": .current, "mamps": .current,
        "step": .step, "stepindex": .step, "stepnumber": .step, "ns": .step, "stepid": .step, "stepno": .step,
        "cycle": .cycle, "cycleindex": .cycle, "cyclenumber": .cycle, "cyc#": .cycle, "cyclec": .cycle,
        "cycleid": .cycle, "cycleno": .cycle,
        "chargecapacity": .chargeCapacity, "chgcapacity": .chargeCapacity, "capacitycharge": .chargeCapacity,
        "dischargecapacity": .dischargeCapacity, "dchgcapacity": .dischargeCapacity,
        "capacitydischarge": .dischargeCapacity,
        "capacity": .capacity, "amphr": .capacity, "cap": .capacity, "ah": .capacity, "mamphr": .capacity,
        "chargeenergy": .chargeEnergy, "dischargeenergy": .dischargeEnergy,
        "energy": .energy, "watthr": .energy, "ener": .energy, "mwatthr": .energy,
        "cumulativetime": .time, "cumtime": .time,
        "temperature": .temperature, "temp": .temperature, "t1": .temperature,
        "state": .state, "md": .state, "status": .state, "mode": .state, "stepstate": .state, "steptype": .state,
        "stepkind": .state,
        "halfcycle": .halfCycle,
        "dq": .chargeIncrement,
    ]

    /// Units the column *name* states (Maccor `Amps`, `Amp-hr`, `Watt-hr` and their milli forms `mAmps`,
    /// `mAmp-hr`, `mWatt-hr`), used when the header has no unit of its own.
    static let impliedUnits: [String: String] = [
        "amps": "A", "mamps": "mA", "amphr": "Ah", "mamphr": "mAh", "watthr": "Wh", "mwatthr": "mWh",
    ]

    /// The unit of a header: the one it states, else the one its name implies, else nil (the default).
    static func unit(of header: ColumnHeader) -> String? { header.unit ?? impliedUnits[header.key] }

    /// Among several headers of one role, the one to use: a test's total time over a step's time (Neware
    /// CSV has both `Time` — per step — and `Cumulative Time`); otherwise the first.
    static func precedence(_ header: ColumnHeader) -> Int {
        ["cumulativetime", "cumtime", "totaltime", "testtime"].contains(header.key) ? 1 : 0
    }

    static func role(of header: ColumnHeader) -> ColumnRole? {
        let key = header.key
        // "Step (Sec)", "Cycle Time(h)" are times, not indices; "Test (Sec)" (Maccor) is the test time.
        if let unit = header.unit, scale(for: .time, unit: unit) != nil, !unit.isEmpty {
            if key == "test" { return .time }
            if let role = table[key], role == .step || role == .cycle { return nil }
        }
        return table[key]
    }

    /// The dimension of a role's values (nil for indices and labels, which have no unit).
    static func dimension(of role: ColumnRole) -> PhysicalDimension? {
        switch role {
        case .time: return .time
        case .voltage: return .voltage
        case .current: return .current
        case .chargeCapacity, .dischargeCapacity, .capacity, .netCapacity, .chargeIncrement: return .charge
        case .chargeEnergy, .dischargeEnergy, .energy, .netEnergy: return .energy
        case .temperature: return .temperature
        case .step, .cycle, .state, .halfCycle: return nil
        }
    }

    /// Factor and offset converting a value in `unit` to the model's unit for a role (s, V, A, A·h, W·h,
    /// K: `PhysicalUnit.table`), or nil when the unit is not one of the role's dimension. A missing unit
    /// means the instrument's default: s, V, A, Ah, Wh, °C.
    static func scale(for role: ColumnRole, unit: String?) -> (factor: Double, offset: Double)? {
        guard let dimension = dimension(of: role) else { return (1, 0) }
        let written = (unit ?? "").trimmingCharacters(in: .whitespaces)
        // A duration format as the unit (Neware "Relative Time(h:min:s.ms)", "Time(hh:mm:ss)"): the
        // values are durations, which the parser turns into seconds.
        if dimension == .time && written.contains(":") { return (1, 0) }
        // Cycler exports without a temperature unit write °C.
        if dimension == .temperature && written.isEmpty { return (1, Units.zeroCelsius) }
        guard let parsed = PhysicalUnit.parse(written, as: dimension) else { return nil }
        return (parsed.factor, parsed.offset)
    }
}

extension StepKind {
    /// Maps an instrument's state word or letter to a step kind (Maccor R/C/D/O/S/E, Neware CC_Chg…,
    /// LAND R/C_CC/D_CC/RateC…, Arbin "CC_Chg"/"Rest"); nil when unknown.
    static func parse(_ label: String) -> StepKind? {
        let s = label.trimmingCharacters(in: .whitespaces).lowercased()
        switch s {
        case "r", "rest", "pause", "o", "ocv", "open circuit": return .rest
        case "c", "d", "cc_chg", "cc_dchg", "cc chg", "cc dchg", "c_cc", "d_cc", "ratec", "rated", "c_crate", "d_crate",
             "charge", "discharge", "cc", "galvanostatic":
            return .constantCurrent
        case "cv_chg", "cv_dchg", "cv", "c_cv", "d_cv", "potentiostatic": return .constantVoltage
        case "cccv_chg", "cccv_dchg", "cccv", "c_cccv", "d_cccv": return .constantCurrentConstantVoltage
        case "eis", "peis", "geis", "impedance", "fra", "f": return .impedance
        default: return nil
        }
    }

    /// Sign a state label implies for unsigned currents (+1 charge, −1 discharge, 0 unknown).
    static func impliedSign(_ label: String) -> Double {
        let s = label.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "d" || s.hasPrefix("d_") || s.contains("dchg") || s.hasPrefix("disch") || s == "rated" { return -1 }
        if s == "c" || s.hasPrefix("c_") || s.contains("chg") || s.hasPrefix("charge") || s == "ratec" { return 1 }
        return 0
    }
}

extension DelimitedText {
    /// The header of a cycler table: with a mapping, the first line naming every mapped column; without,
    /// the first line whose names include a time and a voltage alias (any line at `headerHint`).
    func detectLayout(mapping: ColumnMapping?, headerHint: Int? = nil) throws -> DelimitedLayout {
        if let mapping {
            return try detectLayout(headerHint: headerHint, accepts: { fields in
                let names = Set(fields.map { $0.raw.trimmingCharacters(in: .whitespaces) })
                return mapping.entries.values.allSatisfy { names.contains($0.column) }
            }, notFound: InterphaseError(
                .missingColumn,
                "no header line names all the columns given to --columns (\(mapping.entries.values.map(\.column).sorted().joined(separator: ", ")))",
                file: path, expected: "column names exactly as in the file's header"))
        }
        return try detectLayout(headerHint: headerHint, accepts: { fields in
            let roles = Set(fields.compactMap(ColumnAliases.role))
            return headerHint != nil || (roles.contains(.time) && roles.contains(.voltage))
        }, notFound: InterphaseError(.missingColumn, "no header line with a time and a voltage column in the first 300 lines",
                                     file: path, expected: "headers such as Time(s), Voltage/V, Current(mA), or --columns"))
    }
}
