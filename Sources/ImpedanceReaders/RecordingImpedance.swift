import Foundation
import CyclerData
import InterphaseCore
import InterphaseData

/// Impedance sweeps taken from a `Recording` whose auxiliary columns carry an impedance by quantity
/// (`.frequency`, `.realImpedance`, `.negativeImaginaryImpedance`): EC-Lab PEIS/GEIS files, read once
/// by the cycler readers' `.mpr`/`.mpt` decoders (galvani's layout) rather than parsed a second time.
/// The sweep is EC-Lab's `cycle number`; time, potential (`<Ewe>`) and current (`<I>`) are the
/// recording's own columns, already SI.
public enum RecordingImpedance {
    /// True when `recording` holds an impedance measurement.
    public static func holdsImpedance(_ recording: Recording) -> Bool {
        let aux = recording.auxiliary
        return aux.first(measuring: .frequency) != nil && aux.first(measuring: .realImpedance) != nil
            && aux.first(measuring: .negativeImaginaryImpedance) != nil
    }

    /// The sweeps of `recording`.
    /// - Throws: `.missingColumn` naming the technique's columns when the recording has no impedance
    ///   (a GCPL `.mpr` given to `interphase eis`).
    public static func file(from recording: Recording, format: FileFormat, options: ImpedanceReadOptions = ImpedanceReadOptions()) throws -> ImpedanceFile {
        let path = recording.metadata.sourceFile ?? recording.metadata.provenance.label
        let aux = recording.auxiliary
        guard let f = aux.first(measuring: .frequency), let re = aux.first(measuring: .realImpedance),
              let negIm = aux.first(measuring: .negativeImaginaryImpedance) else {
            let kinds = Set(recording.stepKind.map(\.description)).sorted().joined(separator: ", ")
            throw InterphaseError(.missingColumn, "the file holds no impedance spectrum (steps: \(kinds); columns: \(aux.map(\.name).joined(separator: ", ")))",
                                  file: path, expected: "a PEIS or GEIS technique with freq/Hz, Re(Z)/Ohm and -Im(Z)/Ohm")
        }
        func si(_ column: AuxiliaryColumn) -> [Double] { column.values.map { column.unit.toReference($0) } }
        let loop = aux.first { $0.name.lowercased() == "cycle number" }.map(\.values) ?? recording.cycleIndex.map(Double.init)
        let table = ImpedanceTable(
            names: ["freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm", "time/s", "Ewe/V", "I/A", "cycle number"],
            columns: [si(f), si(re), si(negIm), recording.time, recording.voltage, recording.current, loop],
            lines: nil, warnings: recording.metadata.warnings)
        var metadata = ImpedanceFile.Metadata(instrument: recording.metadata.instrument, electrodeArea: recording.metadata.electrodeArea)
        if let start = recording.metadata.startTime { metadata.started = ISO8601DateFormatter().string(from: start) }
        // EC-Lab's header names the technique in words (`.mpt`); the `.mpr` settings hold only its number.
        metadata.technique = recording.metadata.header.first { $0.key.lowercased().contains("technique") && Int($0.value) == nil }?.value
            ?? "impedance (EC-Lab \(format == .biologicMPR ? ".mpr" : ".mpt"))"
        return try table.file(format: format, path: path, options: options, metadata: metadata)
    }
}
