import ArgumentParser
struct CyclingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cycling")
    func run() throws {}
}
