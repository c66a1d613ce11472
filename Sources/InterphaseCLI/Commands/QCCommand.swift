import ArgumentParser

/// `interphase qc …`: quantum chemistry on molecules from XYZ files.
struct QCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qc",
        abstract: "Quantum chemistry (RHF, B3LYP, PBE, PBE0, BLYP): single points, gradients, geometry optimisation and SEI screening.",
        subcommands: [QCEnergyCommand.self, QCOptimizeCommand.self, QCScreenCommand.self, QCESPCommand.self])
}
