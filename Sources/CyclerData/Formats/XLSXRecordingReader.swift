import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Cycler data in Excel workbooks: Arbin MITS Pro exports (a `Global_Info` sheet and `Channel_<n>_<k>`
/// data sheets, split into several sheets when the rows exceed a sheet, with `Test_Time(s)`,
/// `Voltage(V)`, `Current(A)`, `Charge_Capacity(Ah)`, …), LAND BT exports (a record sheet with
/// `TestTime`, `Voltage/V`, `Current/mA`, `Capacity/mAh`, `Cycle-Index`, `Step-State`, …) and any
/// workbook whose header row names time, voltage and current.
///
/// The data sheets are the sheets whose first non-empty row names a time and a voltage column; sheets
/// with the same header are concatenated in workbook order (Arbin's overflow sheets).
public enum XLSXRecordingReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        probe.zipEntries.contains("xl/workbook.xml") // `xlsx`, refined in `read` once the sheets are parsed
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let workbook = try XLSXWorkbook(url)
        var dataSheets: [(XLSXWorkbook.Sheet, [[String?]], Int)] = []
        var header: [String]?
        var info: [[String?]] = []
        var cutShort: [String] = []
        for sheet in workbook.sheets {
            let (rows, complete) = try workbook.read(sheet)
            if !complete { cutShort.append("sheet '\(sheet.name)' ends before its closing tag (file cut short?): its first \(rows.count) rows were read") }
            guard let headerRow = rows.firstIndex(where: { row in
                let fields = row.map { ColumnHeader($0 ?? "") }
                let roles = Set(fields.compactMap(ColumnAliases.role))
                if let mapping = options.columnMapping {
                    let names = Set(row.compactMap { $0 })
                    return mapping.entries.values.allSatisfy { names.contains($0.column) }
                }
                return roles.contains(.time) && roles.contains(.voltage)
            }) else {
                if sheet.name.lowercased().contains("info") { info = rows }
                continue
            }
            let names = rows[headerRow].map { $0 ?? "" }
            if header == nil { header = names }
            if names == header { dataSheets.append((sheet, rows, headerRow)) }
        }
        guard let header, !dataSheets.isEmpty else {
            throw InterphaseError(.missingColumn, "no sheet has a header row with time and voltage columns", file: url.path,
                                  expected: "sheets: " + workbook.sheets.map(\.name).joined(separator: ", ")
                                      + "; name the columns with --columns")
        }
        let headers = header.map(ColumnHeader.init)
        let keys = Set(headers.map(\.key))
        let resolved: FileFormat
        if format != .spreadsheet {
            resolved = format
        } else if keys.contains("specap") || keys.contains("stepstate") || headers.contains(where: { $0.raw == "Voltage/V" }) {
            resolved = .landXLSX
        } else if keys.contains("testtime") && keys.contains("stepindex") || workbook.sheets.contains(where: { $0.name == "Global_Info" }) {
            resolved = .arbinXLSX
        } else {
            resolved = .spreadsheet
        }
        var metadata = RecordingMetadata(format: resolved, sourceFile: url.path)
        metadata.warnings += cutShort
        metadata.instrument = resolved == .arbinXLSX ? "Arbin" : resolved == .landXLSX ? "LAND" : nil
        if let first = dataSheets.first?.0.name, resolved == .arbinXLSX, first.hasPrefix("Channel_") {
            metadata.channel = first.split(separator: "_").dropFirst().first.map(String.init)
        }
        // Arbin's Global_Info is a table: a row of names with the values in the row below, column by column
        // (`Channel | Start DateTime | Schedule File Name …` over `11 | 2020-10-19 11:33:31 | Ben\….sdu …`).
        // Pairing neighbouring cells of one row, as before, gave "Channel" = "Start DateTime".
        var r = 0
        while r < info.count {
            let row = info[r]
            let named = row.indices.filter { !(row[$0] ?? "").isEmpty }
            let allText = named.allSatisfy { Double(row[$0]!) == nil && !row[$0]!.hasPrefix("@") }
            if named.count >= 2, allText, r + 1 < info.count {
                let below = info[r + 1]
                for c in named where c < below.count {
                    guard let value = below[c], !value.isEmpty else { continue }
                    metadata.header.append(HeaderField(row[c]!, XLSXRecordingReader.cellText(value)))
                }
                r += 2
            } else {
                r += 1
            }
        }
        if let start = metadata.header.first(where: { $0.key == "Start DateTime" }),
           let date = ISO8601DateFormatter().date(from: start.value) {
            metadata.startTime = date
        }
        let layout = DelimitedLayout(delimiter: 0x2C, decimalComma: false, headerLine: 0, headers: headers, preamble: [])
        return try DelimitedRecording.assemble(url, layout: layout, mapping: options.columnMapping, metadata: metadata,
                                               keepUnmapped: options.auxiliaryColumns, assumedCurrent: options.assumedCurrent) { requests in
            var columns = DelimitedText.Columns()
            var labelIndex: [Int: [String: UInt16]] = [:]
            for request in requests {
                if request.text { columns.labelCodes[request.index] = []; columns.labels[request.index] = []; labelIndex[request.index] = [:] }
                else { columns.numbers[request.index] = [] }
            }
            for (_, rows, headerRow) in dataSheets {
                for row in rows[(headerRow + 1)...] where row.contains(where: { !($0 ?? "").isEmpty }) {
                    for request in requests {
                        let cell = request.index < row.count ? row[request.index] : nil
                        if request.text {
                            let text = cell ?? ""
                            if let code = labelIndex[request.index]?[text] {
                                columns.labelCodes[request.index]?.append(code)
                            } else {
                                let code = UInt16(truncatingIfNeeded: columns.labels[request.index]?.count ?? 0)
                                labelIndex[request.index]?[text] = code
                                columns.labels[request.index]?.append(text)
                                columns.labelCodes[request.index]?.append(code)
                            }
                        } else {
                            columns.numbers[request.index]?.append(XLSXRecordingReader.number(cell))
                        }
                    }
                    columns.rows += 1
                }
            }
            columns.firstDataLine = (dataSheets.first?.2 ?? 0) + 2 // 1-based row after the header row
            return columns
        }
    }

    /// A cell as text for metadata: date cells (`@date:` serial days, no zone in Excel) as ISO 8601 UTC.
    static func cellText(_ cell: String) -> String {
        if cell.hasPrefix("@duration:") { return String(number(cell)) + " s" }
        guard cell.hasPrefix("@date:") else { return cell }
        let seconds = number(cell)
        guard seconds.isFinite else { return cell }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded()))
    }

    /// A cell as a number: numeric text, a duration ("1-02:03:04", "02:03:04"), or NaN.
    /// Date cells (`@date:` serial days) become seconds since the Unix epoch.
    static func number(_ cell: String?) -> Double {
        guard let cell, !cell.isEmpty else { return .nan }
        if cell.hasPrefix("@date:") {
            return (Double(cell.dropFirst(6)) ?? .nan) * Units.secondsPerDay - Units.oleEpochToUnixDays * Units.secondsPerDay // 1899-12-30 → 1970-01-01
        }
        if cell.hasPrefix("@duration:") { return (Double(cell.dropFirst(10)) ?? .nan) * Units.secondsPerDay } // days → s
        if let value = Double(cell) { return value }
        return NumberParsing.parseDuration(cell[...]) ?? NumberParsing.parseDateTime(cell[...]) ?? .nan
    }
}
