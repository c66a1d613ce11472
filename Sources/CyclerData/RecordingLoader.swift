import Foundation
import InterphaseCore
import ZIPFoundation

/// Opens any supported cycler file: sniffs the content, picks the reader, returns a validated `Recording`.
///
/// Detection is by content (magic bytes, header lines, zip entry names), not by extension alone; the
/// extension only breaks ties and catches one common mistake: a file whose extension promises a binary
/// format (`.mpr`, `.nda`, `.res`, `.ccs`) but whose content is text gets an error saying so.
public enum RecordingLoader {
    /// Every reader, in the order they are asked. Specific magic-byte formats come before the
    /// delimited-text reader, which accepts any table with recognisable columns.
    public static let readers: [any CyclerFileReader.Type] = [
        BioLogicMPRReader.self,
        NewareNDAReader.self,
        NewareNDAXReader.self,
        LandCCSReader.self,
        ArbinRESReader.self,
        XLSXRecordingReader.self,
        BioLogicMPTReader.self,
        MaccorTextReader.self,
        DelimitedTextReader.self,
    ]

    /// Extensions that promise a binary format.
    static let binaryExtensions: [String: String] = [
        "mpr": "a BioLogic .mpr (binary, starts with 'BIO-LOGIC MODULAR FILE')",
        "nda": "a Neware .nda (binary, starts with 'NEWARE')",
        "ndax": "a Neware .ndax (zip archive)",
        "res": "an Arbin .res (MS Access database)",
        "ccs": "a LAND .ccs (binary)",
        "xlsx": "an Excel .xlsx workbook (zip archive)",
    ]

    /// Reads `url`, choosing the reader by content unless `options.format` forces one.
    public static func load(_ url: URL, options: ReadOptions = ReadOptions()) throws -> Recording {
        let probe = try makeProbe(url)
        if let forced = options.format {
            guard let reader = readers.first(where: { $0.formats.contains(forced) }) else {
                throw InterphaseError(.unsupportedFormat, "no reader for format '\(forced.rawValue)'", file: url.path)
            }
            return try reader.read(url, format: forced, options: options)
        }
        for reader in readers {
            if let format = reader.sniff(probe) {
                // A text table named like a binary format (notes.mpr) is a mistake worth stopping on.
                if textFormats.contains(format), binaryExtensions[probe.pathExtension] != nil, probe.pathExtension != "xlsx" {
                    throw unrecognised(probe)
                }
                return try reader.read(url, format: format, options: options)
            }
        }
        // Text whose headers no alias knows is exactly what `--columns` is for (the error below suggests it):
        // with a mapping, read it as delimited text instead of refusing it.
        if options.columnMapping != nil && probe.looksLikeText {
            return try DelimitedTextReader.read(url, format: .delimitedText, options: options)
        }
        throw unrecognised(probe)
    }

    /// Formats whose files are text.
    static let textFormats: Set<CyclerFormat> = [.delimitedText, .arbinCSV, .biologicMPT, .maccorText]

    /// Which format `url` would be read as (nil when none claims it).
    public static func detectFormat(_ url: URL) throws -> CyclerFormat? {
        let probe = try makeProbe(url)
        for reader in readers {
            if let format = reader.sniff(probe) { return format }
        }
        return nil
    }

    static func unrecognised(_ probe: FileProbe) -> InterphaseError {
        if let promised = binaryExtensions[probe.pathExtension] {
            let looks = probe.looksLikeText ? "the content is text" : "the content has no known signature"
            return InterphaseError(.unsupportedFormat, "the extension says .\(probe.pathExtension) but \(looks)",
                                   file: probe.path, expected: promised)
        }
        // Maccor writes impedance sweeps (`<name>.EDA0001.<channel>`, "MACCOR, INC.  AC Impedance Test") next to
        // the cycling export: say what the file is rather than only that it is not recognised.
        if probe.starts(with: "MACCOR, INC.") && probe.prefixText.prefix(200).contains("AC Impedance") {
            return InterphaseError(.unsupportedFormat,
                                   "not a recognised cycler file: this is a Maccor AC impedance (EIS/FRA) export, a frequency sweep, not cycling data",
                                   file: probe.path, expected: "the cycling export of the same channel (e.g. <name>.<channel>)")
        }
        return InterphaseError(
            .unsupportedFormat, "not a recognised cycler file",
            file: probe.path,
            expected: "one of: " + CyclerFormat.allCases.filter { $0 != .simulation }.map(\.rawValue).joined(separator: ", ")
                + "; for other delimited text give --columns time=…,voltage=…,current=…")
    }

    /// Builds the probe: first 64 KiB (decompressed for gzip), extension, zip entry names.
    public static func makeProbe(_ url: URL) throws -> FileProbe {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InterphaseError(.fileNotFound, "no such file", file: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InterphaseError(.fileNotFound, "cannot open file (permissions?)", file: path)
        }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 65536))
        guard !head.isEmpty else {
            throw InterphaseError(.emptyInput, "the file is empty (0 bytes)", file: path)
        }
        var ext = url.pathExtension.lowercased()
        var prefix = head
        if Gzip.isGzip(head) {
            ext = url.deletingPathExtension().pathExtension.lowercased()
            let start = try Gzip.decompress(try mapped(url), file: path, limit: 65536)
            guard !start.isEmpty else {
                throw InterphaseError(.emptyInput, "the file is empty once decompressed (gzip of 0 bytes)", file: path)
            }
            prefix = Array(start.prefix(65536))
        }
        var entries: [String] = []
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let archive = try Archive(url: url, accessMode: .read)
                entries = archive.map(\.path)
            } catch {
                throw InterphaseError(.malformed, "zip archive cannot be opened: \(error)", file: path)
            }
        }
        return FileProbe(path: path, pathExtension: ext, prefix: prefix, zipEntries: entries)
    }

    /// The first `bytes` bytes of the file's (decompressed, for gzip) content, without reading the rest
    /// of a plain file.
    public static func head(of url: URL, bytes: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw InterphaseError(.fileNotFound, "cannot open file", file: url.path)
        }
        defer { try? handle.close() }
        let start = handle.readData(ofLength: bytes)
        if Gzip.isGzip([UInt8](start.prefix(2))) {
            return try Gzip.decompress(try mapped(url), file: url.path, limit: bytes).prefix(bytes)
        }
        return start
    }

    /// The file's bytes as an array (decompressed when gzip): one block copy from the mapping (building
    /// the array from `Data` element by element cost more than decoding a small `.mpr`).
    public static func bytes(of url: URL) throws -> [UInt8] {
        let data = try mapped(url)
        if Gzip.isGzip([UInt8](data.prefix(2))) { return try Gzip.inflated(data, file: url.path) }
        return data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
    }

    /// The file's bytes as they are on disk (mapped where the system allows).
    static func mapped(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw InterphaseError(.fileNotFound, "cannot read file: \(error.localizedDescription)", file: url.path)
        }
    }

    /// The file's bytes, decompressed when it is gzip.
    public static func contents(of url: URL) throws -> Data {
        let data = try mapped(url)
        if Gzip.isGzip([UInt8](data.prefix(2))) { return try Gzip.decompress(data, file: url.path) }
        return data
    }
}
