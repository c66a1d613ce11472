import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Opens any supported cycler file: sniffs the content, picks the reader row of `registry`, returns a
/// validated `Recording`.
public enum RecordingLoader {
    /// Reads `url`, choosing the reader by content unless `options.format` forces one.
    public static func load(_ url: URL, options: ReadOptions = ReadOptions()) throws -> Recording {
        let probe = try InstrumentFile.makeProbe(url)
        if let forced = options.format {
            guard let row = registry.reader(for: forced) else { throw registry.unknownFormat(forced.id, file: url.path) }
            return try row.read(url, row.format, options)
        }
        if let row = try registry.detect(probe) {
            return try row.read(url, row.format, options)
        }
        // Text whose headers no alias knows is exactly what `--columns` is for (the error below suggests it):
        // with a mapping, read it as delimited text instead of refusing it.
        if options.columnMapping != nil && probe.looksLikeText {
            return try DelimitedTextReader.read(url, format: .delimitedText, options: options)
        }
        throw unrecognised(probe)
    }

    /// Reads the files of one test and joins them into one recording in time order (`RecordingJoin`: time,
    /// steps and cycles continued, gaps and overlaps reported as warnings, the parts in the provenance).
    /// One file reads as `load(_:options:)`.
    public static func load(_ urls: [URL], options: ReadOptions = ReadOptions()) throws -> Recording {
        guard let first = urls.first else {
            throw InterphaseError(.invalidParameter, "no file given", expected: "one or more cycler files")
        }
        guard urls.count > 1 else { return try load(first, options: options) }
        let parts = try urls.map { try load($0, options: options) }
        return try RecordingJoin.join(parts).recording
    }

    /// Which format `url` would be read as (nil when none claims it).
    public static func detectFormat(_ url: URL) throws -> FileFormat? {
        try registry.detect(try InstrumentFile.makeProbe(url))?.format
    }

    /// The format named `id` on the command line, or an error listing the ids.
    public static func format(id: String) throws -> FileFormat {
        guard let row = registry.reader(id: id) else {
            throw InterphaseError(.invalidParameter, "unknown format '\(id)'", parameter: "--input-format",
                                  expected: registry.formats.map(\.id).joined(separator: ", "))
        }
        return row.format
    }

    static func unrecognised(_ probe: FileProbe) -> InterphaseError {
        // Maccor writes impedance sweeps (`<name>.EDA0001.<channel>`, "MACCOR, INC.  AC Impedance Test") next to
        // the cycling export: say what the file is rather than only that it is not recognised.
        if registry.binaryRow(forExtension: probe.pathExtension) == nil,
           probe.starts(with: "MACCOR, INC.") && probe.prefixText.prefix(200).contains("AC Impedance") {
            return InterphaseError(.unsupportedFormat,
                                   "not a recognised cycler file: this is a Maccor AC impedance (EIS/FRA) export, a frequency sweep, not cycling data",
                                   file: probe.path, expected: "the cycling export of the same channel (e.g. <name>.<channel>)")
        }
        return registry.unrecognised(probe, hint: "for other delimited text give --columns time=…,voltage=…,current=…")
    }
}
