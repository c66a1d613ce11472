import ArgumentParser
import Foundation
import Interphase

extension OutputFormat: ExpressibleByArgument {}

/// Options every command shares.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Directory for output files (created; files are written atomically).")
    var out: String?

    @Option(name: .long, help: "What goes to standard output: table, json or csv.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "No progress bar and no informational messages.")
    var quiet = false

    var outURL: URL? { out.map { URL(fileURLWithPath: $0) } }

    func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints a result in the chosen `--format`: its JSON, its CSV table or its text.
    func present(json: JSONValue, csv: [UInt8], text: String) {
        switch format {
        case .json: emit(json.rendered() + "\n")
        case .csv: emit(String(decoding: csv, as: UTF8.self))
        case .table: emit(text)
        }
    }

    func info(_ text: String) {
        if !quiet { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }
}
