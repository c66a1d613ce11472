import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Scienta Omicron SES text export: INI-like sections per region — `[Region n]` (name, dimension
/// name and scale), `[Info n]` (`Pass Energy`, `Number of Sweeps`, `Excitation Energy`, `Energy Scale`,
/// `Step Time` in ms, `Instrument`) and `[Data n]` of "energy intensity" rows.
///
/// The energy scale is binding when `Energy Scale=Binding` (or the dimension is named "Binding Energy"),
/// kinetic otherwise. One `Spectrum` per region; with several slices (`Number of Slices` > 1, one column
/// each) the intensity is their sum.
enum ScientaTextReader {
    static func sniff(_ probe: FileProbe) -> Bool {
        let text = probe.prefixText.prefix(4000)
        return text.hasPrefix("[Info]") && text.contains("[Region 1]") && text.contains("Region Name=")
    }

    static func read(_ url: URL, format: FileFormat, options: SpectroscopyReadOptions) throws -> SpectroscopyFile {
        let path = url.path
        let lines = SpectrumTextLines.lines(Latin1.string(try InstrumentFile.bytes(of: url)))
        var fields: [String: [String: String]] = [:]  // region number → key → value
        var data: [String: [(Int, [Double])]] = [:]
        var section = "", number = ""
        for (n, line) in lines.enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("["), t.hasSuffix("]") {
                let name = t.dropFirst().dropLast()
                let words = name.split(separator: " ")
                number = words.count > 1 && Int(words.last!) != nil ? String(words.last!) : ""
                section = words.count > 1 && !number.isEmpty ? words.dropLast().joined(separator: " ") : String(name)
                continue
            }
            if t.isEmpty { continue }
            if section == "Data" {
                guard let values = SpectrumTextLines.numbers(line), values.count >= 2 else {
                    throw InterphaseError(.malformed, "[Data \(number)]: expected energy and intensity, found \"\(t.prefix(60))\"", file: path, line: n + 1)
                }
                data[number, default: []].append((n + 1, values))
            } else if section == "Region" || section == "Info", let (key, value) = SpectrumTextLines.keyValue(line, separator: "=") {
                fields[number, default: [:]][key] = value
            }
        }
        var spectra: [Spectrum] = []
        for number in data.keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let rows = data[number] ?? []
            let f = fields[number] ?? [:]
            let scale = (f["Energy Scale"] ?? f["Dimension 1 name"] ?? "").lowercased()
            let axis: SpectrumAxis = scale.contains("binding") ? .bindingEnergy : .kineticEnergy
            let metadata = SpectrumMetadata(
                region: f["Region Name"], group: f["Sample"], instrument: f["Instrument"], sourceLabel: nil,
                sourceEnergy: options.photonEnergy ?? f["Excitation Energy"].flatMap(Double.init),
                passEnergy: f["Pass Energy"].flatMap(Double.init), dwellTime: f["Step Time"].flatMap(Double.init).map { $0 * Units.milli },
                sweeps: f["Number of Sweeps"].flatMap(Int.init), acquired: [f["Date"], f["Time"]].compactMap { $0 }.joined(separator: " "),
                technique: nil)
            // A multi-slice (angle-resolved) region has one intensity column per slice: their sum is the spectrum.
            spectra.append(try Spectrum(x: rows.map { $0.1[0] }, y: rows.map { $0.1.dropFirst().reduce(0, +) }, axis: axis, intensity: .counts,
                                        metadata: metadata, source: path))
        }
        guard !spectra.isEmpty else { throw InterphaseError(.emptyInput, "no [Data n] section", file: path) }
        return SpectroscopyFile(format: format, spectra: spectra)
    }
}
