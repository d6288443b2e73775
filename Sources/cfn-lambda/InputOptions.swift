import ArgumentParser
import CFNReporters

/// How templates are found and named: standard input's name, and what a folder search skips.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("stdin-name"),
            help: ArgumentHelp("The file name standard input (-) is reported under.", valueName: "name"))
    var stdinName: String?

    @Option(help: ArgumentHelp("Skip paths a folder search finds that match this glob (cdk.out, 'tests/*', '*.test.yaml'). Repeatable; added to exclude: in .cfn-lambda.yaml.",
                               valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .customLong("only-templates"),
          help: "Skip named files that do not look like templates, as a folder search does, and exit 0 when none is left (for hooks given every changed YAML or JSON file).")
    var onlyTemplates = false

    /// The name an input is reported under: standard input's given name, or its path.
    static func name(of path: String, stdinName: String?) -> String {
        path == "-" ? stdinName ?? "<stdin>" : path
    }
}

extension UnreadableInput {
    /// From a `path: reason` problem line, as the options' readers record them.
    init(problem: String) {
        if let colon = problem.range(of: ": ") {
            self.init(file: String(problem[..<colon.lowerBound]), reason: String(problem[colon.upperBound...]))
        } else {
            self.init(file: problem, reason: "cannot be read")
        }
    }
}
