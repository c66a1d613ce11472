import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// A plain two-column table (CSV, tab or space separated) whose header line names the energy:
/// `BE/eV,InPET_C1s` (LG4X), `#E_kin, intensity measured at …, hv=180eV` (lmfitxps). Header lines may
/// start with `#`; the last one before the numbers names the columns.
///
/// The energy column is kinetic when its name says so (`E_kin`, `KE`, `kinetic`), binding when it names
/// binding energy (`BE`, `B.E.`, `binding`); a photon energy written in the header (`hv=180eV`) is kept
/// so the kinetic scale converts, unless `SpectroscopyReadOptions.photonEnergy` overrides it. The region
/// name is the intensity column's name when it is not a generic word, else the file's stem.
enum SpectrumColumnsReader {
    /// Rules from header words to the energy axis, first match wins (lower-cased, separators removed).
    static let axisWords: [(prefixes: [String], axis: SpectrumAxis)] = [
        (["ekin", "ke", "kinetic", "kineticenergy"], .kineticEnergy),
        (["be", "b.e.", "ebin", "binding", "bindingenergy"], .bindingEnergy),
    ]

    /// The axis the first header cell names, or nil.
    static func axis(named cell: Substring) -> SpectrumAxis? {
        let word = cell.lowercased().filter { !"#_ ".contains($0) }
        let stem = word.split(whereSeparator: { $0 == "/" || $0 == "(" || $0 == "[" }).first.map(String.init) ?? word
        return axisWords.first { $0.prefixes.contains(stem) }?.axis
    }

    static func header(_ lines: ArraySlice<Substring>) -> (index: Int, axis: SpectrumAxis)? {
        for (k, line) in lines.enumerated().prefix(20) {
            if SpectrumTextLines.numbers(line) != nil {
                guard k > 0 else { return nil }
                let cells = SpectrumTextLines.cells(lines[lines.startIndex + k - 1])
                guard let first = cells.first, let axis = axis(named: first) else { return nil }
                return (lines.startIndex + k - 1, axis)
            }
        }
        return nil
    }

    static func sniff(_ probe: FileProbe) -> Bool {
        let lines = SpectrumTextLines.lines(String(probe.prefixText.prefix(4000)))
        guard let (h, _) = header(lines[...]), h + 2 < lines.count else { return false }
        return [lines[h + 1], lines[h + 2]].allSatisfy { (SpectrumTextLines.numbers($0)?.count ?? 0) >= 2 }
    }

    static func read(_ url: URL, format: FileFormat, options: SpectroscopyReadOptions) throws -> SpectroscopyFile {
        let path = url.path
        let lines = SpectrumTextLines.lines(Latin1.string(try InstrumentFile.bytes(of: url)))
        guard let (h, axis) = header(lines[...]) else {
            throw InterphaseError(.malformed, "no header line naming the energy column before the numbers", file: path,
                                  expected: "a header such as 'BE/eV,intensity' or '#E_kin, intensity'")
        }
        var x: [Double] = [], y: [Double] = []
        for n in (h + 1)..<lines.count {
            if lines[n].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let values = SpectrumTextLines.numbers(lines[n]), values.count >= 2 else {
                throw InterphaseError(.malformed, "expected two numbers, found \"\(lines[n].prefix(60))\"", file: path, line: n + 1)
            }
            x.append(values[0])
            y.append(values[1])
        }
        let headerText = lines[...h].joined(separator: " ")
        let cells = SpectrumTextLines.cells(lines[h].split(separator: ",").count > 1 ? lines[h].split(separator: ",")[1] : "")
        let generic: Set<String> = ["intensity", "counts", "cps", "y", "signal"]
        let named = cells.first.map(String.init).flatMap { generic.contains($0.lowercased()) ? nil : $0 }
        let metadata = SpectrumMetadata(region: named ?? url.deletingPathExtension().lastPathComponent,
                                        sourceEnergy: options.photonEnergy ?? photonEnergy(in: headerText))
        return SpectroscopyFile(format: format, spectra: [try Spectrum(x: x, y: y, axis: axis, intensity: .counts, metadata: metadata, source: path)])
    }

    /// hν written in a header as `hv=180eV`, `hν = 1486.6 eV` or `photon energy 1486.6 eV`.
    static func photonEnergy(in text: String) -> Double? {
        guard let regex = try? NSRegularExpression(pattern: "(?:hv|hν|photon energy)\\s*[=:]?\\s*([0-9]+(?:\\.[0-9]*)?)\\s*eV",
                                                   options: [.caseInsensitive]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return Double(text[range])
    }
}
