import InterphaseCore

/// A unit as a file states it, with its dimension and the conversion to the dimension's reference unit
/// (`PhysicalDimension`): value_ref = value × `factor` + `offset`.
///
/// Units are looked up in one table (`PhysicalUnit.table`), not by ad-hoc string tests in readers. The
/// text is matched exactly first (so `mHz` and `MHz`, `mΩ` and `MΩ` stay apart), then in a normalised
/// form that cycler exports need: case-insensitive, blanks trimmed, `µ`/`μ` as `u`, and `·`, `*` and `.`
/// dropped (`mA.h`, `W·h`, `A*h`).
public struct PhysicalUnit: Sendable, Hashable, CustomStringConvertible {
    /// The unit as written in the file (shown in outputs unchanged), e.g. `Ohm`, `mA`, `°C`.
    public let symbol: String
    public let dimension: PhysicalDimension
    /// Multiplier to the reference unit.
    public let factor: Double
    /// Added after the multiplication (°C → K: 273.15). - Units: the reference unit.
    public let offset: Double

    public init(symbol: String, dimension: PhysicalDimension, factor: Double = 1, offset: Double = 0) {
        self.symbol = symbol
        self.dimension = dimension
        self.factor = factor
        self.offset = offset
    }

    public var description: String { symbol }

    /// True when the table knows the unit (or it is the empty unit of a counter).
    public var isKnown: Bool { dimension != .unknown }

    /// `value` in the reference unit of `dimension`.
    @inlinable public func toReference(_ value: Double) -> Double { value * factor + offset }

    /// The unit of a dimension's reference, written as `symbol`.
    public static func reference(_ dimension: PhysicalDimension, symbol: String) -> PhysicalUnit {
        PhysicalUnit(symbol: symbol, dimension: dimension)
    }

    public static let seconds = PhysicalUnit(symbol: "s", dimension: .time)
    public static let volts = PhysicalUnit(symbol: "V", dimension: .voltage)
    public static let amperes = PhysicalUnit(symbol: "A", dimension: .current)
    public static let ampereHours = PhysicalUnit(symbol: "Ah", dimension: .charge)
    public static let wattHours = PhysicalUnit(symbol: "Wh", dimension: .energy)
    public static let kelvin = PhysicalUnit(symbol: "K", dimension: .temperature)
    public static let ohms = PhysicalUnit(symbol: "Ohm", dimension: .resistance)
    public static let hertz = PhysicalUnit(symbol: "Hz", dimension: .frequency)
    /// No unit (counters, indices).
    public static let none = PhysicalUnit(symbol: "", dimension: .none)

    /// A unit the table does not know, kept as written.
    public static func unknown(_ symbol: String) -> PhysicalUnit { PhysicalUnit(symbol: symbol, dimension: .unknown) }

    /// The unit written as `text`, of any dimension; `text` empty gives `.none`, a unit not in the table
    /// `.unknown(text)`. Never fails: a column with a garbled unit stays readable as raw data.
    public static func parse(_ text: String) -> PhysicalUnit {
        let trimmed = text.trimmingBlanks
        if trimmed.isEmpty { return PhysicalUnit(symbol: text, dimension: .none) }
        if let entry = exactEntry(trimmed, dimension: nil) ?? normalisedEntry(trimmed, dimension: nil) {
            return PhysicalUnit(symbol: text, dimension: entry.dimension, factor: entry.factor, offset: entry.offset)
        }
        return .unknown(text)
    }

    /// The unit written as `text` read as a unit of `dimension`, or nil when it is not one. An empty
    /// `text` is the reference unit (the instrument default when a header states no unit).
    public static func parse(_ text: String?, as dimension: PhysicalDimension) -> PhysicalUnit? {
        let written = text ?? ""
        let trimmed = written.trimmingBlanks
        if trimmed.isEmpty { return PhysicalUnit(symbol: written, dimension: dimension) }
        guard let entry = exactEntry(trimmed, dimension: dimension) ?? normalisedEntry(trimmed, dimension: dimension) else { return nil }
        return PhysicalUnit(symbol: written, dimension: entry.dimension, factor: entry.factor, offset: entry.offset)
    }

    /// One row of the unit table.
    public struct Entry: Sendable {
        /// Spellings, matched exactly (case included) and then normalised.
        public let symbols: [String]
        public let dimension: PhysicalDimension
        public let factor: Double
        public let offset: Double

        init(_ symbols: [String], _ dimension: PhysicalDimension, _ factor: Double, offset: Double = 0) {
            self.symbols = symbols
            self.dimension = dimension
            self.factor = factor
            self.offset = offset
        }
    }

