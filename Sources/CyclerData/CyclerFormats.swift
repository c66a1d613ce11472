import InterphaseData

/// The cycler file formats, by the names users give on the command line (`--input-format`) and outputs
/// show. What reads each, its extensions and its signature are rows of `RecordingLoader.registry`.
extension FileFormat {
    public static let biologicMPT = FileFormat(id: "biologic-mpt", displayName: "BioLogic EC-Lab text (.mpt)")
    public static let biologicMPR = FileFormat(id: "biologic-mpr", displayName: "BioLogic EC-Lab binary (.mpr)")
    public static let newareNDA = FileFormat(id: "neware-nda", displayName: "Neware binary (.nda)")
    public static let newareNDAX = FileFormat(id: "neware-ndax", displayName: "Neware zip archive (.ndax)")
    public static let arbinRES = FileFormat(id: "arbin-res", displayName: "Arbin MS Access (.res)")
    public static let arbinCSV = FileFormat(id: "arbin-csv", displayName: "Arbin CSV export")
    public static let arbinXLSX = FileFormat(id: "arbin-xlsx", displayName: "Arbin Excel export (.xlsx)")
    public static let maccorText = FileFormat(id: "maccor-text", displayName: "Maccor text export")
    public static let landCCS = FileFormat(id: "land-ccs", displayName: "LAND binary (.ccs)")
    public static let landXLSX = FileFormat(id: "land-xlsx", displayName: "LAND Excel export (.xlsx)")
    public static let basytec = FileFormat(id: "basytec", displayName: "Basytec result file")
    public static let novonix = FileFormat(id: "novonix", displayName: "Novonix export")
    public static let gamryDTA = FileFormat(id: "gamry-dta", displayName: "Gamry EXPLAIN (.DTA)")
    public static let delimitedText = FileFormat(id: "csv", displayName: "delimited text (CSV/TSV)")
    /// A spreadsheet from another program, read by column aliases like delimited text.
    public static let spreadsheet = FileFormat(id: "xlsx", displayName: "Excel workbook (.xlsx)")
}
