import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// CasaXPS "export to text" (tab-separated): per block a title line (`Cycle 3:Ni:Survey`), a line
/// `<tab>Characteristic Energy eV<tab>1.486610e+003<tab>Acquisition Time s<tab>…`, the component rows
/// (`Name`, `Position`, `FWHM`, `Area`, `Lineshape`), a column header (`K.E.`, `Counts`, …, `B.E.`,
/// `CPS`, then any component, background and envelope columns) and numeric rows.
///
/// Each block becomes one binding-energy `Spectrum` of the `Counts` column (the `B.E.` column as x, as
/// CasaXPS computed it from the characteristic energy; `CPS` kept as a column); the region name is the title's last
/// `:`-separated part and the group the parts before it.
enum CasaXPSTextReader {
    static func sniff(_ probe: FileProbe) -> Bool {
        let lines = SpectrumTextLines.lines(String(probe.prefixText.prefix(4000))).prefix(12)
        return lines.contains { $0.contains("Characteristic Energy eV") } && lines.contains { $0.hasPrefix("K.E.") || $0.hasPrefix("B.E.") }
    }

    static func read(_ url: URL, format: FileFormat, options: SpectroscopyReadOptions) throws -> SpectroscopyFile {
        let path = url.path
        let lines = SpectrumTextLines.lines(Latin1.string(try InstrumentFile.bytes(of: url)))
        var spectra: [Spectrum] = []
        var i = 0
        while i < lines.count {
            guard lines[i].contains("Characteristic Energy eV") else { i += 1; continue }
            let title = i > 0 ? lines[i - 1].trimmingCharacters(in: .whitespaces) : ""
            let fields = lines[i].split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            func value(after key: String) -> Double? {
                fields.firstIndex(of: key).flatMap { $0 + 1 < fields.count ? Double(fields[$0 + 1]) : nil }
            }
            guard let headerAt = lines[(i + 1)...].firstIndex(where: { $0.hasPrefix("K.E.") || $0.hasPrefix("B.E.") }) else {
                throw InterphaseError(.malformed, "block '\(title)' has no column header (K.E./B.E.)", file: path, line: i + 1)
            }
            // Keep empty cells: the header and the rows align by tab position.
            let header = lines[headerAt].split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            // Counts when exported, else the count rate.
            guard let be = header.firstIndex(of: "B.E."), let counts = header.firstIndex(of: "Counts") ?? header.firstIndex(of: "CPS") else {
                throw InterphaseError(.missingColumn, "block '\(title)': the header lacks B.E. or Counts", file: path, line: headerAt + 1,
                                      expected: "columns K.E., Counts, B.E., CPS")
            }
            let cps = header.firstIndex(of: "CPS"), isRate = header[counts] == "CPS"
            var x: [Double] = [], y: [Double] = [], rate: [Double] = []
            var j = headerAt + 1
            while j < lines.count {
                let cells = lines[j].split(separator: "\t", omittingEmptySubsequences: false)
                guard cells.count > max(be, counts), let e = SpectrumTextLines.number(cells[be]), let c = SpectrumTextLines.number(cells[counts])
                else { break }
                x.append(e)
                y.append(c)
                if let cps, cps < cells.count, let r = SpectrumTextLines.number(cells[cps]) { rate.append(r) }
                j += 1
            }
            let parts = title.split(separator: ":").map(String.init)
            let metadata = SpectrumMetadata(
                region: parts.last ?? title, group: parts.count > 1 ? parts.dropLast().joined(separator: ":") : nil,
                sourceEnergy: options.photonEnergy ?? value(after: "Characteristic Energy eV"),
                dwellTime: value(after: "Acquisition Time s"))
            spectra.append(try Spectrum(x: x, y: y, axis: .bindingEnergy, intensity: isRate ? .countsPerSecond : .counts,
                                        columns: rate.count == x.count && !isRate ? ["CPS": rate] : [:], metadata: metadata, source: path))
            i = j
        }
        guard !spectra.isEmpty else { throw InterphaseError(.emptyInput, "no CasaXPS blocks", file: path) }
        return SpectroscopyFile(format: format, spectra: spectra)
    }
}