    /// Every unit Interphase understands, with its spellings in instrument exports. Rows whose
    /// normalised spellings coincide (`mHz`/`MHz`) are told apart by the exact match; a normalised
    /// spelling shared by two dimensions (`C`: coulomb or degree Celsius) needs the dimension.
    public static let table: [Entry] = [
        Entry(["s", "sec", "seconds"], .time, 1),
        Entry(["ms"], .time, Units.milli),
        Entry(["us", "µs"], .time, Units.micro),
        Entry(["min"], .time, Units.secondsPerMinute),
        Entry(["h", "hr", "hours"], .time, Units.secondsPerHour),
        Entry(["V"], .voltage, 1),
        Entry(["mV"], .voltage, Units.milli),
        Entry(["uV", "µV"], .voltage, Units.micro),
        Entry(["A"], .current, 1),
        Entry(["mA"], .current, Units.milli),
        Entry(["uA", "µA"], .current, Units.micro),
        Entry(["nA"], .current, Units.nano),
        Entry(["Ah", "A h"], .charge, 1),
        Entry(["mAh"], .charge, Units.milli),
        Entry(["uAh", "µAh"], .charge, Units.micro),
        Entry(["C", "As"], .charge, 1.0 / Units.secondsPerHour),
        Entry(["Wh"], .energy, 1),
        Entry(["mWh"], .energy, Units.milli),
        Entry(["uWh", "µWh"], .energy, Units.micro),
        Entry(["J", "Ws"], .energy, 1.0 / Units.secondsPerHour),
        Entry(["W"], .power, 1),
        Entry(["mW"], .power, Units.milli),
        Entry(["uW", "µW"], .power, Units.micro),
        Entry(["°C", "C", "degC", "ºC"], .temperature, 1, offset: Units.zeroCelsius),
        Entry(["K"], .temperature, 1),
        Entry(["Ohm", "ohm", "Ohms", "Ω", "\u{2126}"], .resistance, 1),
        Entry(["mOhm", "mΩ"], .resistance, Units.milli),
        Entry(["kOhm", "kΩ"], .resistance, Units.kilo),
        Entry(["MOhm", "MΩ"], .resistance, Units.mega),
        Entry(["F"], .capacitance, 1),
        Entry(["mF"], .capacitance, Units.milli),
        Entry(["uF", "µF"], .capacitance, Units.micro),
        Entry(["nF"], .capacitance, Units.nano),
        Entry(["Hz"], .frequency, 1),
        Entry(["mHz"], .frequency, Units.milli),
        Entry(["kHz"], .frequency, Units.kilo),
        Entry(["MHz"], .frequency, Units.mega),
        Entry(["deg", "°"], .angle, Double.pi / 180),
        Entry(["rad"], .angle, 1),
        Entry(["%"], .ratio, 0.01),
    ]

    /// Exact spelling → row, and normalised spelling → rows (in table order).
    private static let exactIndex: [String: [Int]] = index { $0 }
    private static let normalisedIndex: [String: [Int]] = index(normalise)

    private static func index(_ key: (String) -> String) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (k, entry) in table.enumerated() {
            for symbol in entry.symbols where result[key(symbol)]?.contains(k) != true { result[key(symbol), default: []].append(k) }
        }
        return result
    }

    private static func exactEntry(_ text: String, dimension: PhysicalDimension?) -> Entry? {
        exactIndex[text].flatMap { pick($0, dimension) }
    }

    private static func normalisedEntry(_ text: String, dimension: PhysicalDimension?) -> Entry? {
        normalisedIndex[normalise(text)].flatMap { pick($0, dimension) }
    }

    /// The row of `dimension` among `rows`; without a dimension, the first row (table order puts the
    /// more common reading first: `C` is a coulomb count before a sloppy °C).
    private static func pick(_ rows: [Int], _ dimension: PhysicalDimension?) -> Entry? {
        guard let dimension else { return rows.first.map { table[$0] } }
        return rows.lazy.map { table[$0] }.first { $0.dimension == dimension }
    }

    /// Case-insensitive, micro signs as `u`, without `·`, `*`, `.` and surrounding blanks.
    static func normalise(_ text: String) -> String {
        var out = ""
        for scalar in text.trimmingBlanks.lowercased().unicodeScalars {
            switch scalar {
            case "µ", "μ": out.unicodeScalars.append("u")
            case "·", "*", ".": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{A0}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{A0}" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
