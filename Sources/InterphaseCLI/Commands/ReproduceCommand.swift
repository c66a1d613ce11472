import ArgumentParser
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reproduce")
    func run() throws {}
}
