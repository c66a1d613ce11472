import Foundation
import InterphaseCore
import InterphaseData
import SpectroscopyReaders

/// What `interphase read` prints for a spectroscopy file: the format, and one row per block, region or
/// cycle with its points, x range on the file's own axis, binding-energy range (when the photon energy
/// is known) and the measurement settings.
public struct SpectroscopyFileSummary {
    public let file: SpectroscopyFile
    public let path: String

    public init(_ file: SpectroscopyFile, path: String) {
        self.file = file
        self.path = path
    }

    /// One row per spectrum; energies eV, dwell s.
    public var spectrumTable: ResultTable {
        var table = ResultTable(columns: [
            .init("index"), .init("region"), .init("group"), .init("cycle"), .init("axis"), .init("points"),
            .init("x_first", decimals: 3), .init("x_last", decimals: 3), .init("step", decimals: 4),
            .init("BE_min_eV", decimals: 3), .init("BE_max_eV", decimals: 3), .init("photon_energy_eV", decimals: 3),
            .init("pass_energy_eV", significantDigits: 4), .init("dwell_s", significantDigits: 4), .init("sweeps"), .init("intensity"),
        ])
        for (k, s) in file.spectra.enumerated() {
            let be = try? s.bindingEnergy()
            table.append([
                .integer(k + 1), .text(s.name), .text(s.metadata.group ?? ""), s.metadata.cycle.map { .integer($0) } ?? .number(nil),
                .text(s.axis.rawValue), .integer(s.count), .number(s.x.first), .number(s.x.last), .number(s.x[1] - s.x[0]),
                .number(be?.range.lowerBound), .number(be?.range.upperBound), .number(s.metadata.sourceEnergy),
                .number(s.metadata.passEnergy), .number(s.metadata.dwellTime), s.metadata.sweeps.map { .integer($0) } ?? .number(nil),
                .text(s.intensity.unit),
            ])
        }
        return table
    }

    public var json: JSONValue {
        .object([
            ("kind", .string("spectroscopy")),
            ("metadata", .object([
                ("format", .string(file.format.id)), ("format_name", .string(file.format.displayName)), ("file", .string(path)),
                ("instrument", .string(file.spectra.compactMap(\.metadata.instrument).first)),
            ])),
            ("spectra_count", .integer(file.spectra.count)),
            ("regions", .array(file.regionNames.map { .string($0) })),
            ("convention", .string("binding energy BE = hν − KE (eV); x as recorded in x_first/x_last")),
            ("warnings", .array(file.warnings.map { .string($0) })),
            ("spectra", .table(spectrumTable)),
        ])
    }

    public var text: String {
        var lines = ["format:     \(file.format.id) — \(file.format.displayName)", "kind:       spectroscopy (XPS)"]
        if let v = file.spectra.compactMap(\.metadata.instrument).first { lines.append("instrument: \(v)") }
        lines.append("file:       \(path)")
        let energies = Set(file.spectra.compactMap(\.metadata.sourceEnergy)).sorted()
        lines.append("spectra:    \(file.spectra.count) (\(file.regionNames.count) regions: \(file.regionNames.joined(separator: ", ")))")
        if !energies.isEmpty { lines.append("photon energy: " + energies.map { String(format: "%g eV", $0) }.joined(separator: ", ")) }
        for warning in file.warnings { lines.append("warning:    \(warning)") }
        return lines.joined(separator: "\n") + "\n\n" + spectrumTable.textTable().renderedText()
    }
}
