import InterphaseData

/// What a spectroscopy file holds once read: its spectra (VAMAS blocks, SPECS cycles, CasaXPS blocks),
/// the format it was read as, and what the reader noticed but did not refuse.
public struct SpectroscopyFile: Sendable {
    public let format: FileFormat
    /// One spectrum per block, region or cycle, in file order.
    public let spectra: [Spectrum]
    /// Messages for the user, each naming the block or line it is about.
    public let warnings: [String]

    public init(format: FileFormat, spectra: [Spectrum], warnings: [String] = []) {
        self.format = format
        self.spectra = spectra
        self.warnings = warnings
    }

    /// Region names in file order without repeats (a region measured in several cycles is listed once).
    public var regionNames: [String] {
        var seen = Set<String>(), names: [String] = []
        for s in spectra where seen.insert(s.name).inserted { names.append(s.name) }
        return names
    }
}
