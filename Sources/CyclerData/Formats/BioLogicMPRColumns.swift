import Foundation

/// Storage type of one `.mpr` data column, as laid out in each little-endian record.
enum MPRStorage: Sendable {
    case uint8, uint16, uint32, float32, float64

    /// Width in bytes.
    var size: Int {
        switch self {
        case .uint8: return 1
        case .uint16: return 2
        case .uint32, .float32: return 4
        case .float64: return 8
        }
    }
}

/// Name (with EC-Lab's unit suffix, e.g. `Ewe/V`) and storage type of one column ID.
struct MPRColumn: Sendable {
    let name: String
    let storage: MPRStorage
    init(_ name: String, _ storage: MPRStorage) {
        self.name = name
        self.storage = storage
    }
}

/// The `.mpr` column-ID table.
///
/// BioLogic publishes no specification of the `VMP data` module. The IDs, names and storage types here are
/// those decoded by galvani 0.5.0 (`galvani/BioLogic.py`, `VMPdata_colID_dtype_map` and
/// `VMPdata_colID_flag_map`, GPL-3.0, © Christopher Kerr and contributors), the de-facto reference that the
/// wider community has reverse-engineered over a decade of EC-Lab versions. Only facts (numbers, names,
/// widths) are taken; an ID absent here makes the reader throw rather than guess a width, because one wrong
/// width would misalign every following column.
///
/// Names are kept exactly as galvani spells them, so tests can match galvani's columns one to one.
/// Several IDs share a name (EC-Lab renumbered columns between versions, e.g. 211/467 `Q charge/discharge`);
/// a name repeated within one file gets a ` 2`, ` 3` … suffix, as galvani does.
enum BioLogicMPRColumns {
    /// Column IDs whose values are bit fields packed together into **one** byte per record. The byte sits
    /// where the first flag ID appears in the ID list; later flag IDs add no bytes. Value = (name, mask).
    /// `mode` (mask 0x03): 1 = galvanostatic, 2 = potentiostatic, 3 = rest/OCV (galvani's reading).
    static let flags: [UInt16: (name: String, mask: UInt8)] = [
        1: ("mode", 0x03),
        2: ("ox/red", 0x04),
        3: ("error", 0x08),
        21: ("control changes", 0x10),
        31: ("Ns changes", 0x20),
        65: ("counter inc.", 0x80),
    ]

