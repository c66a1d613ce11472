import Foundation

/// Facts about a recording that are not columns.
public struct RecordingMetadata: Sendable, Equatable {
    /// The format the file was read as.
    public var format: CyclerFormat
    /// Instrument or software as the file names it (e.g. "BioLogic VSP", "Neware BTS 8.0").
    public var instrument: String?
    /// Path of the file as given by the user.
    public var sourceFile: String?
    /// Channel identifier as the file names it.
    public var channel: String?
    /// Wall-clock start of the run (UTC).
    public var startTime: Date?
    /// Active material mass. - Units: kg.
    public var activeMass: Double?
    /// Electrode area. - Units: m².
    public var electrodeArea: Double?
    /// Further header fields as key → text, in file order.
    public var header: [HeaderField]
    /// Things the reader repaired or could not interpret, in words (shown by `read`, copied into reports).
    public var warnings: [String] = []

    public init(
        format: CyclerFormat, instrument: String? = nil, sourceFile: String? = nil, channel: String? = nil,
        startTime: Date? = nil, activeMass: Double? = nil, electrodeArea: Double? = nil, header: [HeaderField] = []
    ) {
        self.format = format
        self.instrument = instrument
        self.sourceFile = sourceFile
        self.channel = channel
        self.startTime = startTime
        self.activeMass = activeMass
        self.electrodeArea = electrodeArea
        self.header = header
    }
}

/// One `key: value` pair from a file header.
public struct HeaderField: Sendable, Equatable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
