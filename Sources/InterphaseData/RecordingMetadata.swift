import Foundation

/// Facts about a recording that are not columns.
public struct RecordingMetadata: Sendable, Equatable {
    /// Where the data come from: an instrument file and the format it was read as, a simulation, or a
    /// computation on other data. A simulator says `.simulation(model:)` instead of posing as a format.
    public var provenance: Provenance
    /// Instrument or software as the file names it (e.g. "BioLogic VSP", "Neware BTS 8.0").
    public var instrument: String?
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
    /// Whether the charge/energy columns are the instrument's counters or integrated from the current
    /// (set by the reader; a recording without counter columns integrates in the analysis).
    public var capacitySource: CapacitySource = .instrumentCounters
    /// What the reader added to the file's own cycle numbers to make `cycleIndex` 1-based (1 for an
    /// instrument counting from 0: Maccor `Cyc#`, some EC-Lab exports); outputs show the file's label,
    /// `cycleIndex − cycleLabelOffset`.
    public var cycleLabelOffset: Int32 = 0

    public init(
        provenance: Provenance, instrument: String? = nil, channel: String? = nil,
        startTime: Date? = nil, activeMass: Double? = nil, electrodeArea: Double? = nil, header: [HeaderField] = []
    ) {
        self.provenance = provenance
        self.instrument = instrument
        self.channel = channel
        self.startTime = startTime
        self.activeMass = activeMass
        self.electrodeArea = electrodeArea
        self.header = header
    }

    /// Metadata of data read from the instrument file at `path` as `format`.
    public init(format: FileFormat, instrument: String? = nil, sourceFile path: String, channel: String? = nil,
                startTime: Date? = nil, activeMass: Double? = nil, electrodeArea: Double? = nil, header: [HeaderField] = []) {
        self.init(provenance: .instrumentFile(path: path, format: format), instrument: instrument, channel: channel,
                  startTime: startTime, activeMass: activeMass, electrodeArea: electrodeArea, header: header)
    }

    /// Path of the instrument file at the origin, as given by the user (nil for simulations); errors name it.
    public var sourceFile: String? { provenance.file }

    /// The format the origin file was read as (nil for simulations).
    public var format: FileFormat? {
        get { provenance.format }
        set {
            // A reader that learns the exact format only while reading (an `.xlsx` that turns out to be an
            // Arbin export) refines it; data without a file have no format to refine.
            if let newValue, case let .instrumentFile(path, _) = provenance {
                provenance = .instrumentFile(path: path, format: newValue)
            }
        }
    }
}
