import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// SPECS Prodigy / SpecsLab `.xy` export: `#` comment lines carry the export settings (`Energy Axis`,
/// `Count Rate`), then per region a header (`# Group:`, `# Region:`, `# Excitation Energy:`, `# Pass
/// Energy:`, `# Dwell Time:`), then one curve per cycle (`# Cycle: n, Curve: m`, `# ColumnLabels:`) of
/// numeric rows (energy, intensity, and transmission when exported).
///
/// Each curve becomes one `Spectrum`; only the first cycle of a region carries the region header, so the
/// region's name and settings are carried to its later cycles (`metadata.cycle` says which). A curve
/// whose first column is `index` (a fixed-energy alignment scan) has the `.channel` axis.
enum SPECSXYReader {
    static func sniff(_ probe: FileProbe) -> Bool {
        let head = probe.prefixText.prefix(2000)
        return head.hasPrefix("# Created by:") && head.contains("SpecsLab") || head.contains("# XY-Serializer Export Settings:")
    }

    private struct Region {
        var group: String?, name: String?, fields: [String: String] = [:]
    }

    private struct Curve {
        var region: Region, cycle: Int?, line: Int
        var labels: [String] = []
        var rows: [[Double]] = []
    }

    static func read(_ url: URL, format: FileFormat, options: SpectroscopyReadOptions) throws -> SpectroscopyFile {
        let path = url.path
        let lines = SpectrumTextLines.lines(Latin1.string(try InstrumentFile.bytes(of: url)))
        var settings: [String: String] = [:]
        var group: String?
        var region = Region()
        var inRegionHeader = false
        var curves: [Curve] = []
        var current: Curve?
        for (n, line) in lines.enumerated() {
            if line.hasPrefix("#") {
                let body = line.dropFirst()
                guard let (key, value) = SpectrumTextLines.keyValue(body, separator: ":") else { continue }
                switch key {
                case "Group": group = value
                case "Region":
                    if let c = current { curves.append(c); current = nil }
                    region = Region(group: group, name: value)
                    inRegionHeader = true
                case "Cycle":
                    // "Cycle: 0, Curve: 0" starts a curve; a bare "Cycle: 0" only announces the cycle.
                    inRegionHeader = false
                    let parts = value.split(separator: ",")
                    if parts.count >= 2, parts[1].trimmingCharacters(in: .whitespaces).hasPrefix("Curve") {
                        if let c = current { curves.append(c) }
                        current = Curve(region: region, cycle: Int(parts[0].trimmingCharacters(in: .whitespaces)), line: n + 1)
                    }
                case "ColumnLabels":
                    current?.labels = value.split(separator: " ").map(String.init)
                default:
                    if inRegionHeader { region.fields[key] = value } else if current == nil, curves.isEmpty { settings[key] = value }
                }
                continue
            }
            guard let values = SpectrumTextLines.numbers(line) else {
                guard line.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw InterphaseError(.malformed, "expected numbers, found \"\(line.prefix(60))\"", file: path, line: n + 1)
                }
                continue
            }
            guard current != nil else {
                throw InterphaseError(.malformed, "numbers before the first '# Cycle: n, Curve: m' line", file: path, line: n + 1)
            }
            guard values.count >= 2 else {
                throw InterphaseError(.malformed, "one number on a data line; expected energy and intensity", file: path, line: n + 1)
            }
            current?.rows.append(values)
        }
        if let c = current { curves.append(c) }
        guard !curves.isEmpty else { throw InterphaseError(.emptyInput, "no curves ('# Cycle: n, Curve: m')", file: path) }

        let energyAxis: SpectrumAxis = (settings["Energy Axis"] ?? "").lowercased().contains("kinetic") ? .kineticEnergy : .bindingEnergy
        let perSecond = (settings["Count Rate"] ?? "").lowercased().contains("per second")
        var spectra: [Spectrum] = []
        var warnings: [String] = []
        for curve in curves {
            let f = curve.region.fields
            let name = curve.region.name ?? "region"
            guard !curve.rows.isEmpty else {
                warnings.append("line \(curve.line): region '\(name)' cycle \(curve.cycle ?? 0) has no points; skipped")
                continue
            }
            let width = curve.rows.map(\.count).min() ?? 2
            let column: (Int) -> [Double] = { j in curve.rows.map { $0[j] } }
            let axis: SpectrumAxis = curve.labels.first == "index" ? .channel : energyAxis
            var extra: [String: [Double]] = [:]
            for j in 2..<max(2, width) { extra[j < curve.labels.count ? curve.labels[j] : "column \(j + 1)"] = column(j) }
            let metadata = SpectrumMetadata(
                region: name, group: curve.region.group, instrument: f["Analyzer"], sourceLabel: f["Source"],
                sourceEnergy: options.photonEnergy ?? f["Excitation Energy"].flatMap(Double.init),
                passEnergy: f["Pass Energy"].flatMap(Double.init), dwellTime: f["Dwell Time"].flatMap(Double.init),
                sweeps: nil, cycle: curve.cycle, acquired: f["Acquisition Date"], technique: f["Analysis Method"])
            do {
                spectra.append(try Spectrum(x: column(0), y: column(1), axis: axis, intensity: perSecond ? .countsPerSecond : .counts,
                                            columns: extra, metadata: metadata, source: path))
            } catch var error as InterphaseError {
                error.message += " (cycle \(curve.cycle ?? 0), curve from line \(curve.line))"
                throw error
            }
        }
        return SpectroscopyFile(format: format, spectra: spectra, warnings: warnings)
    }
}
