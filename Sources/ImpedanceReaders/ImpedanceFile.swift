import InterphaseData

/// What an impedance file holds once read: its sweeps, the format it was read as, what its header says
/// about the measurement, and what the reader noticed but did not refuse (an aborted experiment, DC
/// points skipped).
public struct ImpedanceFile: Sendable {
    /// Facts from the file's header, when it states them.
    public struct Metadata: Sendable, Equatable {
        /// Instrument model or software (`CHI660E`, `REF3000-34128`, `ZPlot 3.2c`).
        public var instrument: String?
        /// Technique as the file names it (`EISPOT`, `Potentio Electrochemical Impedance Spectroscopy`).
        public var technique: String?
        /// Start date and time as written.
        public var started: String?
        /// Electrode area the file states. - Units: m².
        public var electrodeArea: Double?
        /// AC amplitude as written with its unit (`10 mV rms`).
        public var amplitude: String?

        public init(instrument: String? = nil, technique: String? = nil, started: String? = nil, electrodeArea: Double? = nil,
                    amplitude: String? = nil) {
            self.instrument = instrument
            self.technique = technique
            self.started = started
            self.electrodeArea = electrodeArea
            self.amplitude = amplitude
        }
    }

    public let format: FileFormat
    /// One spectrum per sweep, in file order (loops 1, 2, …).
    public let spectra: [ImpedanceSpectrum]
    /// Messages for the user, each naming the line or sweep it is about.
    public let warnings: [String]
    public let metadata: Metadata

    public init(format: FileFormat, spectra: [ImpedanceSpectrum], warnings: [String] = [], metadata: Metadata = Metadata()) {
        self.format = format
        self.spectra = spectra
        self.warnings = warnings
        self.metadata = metadata
    }

    /// Points over all sweeps.
    public var pointCount: Int { spectra.reduce(0) { $0 + $1.count } }
}
