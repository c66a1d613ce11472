import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// VAMAS surface-analysis data transfer format, ISO 14976:1998 (Dench, Hazell & Seah, Surf. Interface
/// Anal. 13 (1988) 63): the exchange format of CasaXPS, Kratos ESCApe, SpecsLab Prodigy and PHI.
///
/// Written here rather than taken from xylib 1.6 because xylib refuses IRREGULAR scans and does not give
/// the blocks' metadata (source energy, pass energy, species and transition labels). Every block becomes
/// one `Spectrum`: REGULAR blocks from abscissa start + increment, IRREGULAR blocks with the abscissa as
/// the first corresponding variable; the first remaining corresponding variable is the intensity and the
/// others (Kratos/SPECS "Transmission") are kept as columns. The parameter inclusion list of the header
/// (ISO 14976 §6, fields 1–40 of a block after the first) is honoured: an excluded field takes the first
/// block's value. Leading blank lines before the identifier (Kratos ESCApe writes two) are tolerated.
enum VAMASReader {
    static let identifier = "VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4"

    /// True when the first non-blank line is the VAMAS identifier.
    static func sniff(_ probe: FileProbe) -> Bool {
        let text = probe.prefixText
        guard let first = SpectrumTextLines.lines(String(text.prefix(400))).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return false }
        return first.trimmingCharacters(in: .whitespaces).hasPrefix("VAMAS Surface Chemical Analysis Standard Data Transfer Format")
    }

    /// The block fields the inclusion list numbers (ISO 14976 block parameters 1–40), as the indices we use.
    private enum Field: Int {
        case year = 1, month, day, hours, minutes, seconds, gmtOffset, comment, technique, coordinates, experimentVariables,
             sourceLabel, sputteringSpecies, sourceEnergy, sourceStrength, beamWidth, fieldOfView, linescan, sourcePolar,
             sourceAzimuth, analyserMode, passEnergy, differentialWidth, magnification, workFunction, targetBias,
             analysisWidth, takeOff, species, transition, abscissa, correspondingVariables, signalMode, collectionTime,
             scans, timeCorrection, sputteringSource, tilt, rotation, additionalParameters
    }

    /// One block's values that later blocks may inherit.
    private struct Block {
        var technique = "", sourceLabel = "", analyserMode = "", species = "", transition = "", signalMode = ""
        var sourceEnergy = Double.nan, passEnergy = Double.nan, collectionTime = Double.nan
        var scans = 0
        var abscissaLabel = "", abscissaUnit = "", abscissaStart = 0.0, abscissaStep = 1.0
        var variables: [(label: String, unit: String)] = []
        var date = ""
    }

    static func read(_ url: URL, format: FileFormat, options: SpectroscopyReadOptions) throws -> SpectroscopyFile {
        let path = url.path
        let lines = SpectrumTextLines.lines(Latin1.string(try InstrumentFile.bytes(of: url)))
        guard let start = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              lines[start].trimmingCharacters(in: .whitespaces) == identifier else {
            throw InterphaseError(.malformed, "no VAMAS identifier line", file: path, expected: "'\(identifier)'")
        }
        var c = VAMASCursor(lines: lines, start: start + 1, path: path)
        _ = try c.text("institution identifier")
        let instrument = try c.text("instrument model identifier")
        _ = try c.text("operator identifier")
        _ = try c.text("experiment identifier")
        try c.skip(try c.count("number of comment lines"), "the header comment")
        let experimentMode = try c.text("experiment mode")
        let scanMode = try c.text("scan mode")
        guard scanMode == "REGULAR" || scanMode == "IRREGULAR" else {
            throw InterphaseError(.unsupportedFormat, "scan mode '\(scanMode)' (only REGULAR and IRREGULAR spectra are read)",
                                  file: path, line: c.lineNumber - 1)
        }
        let mapping = ["MAP", "MAPD", "MAPDP"].contains(experimentMode)
        if mapping || ["NORM", "SDP"].contains(experimentMode) { _ = try c.int("number of spectral regions") }
        if mapping { try c.skip(3, "analysis positions and map coordinates") }
        let experimentVariables = try c.count("number of experimental variables")
        try c.skip(2 * experimentVariables, "experimental variable labels and units")
        // Inclusion (> 0) or exclusion (< 0) list of block parameters 1–40 for blocks after the first.
        let listLength = try c.int("number of entries in the parameter inclusion or exclusion list")
        var included = [Bool](repeating: listLength <= 0, count: 41)
        for _ in 0..<Swift.abs(listLength) {
            let line = c.lineNumber
            let k = try c.int("parameter inclusion list entry")
            guard (1...40).contains(k) else {
                throw InterphaseError(.malformed, "parameter inclusion list entry \(k) is not in 1–40", file: path, line: line)
            }
            included[k] = listLength > 0
        }
        try c.skip(try c.count("number of manually entered items in block"), "manually entered items")
        let futureExperiment = try c.count("number of future upgrade experiment entries")
        let futureBlock = try c.count("number of future upgrade block entries")
        try c.skip(futureExperiment, "future upgrade experiment entries")
        let blockCount = try c.count("number of blocks")
        guard blockCount > 0 else { throw InterphaseError(.emptyInput, "the VAMAS file has no blocks", file: path) }

        var spectra: [Spectrum] = []
        var first: Block?
        for b in 1...blockCount {
            let blockLine = c.lineNumber
            let has: (Field) -> Bool = { first == nil || included[$0.rawValue] }
            var block = first ?? Block()
            let identifier = try c.text("block identifier")
            let sample = try c.text("sample identifier")
            var date: [Int] = []
            for f in [Field.year, .month, .day, .hours, .minutes, .seconds] where has(f) { date.append(try c.int("date field \(f.rawValue)")) }
            if date.count == 6 {
                block.date = String(format: "%04d-%02d-%02d %02d:%02d:%02d", date[0], date[1], date[2], date[3], date[4], date[5])
            }
            if has(.gmtOffset) { _ = try c.double("hours in advance of GMT") }
            if has(.comment) { try c.skip(try c.count("number of lines in block comment"), "the block comment") }
            if has(.technique) { block.technique = try c.text("technique") }
            if mapping, has(.coordinates) { try c.skip(2, "x and y coordinates") }
            if has(.experimentVariables) { try c.skip(experimentVariables, "experimental variable values") }
            if has(.sourceLabel) { block.sourceLabel = try c.text("analysis source label") }
            let sputterTechniques = ["FABMS", "FABMS energy spec", "ISS", "SIMS", "SIMS energy spec", "SNMS", "SNMS energy spec"]
            if ["MAPDP", "MAPSVDP", "SDP", "SDPSV"].contains(experimentMode) || sputterTechniques.contains(block.technique),
               has(.sputteringSpecies) { try c.skip(3, "sputtering ion") }
            if has(.sourceEnergy) { block.sourceEnergy = try c.double("analysis source characteristic energy") }
            if has(.sourceStrength) { _ = try c.double("analysis source strength") }
            if has(.beamWidth) { try c.skip(2, "analysis source beam width") }
            if ["MAP", "MAPDP", "MAPSV", "MAPSVDP", "SEM"].contains(experimentMode), has(.fieldOfView) { try c.skip(2, "field of view") }
            if ["MAPSV", "MAPSVDP", "SEM"].contains(experimentMode), has(.linescan) { try c.skip(6, "linescan coordinates") }
            if has(.sourcePolar) { _ = try c.double("analysis source polar angle of incidence") }
            if has(.sourceAzimuth) { _ = try c.double("analysis source azimuth") }
            if has(.analyserMode) { block.analyserMode = try c.text("analyser mode") }
            if has(.passEnergy) { block.passEnergy = try c.double("analyser pass energy or retard ratio") }
            if block.technique == "AES diff", has(.differentialWidth) { _ = try c.double("differential width") }
            if has(.magnification) { _ = try c.double("magnification of analyser transfer lens") }
            if has(.workFunction) { _ = try c.double("analyser work function") }
            if has(.targetBias) { _ = try c.double("target bias") }
            if has(.analysisWidth) { try c.skip(2, "analysis width") }
            if has(.takeOff) { try c.skip(2, "analyser axis take-off angles") }
            if has(.species) { block.species = try c.text("species label") }
            if has(.transition) {
                block.transition = try c.text("transition or charge state label")
                _ = try c.int("charge of detected particle")
            }
            if scanMode == "REGULAR", has(.abscissa) {
                block.abscissaLabel = try c.text("abscissa label")
                block.abscissaUnit = try c.text("abscissa units")
                block.abscissaStart = try c.double("abscissa start")
                block.abscissaStep = try c.double("abscissa increment")
            }
            if has(.correspondingVariables) {
                let n = try c.count("number of corresponding variables")
                guard n >= (scanMode == "IRREGULAR" ? 2 : 1) else {
                    throw InterphaseError(.malformed, "block \(b) '\(identifier)' has \(n) corresponding variables", file: path, line: c.lineNumber - 1,
                                          expected: scanMode == "IRREGULAR" ? "≥ 2 (abscissa and intensity)" : "≥ 1")
                }
                block.variables = try (0..<n).map { _ in (try c.text("corresponding variable label"), try c.text("corresponding variable unit")) }
            }
            if has(.signalMode) { block.signalMode = try c.text("signal mode") }
            if has(.collectionTime) { block.collectionTime = try c.double("signal collection time") }
            if has(.scans) { block.scans = try c.int("number of scans to compile this block") }
            if has(.timeCorrection) { _ = try c.double("signal time correction") }
            if ["MAPDP", "MAPSVDP", "SDP", "SDPSV"].contains(experimentMode),
               ["AES diff", "AES dir", "EDX", "ELS", "UPS", "XPS", "XRF"].contains(block.technique), has(.sputteringSource) {
                try c.skip(7, "sputtering source")
            }
            if has(.tilt) { try c.skip(2, "sample normal tilt") }
            if has(.rotation) { _ = try c.double("sample rotation angle") }
            if has(.additionalParameters) { try c.skip(3 * (try c.count("number of additional numerical parameters")), "additional numerical parameters") }
            try c.skip(futureBlock, "future upgrade block entries")
            let valueCount = try c.count("number of ordinate values")
            let k = block.variables.count
            guard valueCount % k == 0 else {
                throw InterphaseError(.malformed, "block \(b) '\(identifier)': \(valueCount) ordinate values is not a multiple of \(k) corresponding variables",
                                      file: path, line: c.lineNumber - 1)
            }
            try c.skip(2 * k, "minimum and maximum ordinate values")
            let dataLine = c.lineNumber
            var values = [Double](repeating: 0, count: valueCount)
            for i in 0..<valueCount { values[i] = try c.double("ordinate value \(i + 1) of block \(b)") }
            if first == nil { first = block }

            let points = valueCount / k
            let column: (Int) -> [Double] = { j in (0..<points).map { values[$0 * k + j] } }
            let x: [Double], abscissa: String, intensityColumn: Int
            if scanMode == "REGULAR" {
                x = (0..<points).map { block.abscissaStart + Double($0) * block.abscissaStep }
                abscissa = block.abscissaLabel
                intensityColumn = 0
            } else {
                x = column(0)
                abscissa = block.variables[0].label
                intensityColumn = 1
            }
            let region = regionName(species: block.species, transition: block.transition, identifier: identifier)
            let axis = try axis(abscissa, file: path, block: b, region: region, line: blockLine)
            let ordinate = block.variables[intensityColumn].label.lowercased()
            let perSecond = ordinate.contains("per second") || ordinate.contains("cps") || ordinate.contains("/s")
                || identifier.lowercased().contains("per second")
            var extra: [String: [Double]] = [:]
            for j in (intensityColumn + 1)..<k { extra[block.variables[j].label] = column(j) }
            let metadata = SpectrumMetadata(
                region: region, group: sample.isEmpty ? nil : sample, instrument: instrument.isEmpty || instrument == "Not Specified" ? nil : instrument,
                sourceLabel: block.sourceLabel.isEmpty ? nil : block.sourceLabel,
                sourceEnergy: options.photonEnergy ?? (block.sourceEnergy.isFinite && block.sourceEnergy < 1e36 ? block.sourceEnergy : nil),
                passEnergy: block.passEnergy.isFinite && block.passEnergy < 1e36 ? block.passEnergy : nil,
                dwellTime: block.collectionTime.isFinite && block.collectionTime < 1e36 ? block.collectionTime : nil,
                sweeps: block.scans > 0 ? block.scans : nil, acquired: block.date, technique: block.technique)
            do {
                spectra.append(try Spectrum(x: x, y: column(intensityColumn), axis: axis, intensity: perSecond ? .countsPerSecond : .counts,
                                            columns: extra, metadata: metadata, source: path))
            } catch let error as InterphaseError {
                var e = error
                if e.line != nil, e.lineLabel == "point" { e.message += " (block \(b), values from line \(dataLine))" }
                throw e
            }
        }
        return SpectroscopyFile(format: format, spectra: spectra)
    }

    /// "C 1s" from species "C" and transition "1s"; the block identifier when the labels are empty.
    static func regionName(species: String, transition: String, identifier: String) -> String {
        let named = [species, transition].filter { !$0.isEmpty && $0 != "Not Specified" && $0 != "none" }
        return named.isEmpty ? identifier : named.joined(separator: " ")
    }

    /// The axis an abscissa label names.
    static func axis(_ label: String, file: String, block: Int, region: String, line: Int) throws -> SpectrumAxis {
        let l = label.lowercased()
        if l.contains("binding") { return .bindingEnergy }
        if l.contains("kinetic") { return .kineticEnergy }
        throw InterphaseError(.unsupportedFormat, "block \(block) '\(region)': abscissa '\(label)' is not a kinetic or binding energy",
                              file: file, line: line)
    }
}
