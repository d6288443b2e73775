import ArgumentParser

/// The command lines CI and pre-commit run on every commit (`validate` and `plan` with their
/// options), read by hand into the values ArgumentParser gives. ArgumentParser reflects over a
/// command and each of its option groups at every start, which cost a one-function validate more
/// processor time than checking the template. Whatever this reader does not know (help,
/// completions, an unknown or combined option, a value that starts with a dash) and every error,
/// a failed `validate()` included, gives nil: ArgumentParser then parses the same arguments and
/// says what it always says. `CommonCommandLineTests` hold both readers to the same values.
enum CommonCommandLine {
    /// The command to run, or nil when ArgumentParser must parse `arguments` (without the program's name).
    static func parse(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        switch name {
        case "validate": return read(rest, into: Validate.common)
        case "plan": return read(rest, into: PlanCommand.common)
        default: return nil
        }
    }

    /// ArgumentParser's rules for the forms read here: `-` and words without a leading dash are
    /// positional, and so is everything after `--`; `--name=value` carries its value (unless empty);
    /// otherwise an option's value is the next argument unless that starts with a dash (an error,
    /// left to ArgumentParser). A repeated option keeps its last value; an array option collects each.
    private static func read<Command: CommonCommand>(_ arguments: ArraySlice<String>, into command: Command) -> ParsableCommand? {
        var command = command
        var index = arguments.startIndex
        var positionalOnly = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if positionalOnly || argument == "-" || !argument.hasPrefix("-") {
                command.addPositional(argument)
                continue
            }
            if argument == "--" {
                positionalOnly = true
                continue
            }
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            switch Command.commonOption(name) {
            case .flag(let set)?:
                guard attached == nil else { return nil }
                set(&command)
            case .value(let store)?:
                let value: String
                if let attached {
                    // ArgumentParser reads `--name=` as `--name` followed by the next argument.
                    guard !attached.isEmpty else { return nil }
                    value = attached
                } else {
                    guard index < arguments.endIndex, !arguments[index].hasPrefix("-") else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard store(&command, value) else { return nil }
            case nil:
                return nil
            }
        }
        do {
            try command.validateAll()
        } catch {
            return nil
        }
        return command
    }
}

/// One option as the hand-written reader knows it.
enum CommonOption<Command> {
    case flag((inout Command) -> Void)
    /// Stores the value; false when it is not one ArgumentParser would accept.
    case value((inout Command, String) -> Bool)

    /// A value of a type that reads itself from an argument, read as ArgumentParser reads it.
    static func argument<Value: ExpressibleByArgument>(_ set: @escaping (inout Command, Value) -> Void) -> Self {
        .value { command, text in
            guard let value = Value(argument: text) else { return false }
            set(&command, value)
            return true
        }
    }

    /// A text value.
    static func text(_ set: @escaping (inout Command, String) -> Void) -> Self {
        .value { command, text in
            set(&command, text)
            return true
        }
    }

    /// The same option of a group the command holds.
    func within<Outer>(_ group: WritableKeyPath<Outer, Command>) -> CommonOption<Outer> {
        switch self {
        case .flag(let set): .flag { set(&$0[keyPath: group]) }
        case .value(let store): .value { store(&$0[keyPath: group], $1) }
        }
    }
}

/// A command the hand-written reader knows.
protocol CommonCommand: ParsableCommand {
    /// The values ArgumentParser gives when no option or argument is on the command line.
    static var common: Self { get }
    /// The option with this spelling (`--format`, `-f`), or nil.
    static func commonOption(_ name: String) -> CommonOption<Self>?
    mutating func addPositional(_ argument: String)
    /// The `validate()` of each option group, then the command's, as ArgumentParser runs them.
    mutating func validateAll() throws
}

extension TemplateSettingsOptions {
    /// The values ArgumentParser gives when none of the group's options is on the command line.
    static var common: Self {
        var options = Self()
        options.parameters = []
        options.region = nil
        options.accountId = nil
        options.stackName = nil
        options.today = nil
        options.config = nil
        options.ignore = []
        return options
    }

    static func commonOption(_ name: String) -> CommonOption<Self>? {
        switch name {
        case "--parameters": .text { $0.parameters.append($1) }
        case "--region": .text { $0.region = $1 }
        case "--account-id": .text { $0.accountId = $1 }
        case "--stack-name": .text { $0.stackName = $1 }
        case "--today": .text { $0.today = $1 }
        case "--config": .text { $0.config = $1 }
        case "--ignore": .text { $0.ignore.append($1) }
        default: nil
        }
    }
}

extension DisplayOptions {
    /// The values ArgumentParser gives when none of the group's options is on the command line.
    static var common: Self {
        var options = Self()
        options.quiet = false
        options.color = .auto
        return options
    }

    static func commonOption(_ name: String) -> CommonOption<Self>? {
        switch name {
        case "-q", "--quiet": .flag { $0.quiet = true }
        case "--color": .argument { $0.color = $1 }
        default: nil
        }
    }
}
