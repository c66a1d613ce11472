import InterphaseData

/// How to read a spectroscopy file.
public struct SpectroscopyReadOptions: Sendable {
    /// Read as this format instead of detecting it by content.
    public var format: FileFormat?
    /// Photon energy hν for files that record kinetic energy without stating it (a plain `E_kin`
    /// table); a value the file states is overridden. - Units: eV.
    public var photonEnergy: Double?

    public init(format: FileFormat? = nil, photonEnergy: Double? = nil) {
        self.format = format
        self.photonEnergy = photonEnergy
    }
}
