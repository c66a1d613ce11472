import ArgumentParser
import Foundation
import Interphase

@main
struct InterphaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interphase",
        abstract: "Lithium-metal battery interphase research: cycler files, cycling metrics, figures and reports.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, CyclingCommand.self, EISCommand.self, TafelCommand.self, CVCommand.self, LSVCommand.self,
                      QCCommand.self, XPSCommand.self, ReproduceCommand.self])

    /// Runs the command, printing an `InterphaseError` as one line on stderr with exit status 1.
    static func main() {
        // OpenBLAS starts spinning worker threads when it is loaded; each BLAS call site sets its own
        // thread count for its scope (`BLASThreads`).
        BLASThreads.releaseLoadTimeWorkers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InterphaseError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
