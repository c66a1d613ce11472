/// The file formats Interphase reads. The raw value is the name used on the command line and in output.
public enum CyclerFormat: String, Sendable, CaseIterable, Codable {
    case biologicMPT = "biologic-mpt"
    case biologicMPR = "biologic-mpr"
    case newareNDA = "neware-nda"
    case newareNDAX = "neware-ndax"
    case arbinRES = "arbin-res"
    case arbinCSV = "arbin-csv"
    case arbinXLSX = "arbin-xlsx"
    case maccorText = "maccor-text"
    case landCCS = "land-ccs"
    case landXLSX = "land-xlsx"
    case delimitedText = "csv"
    /// A spreadsheet from another program, read by column aliases like delimited text.
    case spreadsheet = "xlsx"
    /// Produced by a simulator rather than read from a file.
    case simulation = "simulation"

    /// A human-readable name for reports.
    public var displayName: String {
        switch self {
        case .biologicMPT: return "BioLogic EC-Lab text (.mpt)"
        case .biologicMPR: return "BioLogic EC-Lab binary (.mpr)"
        case .newareNDA: return "Neware binary (.nda)"
        case .newareNDAX: return "Neware zip archive (.ndax)"
        case .arbinRES: return "Arbin MS Access (.res)"
        case .arbinCSV: return "Arbin CSV export"
        case .arbinXLSX: return "Arbin Excel export (.xlsx)"
        case .maccorText: return "Maccor text export"
        case .landCCS: return "LAND binary (.ccs)"
        case .landXLSX: return "LAND Excel export (.xlsx)"
        case .delimitedText: return "delimited text (CSV/TSV)"
        case .spreadsheet: return "Excel workbook (.xlsx)"
        case .simulation: return "Interphase simulation"
        }
    }
}
