import ArgumentParser

/// `interphase eis …`: impedance spectra — equivalent-circuit fits of one file or a series.
struct EISCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eis",
        abstract: "Impedance spectra: equivalent-circuit fits (one file or a series) with model-free Re and Ri, lin-KK, DRT.",
        subcommands: [EISFitCommand.self, EISBatchCommand.self, EISKKCommand.self, EISDRTCommand.self])
}
