import Foundation

/// What a text column means, decided from its header name (aliases across instruments) or `--columns`.
enum ColumnRole: Hashable {
    case time, voltage, current, step, cycle
    case chargeCapacity, dischargeCapacity, capacity
    case chargeEnergy, dischargeEnergy, energy
    case temperature
    /// A letter/word state column (Maccor `State`/`Md`, Neware `Status`, EC-Lab `mode`).
    case state
    /// EC-Lab `half cycle`: cycle = half / 2 + 1.
    case halfCycle
    /// EC-Lab per-point charge increment `dq/mA.h`.
    case chargeIncrement
}

/// A header split into a base name and a unit: `Current(mA)`, `Current [A]`, `I/mA`, `Test_Time(s)`, and
/// snake-case names ending in a unit, `current_A`, `charge_capacity_mAh` (Interphase's own CSV).
struct ColumnHeader {
    /// Units recognised after a final underscore (others, e.g. `Test_Time`, stay part of the name).
    static let suffixUnits: Set<String> = ["s", "ms", "min", "h", "V", "mV", "A", "mA", "uA", "µA", "nA", "Ah", "mAh", "uAh",
                                           "µAh", "Wh", "mWh", "K", "degC", "°C"]

    var raw: String
    var base: String
    var unit: String?

    init(_ raw: String) {
        self.raw = raw
        var name = raw.trimmingCharacters(in: .whitespaces)
        var unit: String?
        if name.hasSuffix(")") || name.hasSuffix("]"), let open = name.lastIndex(where: { $0 == "(" || $0 == "[" }) {
            unit = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
            name = String(name[..<open])
        } else if let slash = name.firstIndex(of: "/"), !name.hasPrefix("dV/dt"), !name.lowercased().hasPrefix("dv/dt") {
            unit = String(name[name.index(after: slash)...])
            name = String(name[..<slash])
        } else if let underscore = name.lastIndex(of: "_"), underscore != name.startIndex,
                  ColumnHeader.suffixUnits.contains(String(name[name.index(after: underscore)...])) {
            unit = String(name[name.index(after: underscore)...])
            name = String(name[..<underscore])
        }
        self.base = name
        self.unit = unit
    }

    /// Lower-cased base with spaces, underscores, dashes, dots and angle brackets removed.
    var key: String {
        String(base.lowercased().unicodeScalars.filter { !" _-.<>|".unicodeScalars.contains($0) })
    }
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
        "current": .current, "amps": .current, "i": .current, "cellcurrent": .current,
        "step": .step, "stepindex": .step, "stepnumber": .step, "ns": .step, "stepid": .step, "stepno": .step,
        "cycle": .cycle, "cycleindex": .cycle, "cyclenumber": .cycle, "cyc#": .cycle, "cyclec": .cycle,
        "cycleid": .cycle, "cycleno": .cycle,
        "chargecapacity": .chargeCapacity, "chgcapacity": .chargeCapacity, "capacitycharge": .chargeCapacity,
        "dischargecapacity": .dischargeCapacity, "dchgcapacity": .dischargeCapacity,
        "capacitydischarge": .dischargeCapacity,
        "capacity": .capacity, "amphr": .capacity, "cap": .capacity, "ah": .capacity,
        "chargeenergy": .chargeEnergy, "dischargeenergy": .dischargeEnergy,
        "energy": .energy, "watthr": .energy, "ener": .energy,
        "temperature": .temperature, "temp": .temperature, "t1": .temperature,
        "state": .state, "md": .state, "status": .state, "mode": .state, "stepstate": .state, "steptype": .state,
        "stepkind": .state,
        "halfcycle": .halfCycle,
        "dq": .chargeIncrement,
    ]

    static func role(of header: ColumnHeader) -> ColumnRole? {
        let key = header.key
        // "Step (Sec)", "Cycle Time(h)" are times, not indices; "Test (Sec)" (Maccor) is the test time.
        if let unit = header.unit, scale(for: .time, unit: unit) != nil, !unit.isEmpty {
            if key == "test" { return .time }
            if let role = table[key], role == .step || role == .cycle { return nil }
        }
        return table[key]
    }

    /// Factor converting a value in `unit` to SI for a role, or nil when the unit is not understood.
    /// A missing unit means the instrument's default: s, V, A, Ah, Wh, °C.
    static func scale(for role: ColumnRole, unit: String?) -> (factor: Double, offset: Double)? {
        let u = (unit ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "µ", with: "u").replacingOccurrences(of: "μ", with: "u")
            .replacingOccurrences(of: "·", with: "").replacingOccurrences(of: "*", with: "")
            .replacingOccurrences(of: ".", with: "")
        switch role {
        case .time:
            // A duration format as the unit (Neware "Relative Time(h:min:s.ms)", "Time(hh:mm:ss)"): the
            // values are durations, which the parser turns into seconds. It used to be an unknown unit.
            if u.contains(":") { return (1, 0) }
            switch u {
            case "", "s", "sec", "seconds": return (1, 0)
            case "ms": return (1e-3, 0)
            case "min": return (60, 0)
            case "h", "hr", "hours": return (3600, 0)
            default: return nil
            }
        case .voltage:
            switch u {
            case "", "v": return (1, 0)
            case "mv": return (1e-3, 0)
            default: return nil
            }
        case .current:
            switch u {
            case "", "a": return (1, 0)
            case "ma": return (1e-3, 0)
            case "ua": return (1e-6, 0)
            case "na": return (1e-9, 0)
            default: return nil
            }
        case .chargeCapacity, .dischargeCapacity, .capacity, .chargeIncrement:
            switch u {
            case "", "ah", "a h": return (1, 0)
            case "mah", "mah ": return (1e-3, 0)
            case "uah": return (1e-6, 0)
            case "c", "as": return (1.0 / 3600, 0)
            default: return nil
            }
        case .chargeEnergy, .dischargeEnergy, .energy:
            switch u {
            case "", "wh": return (1, 0)
            case "mwh": return (1e-3, 0)
            case "uwh": return (1e-6, 0)
            case "j", "ws": return (1.0 / 3600, 0)
            default: return nil
            }
        case .temperature:
            switch u {
            case "", "c", "°c", "degc", "ºc": return (1, 273.15)
            case "k": return (1, 0)
            default: return nil
            }
        case .step, .cycle, .state, .halfCycle:
            return (1, 0)
        }
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
