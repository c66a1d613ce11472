import InterphaseData

/// The impedance file formats by the names users and outputs give them. A format that also holds
/// cycler or voltammetry data keeps that format's id (`biologic-mpr`, `biologic-mpt`, `gamry-dta`): the
/// file format is the same, only what is read from it differs. How each is recognised and read is a row
/// of `ImpedanceLoader.registry`.
extension FileFormat {
    /// Gamry Framework EXPLAIN file with a `ZCURVE` table (EISPOT, EISGALV).
    public static let gamryImpedance = FileFormat(id: "gamry-dta", displayName: "Gamry EXPLAIN (.DTA)")
    /// CH Instruments "A.C. Impedance" text export.
    public static let chiImpedance = FileFormat(id: "chi-text", displayName: "CH Instruments text")
    /// Scribner ZPlot/ZView text (`.z`: `ZPLOT2 ASCII`, `ZPlotW`), also written by Autolab (`Z60W`).
    public static let zview = FileFormat(id: "zview", displayName: "Scribner ZPlot/ZView text (.z)")
    /// Princeton Applied Research VersaStudio project (`.par`), impedance segment.
    public static let versaStudio = FileFormat(id: "versastudio-par", displayName: "VersaStudio (.par)")
    /// Maccor AC impedance (FRA) export (`<name>.EDA0001.<channel>`).
    public static let maccorFRA = FileFormat(id: "maccor-fra", displayName: "Maccor AC impedance (FRA) export")
    /// A delimited table whose header names a frequency and the impedance (Parstat, PowerSuite and
    /// generic exports).
    public static let impedanceText = FileFormat(id: "impedance-text", displayName: "delimited impedance table with a header")
    /// Three or more numbers per line, no header: frequency, Z′, Z″ (impedance.py's `readCSV`, pyDRTtools'
    /// example files).
    public static let impedanceColumns = FileFormat(id: "impedance-columns", displayName: "headerless f, Z′, Z″ table")
}
