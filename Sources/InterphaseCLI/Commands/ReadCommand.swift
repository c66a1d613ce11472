import ArgumentParser
import Foundation
import Interphase

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a cycler file: print its format, metadata and columns; --to csv writes the normalised recording.")

    @Argument(help: "Cycler file (BioLogic .mpr/.mpt, Neware .nda/.ndax, Arbin .res/.csv/.xlsx, Maccor, LAND .ccs/.xlsx, Basytec, Novonix, CSV/TSV); several files of one test are joined in time order.")
    var files: [String]

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Write the normalised recording: csv.")
    var to: String?

    func validate() throws {
        if let to, to != "csv" { throw ValidationError("--to accepts 'csv'") }
    }

    func run() throws {
        let measurement = try input.loadMeasurement(files, quiet: output.quiet)
        let recording: Recording
        switch measurement {
        case let .recording(r):
            recording = r
        case let .spectroscopy(file, path):
            if to != nil { throw InterphaseError(.invalidParameter, "a spectroscopy file has no recording to write; use interphase xps", parameter: "--to") }
            let summary = SpectroscopyFileSummary(file, path: path)
            output.present(json: summary.json, csv: summary.spectrumTable.renderedCSV(), text: summary.text)
            return
        case let .impedance(file, path):
            if to != nil { throw InterphaseError(.invalidParameter, "an impedance file has no recording to write; use interphase eis fit", parameter: "--to") }
            let summary = ImpedanceFileSummary(file, path: path)
            output.present(json: summary.json, csv: summary.sweepTable.renderedCSV(), text: summary.text)
            return
        }
        let summary = RecordingSummary(recording)
        switch output.format {
        case .json: output.emit(summary.json.rendered() + "\n")
        case .csv: output.emit(summary.columnTable.renderedCSV())
        case .table: output.emit(summary.text)
        }
        if to == "csv" {
            let directory = output.outURL ?? URL(fileURLWithPath: ".")
            let stem = URL(fileURLWithPath: files[0]).deletingPathExtension().lastPathComponent
            let name = stem + (files.count > 1 ? "-joined" : "") + ".csv"
            let destination = directory.appendingPathComponent(name)
            let bar = ProgressBar(label: "writing", total: 1, quiet: output.quiet)
            defer { bar.finish() }
            try RecordingCSV.write(recording, to: destination) { bar.update($0) }
            output.info("wrote \(destination.path)")
        }
    }
}

/// Options for reading input files, shared by the commands that take a cycler file.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Column mapping for delimited text, e.g. time=Time(s),voltage=Ewe/V,current=I:mA.")
    var columns: String?

    @Option(name: .long, help: "Force the input format (\(RecordingLoader.registry.formats.map(\.id).joined(separator: ", "))).")
    var inputFormat: String?

    @Option(name: .customLong("current-mA"), help: "Constant current for files with time and voltage only (mA).")
    var currentMilliamps: Double?

    /// Any measurement file (`MeasurementLoader`): a recording, or impedance sweeps.
    func loadMeasurement(_ paths: [String], quiet: Bool) throws -> MeasurementFile {
        let bar = ProgressBar(label: "reading", total: 1, quiet: quiet)
        defer { bar.finish() }
        var options = try readOptions()
        options.progress = { bar.update($0) }
        return try MeasurementLoader.load(paths.map { URL(fileURLWithPath: $0) }, options: options)
    }

    /// - Parameter auxiliary: keep columns without a role (`ReadOptions.auxiliaryColumns`).
    func load(_ paths: [String], quiet: Bool, auxiliary: Bool = true) throws -> Recording {
        var options = try readOptions()
        options.auxiliaryColumns = auxiliary
        let bar = ProgressBar(label: "reading", total: 1, quiet: quiet)
        options.progress = { bar.update($0) }
        defer { bar.finish() }
        return try RecordingLoader.load(paths.map { URL(fileURLWithPath: $0) }, options: options)
    }

    func readOptions() throws -> ReadOptions {
        var options = ReadOptions()
        if let columns { options.columnMapping = try ColumnMapping(parsing: columns) }
        if let inputFormat {
            options.format = try RecordingLoader.format(id: inputFormat)
        }
        if let currentMilliamps {
            guard currentMilliamps.isFinite else {
                throw InterphaseError(.invalidParameter, "not a finite number", parameter: "--current-mA")
            }
            options.assumedCurrent = currentMilliamps * Units.milli
        }
        return options
    }
}
