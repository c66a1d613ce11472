import InterphaseData

/// The spectroscopy file formats by the names users and outputs give them. How each is recognised and
/// read is a row of `SpectroscopyLoader.registry`.
extension FileFormat {
    /// VAMAS ISO 14976 surface-analysis transfer format (`.vms`, `.npl`): REGULAR and IRREGULAR scans.
    public static let vamas = FileFormat(id: "vamas", displayName: "VAMAS ISO 14976 (.vms)")
    /// SPECS Prodigy / SpecsLab `.xy` export (commented header, one curve per cycle).
    public static let specsXY = FileFormat(id: "specs-xy", displayName: "SPECS Prodigy .xy export")
    /// CasaXPS "export to text" of a VAMAS file (tab-separated blocks: K.E., Counts, B.E., CPS).
    public static let casaXPSText = FileFormat(id: "casaxps-text", displayName: "CasaXPS text export")
    /// Scienta Omicron SES text export (`[Region n]`, `[Info n]`, `[Data n]` sections).
    public static let scientaText = FileFormat(id: "scienta-txt", displayName: "Scienta SES text export")
    /// Two numeric columns with a header naming the energy (`BE/eV,…`, `#E_kin, intensity`).
    public static let spectrumColumns = FileFormat(id: "spectrum-columns", displayName: "two-column spectrum table with a header")
}