    /// Column ID → name and storage type, for every non-flag ID galvani 0.5.0 knows.
    static let columns: [UInt16: MPRColumn] = [
        4: MPRColumn("time/s", .float64),
        5: MPRColumn("control/V/mA", .float32),
        6: MPRColumn("Ewe/V", .float32),
        7: MPRColumn("dq/mA.h", .float64),
        8: MPRColumn("I/mA", .float32),
        9: MPRColumn("Ece/V", .float32),
        11: MPRColumn("<I>/mA", .float64),
        13: MPRColumn("(Q-Qo)/mA.h", .float64),
        16: MPRColumn("Analog IN 1/V", .float32),
        17: MPRColumn("Analog IN 2/V", .float32),
        19: MPRColumn("control/V", .float32),
        20: MPRColumn("control/mA", .float32),
        23: MPRColumn("dQ/mA.h", .float64),
        24: MPRColumn("cycle number", .float64),
        26: MPRColumn("Rapp/Ohm", .float32),
        27: MPRColumn("Ewe-Ece/V", .float32),
        32: MPRColumn("freq/Hz", .float32),
        33: MPRColumn("|Ewe|/V", .float32),
        34: MPRColumn("|I|/A", .float32),
        35: MPRColumn("Phase(Z)/deg", .float32),
        36: MPRColumn("|Z|/Ohm", .float32),
        37: MPRColumn("Re(Z)/Ohm", .float32),
        38: MPRColumn("-Im(Z)/Ohm", .float32),
        39: MPRColumn("I Range", .uint16),
        69: MPRColumn("R/Ohm", .float32),
        70: MPRColumn("P/W", .float32),
        74: MPRColumn("|Energy|/W.h", .float64),
        75: MPRColumn("Analog OUT/V", .float32),
        76: MPRColumn("<I>/mA", .float32),
        77: MPRColumn("<Ewe>/V", .float32),
        78: MPRColumn("Cs-2/µF-2", .float32),
        96: MPRColumn("|Ece|/V", .float32),
        98: MPRColumn("Phase(Zce)/deg", .float32),
        99: MPRColumn("|Zce|/Ohm", .float32),
        100: MPRColumn("Re(Zce)/Ohm", .float32),
        101: MPRColumn("-Im(Zce)/Ohm", .float32),
        123: MPRColumn("Energy charge/W.h", .float64),
        124: MPRColumn("Energy discharge/W.h", .float64),
        125: MPRColumn("Capacitance charge/µF", .float64),
        126: MPRColumn("Capacitance discharge/µF", .float64),
        131: MPRColumn("Ns", .uint16),
        163: MPRColumn("|Estack|/V", .float32),
        168: MPRColumn("Rcmp/Ohm", .float32),
        169: MPRColumn("Cs/µF", .float32),
        172: MPRColumn("Cp/µF", .float32),
        173: MPRColumn("Cp-2/µF-2", .float32),
        174: MPRColumn("<Ewe>/V", .float32),
        178: MPRColumn("(Q-Qo)/C", .float32),
        179: MPRColumn("dQ/C", .float32),
        211: MPRColumn("Q charge/discharge/mA.h", .float64),
        212: MPRColumn("half cycle", .uint32),
        213: MPRColumn("z cycle", .uint32),
        217: MPRColumn("THD Ewe/%", .float32),
        218: MPRColumn("THD I/%", .float32),
        220: MPRColumn("NSD Ewe/%", .float32),
        221: MPRColumn("NSD I/%", .float32),
        223: MPRColumn("NSR Ewe/%", .float32),
        224: MPRColumn("NSR I/%", .float32),
        230: MPRColumn("|Ewe h2|/V", .float32),
        231: MPRColumn("|Ewe h3|/V", .float32),
        232: MPRColumn("|Ewe h4|/V", .float32),
        233: MPRColumn("|Ewe h5|/V", .float32),
        234: MPRColumn("|Ewe h6|/V", .float32),
        235: MPRColumn("|Ewe h7|/V", .float32),
        236: MPRColumn("|I h2|/A", .float32),
        237: MPRColumn("|I h3|/A", .float32),
        238: MPRColumn("|I h4|/A", .float32),
        239: MPRColumn("|I h5|/A", .float32),
        240: MPRColumn("|I h6|/A", .float32),
        241: MPRColumn("|I h7|/A", .float32),
        242: MPRColumn("|E2|/V", .float32),
        271: MPRColumn("Phase(Z1) / deg", .float32),
        272: MPRColumn("Phase(Z2) / deg", .float32),
        301: MPRColumn("|Z1|/Ohm", .float32),
        302: MPRColumn("|Z2|/Ohm", .float32),
        331: MPRColumn("Re(Z1)/Ohm", .float32),
        332: MPRColumn("Re(Z2)/Ohm", .float32),
        361: MPRColumn("-Im(Z1)/Ohm", .float32),
        362: MPRColumn("-Im(Z2)/Ohm", .float32),
        391: MPRColumn("<E1>/V", .float32),
        392: MPRColumn("<E2>/V", .float32),
        422: MPRColumn("Phase(Zstack)/deg", .float32),
        423: MPRColumn("|Zstack|/Ohm", .float32),
        424: MPRColumn("Re(Zstack)/Ohm", .float32),
        425: MPRColumn("-Im(Zstack)/Ohm", .float32),
        426: MPRColumn("<Estack>/V", .float32),
        430: MPRColumn("Phase(Zwe-ce)/deg", .float32),
        431: MPRColumn("|Zwe-ce|/Ohm", .float32),
        432: MPRColumn("Re(Zwe-ce)/Ohm", .float32),
        433: MPRColumn("-Im(Zwe-ce)/Ohm", .float32),
        434: MPRColumn("(Q-Qo)/C", .float32),
        435: MPRColumn("dQ/C", .float32),
        438: MPRColumn("step time/s", .float64),
        441: MPRColumn("<Ecv>/V", .float32),
        462: MPRColumn("Temperature/°C", .float32),
        467: MPRColumn("Q charge/discharge/mA.h", .float64),
        468: MPRColumn("half cycle", .uint32),
        469: MPRColumn("z cycle", .uint32),
        471: MPRColumn("<Ece>/V", .float32),
        473: MPRColumn("THD Ewe/%", .float32),
        474: MPRColumn("THD I/%", .float32),
        476: MPRColumn("NSD Ewe/%", .float32),
        477: MPRColumn("NSD I/%", .float32),
        479: MPRColumn("NSR Ewe/%", .float32),
        480: MPRColumn("NSR I/%", .float32),
        486: MPRColumn("|Ewe h2|/V", .float32),
        487: MPRColumn("|Ewe h3|/V", .float32),
        488: MPRColumn("|Ewe h4|/V", .float32),
        489: MPRColumn("|Ewe h5|/V", .float32),
        490: MPRColumn("|Ewe h6|/V", .float32),
        491: MPRColumn("|Ewe h7|/V", .float32),
        492: MPRColumn("|I h2|/A", .float32),
        493: MPRColumn("|I h3|/A", .float32),
        494: MPRColumn("|I h4|/A", .float32),
        495: MPRColumn("|I h5|/A", .float32),
        496: MPRColumn("|I h6|/A", .float32),
        497: MPRColumn("|I h7|/A", .float32),
        498: MPRColumn("Q charge/mA.h", .float64),
        499: MPRColumn("Q discharge/mA.h", .float64),
        500: MPRColumn("step time/s", .float64),
        501: MPRColumn("Efficiency/%", .float64),
        502: MPRColumn("Capacity/mA.h", .float64),
        505: MPRColumn("Rdc/Ohm", .float32),
        509: MPRColumn("Acir/Dcir Control", .uint8),
    ]
}
