import ArgumentParser
import Foundation

/// `--color auto|always|never`: auto is colour on a terminal unless `NO_COLOR` is set.
enum ColorChoice: String, ArgumentChoice {
    case auto, always, never

    static let choices: [Self] = [.auto, .always, .never]
}

/// What the text output looks like, for every command that prints findings.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print the findings only: no summary line, no progress.")
    var quiet = false

    @Option(help: "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    /// Makes the choices the console's for this run.
    func apply() {
        Console.color = color
        Console.quiet = quiet
    }
}
