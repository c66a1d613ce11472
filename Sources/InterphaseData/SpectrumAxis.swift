/// What the x axis of a `Spectrum` measures, with its unit. XPS spectra are plotted and fitted in binding
/// energy; instruments record kinetic energy, binding energy, or (in a fixed-energy alignment scan) a
/// channel index. Raman shift and 2θ are here so that Raman and XRD readers share the type.
public enum SpectrumAxis: String, Sendable, CaseIterable, Codable {
    /// Binding energy of the photoelectron, BE = hν − KE. - Units: eV.
    case bindingEnergy = "binding_energy"
    /// Kinetic energy of the photoelectron as the analyser measures it (referenced to the spectrometer's
    /// Fermi level, so the analyser work function is already included). - Units: eV.
    case kineticEnergy = "kinetic_energy"
    /// Raman shift ν̃₀ − ν̃. - Units: cm⁻¹.
    case ramanShift = "raman_shift"
    /// Diffraction angle 2θ. - Units: degrees.
    case twoTheta = "two_theta"
    /// A point or detector-channel index (SPECS fixed-energy scans). - Units: none.
    case channel

    /// The unit as outputs write it.
    public var unit: String { SpectrumAxis.units[self] ?? "" }

    /// The axis label of figures and tables ("Binding energy (eV)").
    public var label: String { SpectrumAxis.labels[self] ?? rawValue }

    /// True for photoelectron energies (the axes a photon energy converts between).
    public var isElectronEnergy: Bool { self == .bindingEnergy || self == .kineticEnergy }

    private static let units: [SpectrumAxis: String] = [
        .bindingEnergy: "eV", .kineticEnergy: "eV", .ramanShift: "cm⁻¹", .twoTheta: "°", .channel: "",
    ]
    private static let labels: [SpectrumAxis: String] = [
        .bindingEnergy: "Binding energy (eV)", .kineticEnergy: "Kinetic energy (eV)", .ramanShift: "Raman shift (cm⁻¹)",
        .twoTheta: "2θ (°)", .channel: "Channel",
    ]
}

/// What the y values of a `Spectrum` are.
public enum SpectrumIntensity: String, Sendable, CaseIterable, Codable {
    /// Counts per point (summed over dwell and sweeps). - Units: counts.
    case counts
    /// Count rate. - Units: counts s⁻¹.
    case countsPerSecond = "counts_per_second"
    /// Any other intensity (normalised, arbitrary units).
    case arbitrary

    /// The unit as outputs write it.
    public var unit: String { self == .counts ? "counts" : self == .countsPerSecond ? "counts/s" : "a.u." }
}
