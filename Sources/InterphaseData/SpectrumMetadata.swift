/// What a spectrum's file says about how it was measured. Every field is optional: files state
/// different subsets. Energies are in eV (the field's natural unit), times in seconds.
public struct SpectrumMetadata: Sendable, Equatable {
    /// Region or block name as the file gives it ("C 1s", "Survey", "Ni2p").
    public var region: String?
    /// The group, sample or experiment the region belongs to ("1 as-loaded", sample "Ni-W").
    public var group: String?
    /// Instrument, analyser or software ("Kratos AXIS Supra", "Phoibos", "R3000").
    public var instrument: String?
    /// Excitation source label ("Al (mono)", "XR 50").
    public var sourceLabel: String?
    /// Photon (source characteristic) energy hν. - Units: eV.
    public var sourceEnergy: Double?
    /// Analyser pass energy. - Units: eV.
    public var passEnergy: Double?
    /// Dwell (signal collection) time per point and sweep. - Units: s.
    public var dwellTime: Double?
    /// Number of sweeps (scans) summed into this spectrum.
    public var sweeps: Int?
    /// Which cycle of a region this is, for files that keep cycles separate (SPECS `.xy`), 0-based as written.
    public var cycle: Int?
    /// Acquisition date and time as written.
    public var acquired: String?
    /// Technique as the file names it ("XPS").
    public var technique: String?

    public init(region: String? = nil, group: String? = nil, instrument: String? = nil, sourceLabel: String? = nil,
                sourceEnergy: Double? = nil, passEnergy: Double? = nil, dwellTime: Double? = nil, sweeps: Int? = nil,
                cycle: Int? = nil, acquired: String? = nil, technique: String? = nil) {
        self.region = region
        self.group = group
        self.instrument = instrument
        self.sourceLabel = sourceLabel
        self.sourceEnergy = sourceEnergy
        self.passEnergy = passEnergy
        self.dwellTime = dwellTime
        self.sweeps = sweeps
        self.cycle = cycle
        self.acquired = acquired
        self.technique = technique
    }
}
