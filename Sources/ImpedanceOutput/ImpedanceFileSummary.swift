import Foundation
import ImpedanceReaders
import InterphaseCore
import InterphaseData

/// What `interphase read` prints for an impedance file: what it is (format, technique, instrument),
/// and each sweep with its points, frequency range, Z′ range and start time.
public struct ImpedanceFileSummary {
    public let file: ImpedanceFile
    public let path: String

    public init(_ file: ImpedanceFile, path: String) {
        self.file = file
        self.path = path
    }

    /// One row per sweep; Hz, Ω, s.
    public var sweepTable: ResultTable {
        var table = ResultTable(columns: [
            .init("sweep"), .init("points"), .init("f_max_Hz", significantDigits: 5), .init("f_min_Hz", significantDigits: 5),
            .init("Zre_min_ohm", significantDigits: 5), .init("Zre_max_ohm", significantDigits: 5),
            .init("minus_Zim_max_ohm", significantDigits: 5), .init("start_time_s", decimals: 1),
        ])
        for s in file.spectra {
            table.append([
                .integer(s.loop), .integer(s.count), .number(s.frequency.max()), .number(s.frequency.min()), .number(s.real.min()),
                .number(s.real.max()), .number(s.imaginary.map { -$0 }.max()), .number(s.time?.first),
            ])
        }
        return table
    }

    public var json: JSONValue {
        let m = file.metadata
        return .object([
            ("kind", .string("impedance spectrum")),
            ("metadata", .object([
                ("format", .string(file.format.id)), ("format_name", .string(file.format.displayName)), ("file", .string(path)),
                ("instrument", .string(m.instrument)), ("technique", .string(m.technique)), ("started", .string(m.started)),
                ("amplitude", .string(m.amplitude)),
                ("electrode_area_cm2", .number(m.electrodeArea.map { $0 * Units.squareCentimetresPerSquareMetre })),
            ])),
            ("sweeps", .integer(file.spectra.count)),
            ("points", .integer(file.pointCount)),
            ("convention", .string("Z = Z′ + i Z″, Z″ < 0 for a capacitive arc; frequency Hz, impedance Ω")),
            ("warnings", .array(file.warnings.map { .string($0) })),
            ("spectra", .table(sweepTable)),
        ])
    }

    public var text: String {
        let m = file.metadata
        var lines = ["format:     \(file.format.id) — \(file.format.displayName)", "kind:       impedance spectrum"]
        if let v = m.technique { lines.append("technique:  \(v)") }
        if let v = m.instrument { lines.append("instrument: \(v)") }
        lines.append("file:       \(path)")
        if let v = m.started { lines.append("started:    \(v)") }
        let f = file.spectra.flatMap(\.frequency)
        if let lo = f.min(), let hi = f.max() {
            lines.append("sweeps:     \(file.spectra.count); points: \(file.pointCount); " + String(format: "%.4g Hz – %.4g Hz", hi, lo))
        }
        for warning in file.warnings { lines.append("warning:    \(warning)") }
        return lines.joined(separator: "\n") + "\n\n" + sweepTable.textTable().renderedText()
    }
}
