import Foundation
import InterphaseCore
import InterphaseData

/// Where a region fit's starting components come from.
public enum ComponentSource: Sendable {
    /// The assignment table of the region (`XPSAssignments.startingComponents`).
    case auto
    /// A component table (`PeakComponentTable`).
    case table(PeakComponentTable)
}

/// What `interphase xps` asks: which region of a file, which components, which fit settings.
public struct XPSFitRequest: Sendable {
    /// Region name as the file gives it ("C 1s", "C1s"; space and case insensitive); nil = the only region,
    /// or the first region the assignment table knows.
    public var region: String?
    public var components: ComponentSource
    public var options: PeakFitOptions

    public init(region: String? = nil, components: ComponentSource = .auto, options: PeakFitOptions = PeakFitOptions()) {
        self.region = region
        self.components = components
        self.options = options
    }
}

/// The XPS driver behind `interphase xps`: picks the region from a file's spectra (cycles of one region
/// with the same energies are summed — count rates averaged — as the instrument's software does), builds the starting
/// components, and fits (`PeakFit`).
public enum XPSRegionFit {
    /// - Throws: `.invalidParameter` naming the file and listing the regions when the region is not in the
    ///   file (or none is given and the file has several the table does not know); the fit's errors.
    public static func run(_ spectra: [Spectrum], file: String, request: XPSFitRequest) throws -> PeakFitResult {
        var names: [String] = []
        for s in spectra where !names.contains(s.name) { names.append(s.name) }
        func key(_ s: String) -> String { s.lowercased().filter { $0 != " " && $0 != "_" } }
        let chosen: String
        var picked: String?
        if let wanted = request.region {
            // The exact name, else the one region whose name ends with it ("InPET_C1s" for "C 1s").
            let ending = names.filter { key($0).hasSuffix(key(wanted)) }
            guard let match = names.first(where: { key($0) == key(wanted) }) ?? (ending.count == 1 ? ending[0] : nil) else {
                throw InterphaseError(.invalidParameter, "no region '\(wanted)' in the file", file: file, parameter: "--region",
                                      expected: "one of: " + names.joined(separator: ", "))
            }
            chosen = match
        } else if names.count == 1 {
            chosen = names[0]
        } else if let known = names.first(where: { !XPSAssignments.entries(for: $0).isEmpty }) {
            chosen = known
            picked = "no --region given: '\(known)' fitted, the first region with an assignment table (the file has \(names.joined(separator: ", ")))"
        } else {
            throw InterphaseError(.invalidParameter, "the file has \(names.count) regions; choose one", file: file, parameter: "--region",
                                  expected: "one of: " + names.joined(separator: ", "))
        }
        let named = spectra.filter { $0.name == chosen && $0.axis.isElectronEnergy }
        guard var spectrum = named.first else {
            throw InterphaseError(.invalidParameter, "region '\(chosen)' has no energy axis", file: file, parameter: "--region")
        }
        // Cycles belong to one group (a SPECS file measures the same region again at another pass energy).
        let cycles = named.filter { $0.metadata.group == spectrum.metadata.group }
        var notes: [String] = picked.map { [$0] } ?? []
        if named.count > cycles.count {
            notes.append("region '\(chosen)' of group '\(spectrum.metadata.group ?? "")' fitted; \(named.count - cycles.count) spectra of other groups not used")
        }
        let same = cycles.filter { $0.x == spectrum.x && $0.axis == spectrum.axis }
        if same.count > 1 {
            // Counts add; count rates average.
            let weight = spectrum.intensity == .counts ? 1 : 1 / Double(same.count)
            let y = (0..<spectrum.count).map { i in weight * same.reduce(0.0) { $0 + $1.y[i] } }
            spectrum = try Spectrum(x: spectrum.x, y: y, axis: spectrum.axis, intensity: spectrum.intensity, metadata: spectrum.metadata,
                                    source: spectrum.source)
            notes.append("\(same.count) cycles of region '\(chosen)' " + (weight == 1 ? "summed" : "averaged"))
        }
        if cycles.count > same.count { notes.append("\(cycles.count - same.count) spectra named '\(chosen)' with other energies not used") }

        let options = request.options
        let (x, y) = try PeakFit.prepared(spectrum, options: options)
        let ends = try BackgroundEndpoints(y, points: options.endpointPoints)
        let rough = (try? ShirleyBackground.compute(x: x, y: y, endpoints: ends, region: chosen, file: file))
            ?? LinearBackground.compute(x: x, endpoints: ends)
        let signal = zip(y, rough).map { $0 - $1 }
        let components: [PeakComponent], ties: [ParameterTie]
        switch request.components {
        case .auto:
            let start = try XPSAssignments.startingComponents(region: chosen, x: x, signal: signal, calibration: options.calibration, file: file)
            (components, ties) = (start.components, start.ties)
            notes += start.notes
        case let .table(table):
            components = try table.components(x: x, signal: signal)
            ties = table.ties
        }
        return try PeakFit.fit(spectrum, components: components, ties: ties, options: options, notes: notes)
    }
}
