extension Validate: CommonCommand {
    static var common: Self {
        var command = Self()
        command.format = .text
        command.failOn = .error
        command.options = .common
        command.inputs = .common
        command.display = .common
        command.paths = []
        return command
    }

    static func commonOption(_ name: String) -> CommonOption<Self>? {
        switch name {
        case "-f", "--format": .argument { $0.format = $1 }
        case "--fail-on": .argument { $0.failOn = $1 }
        default:
            TemplateSettingsOptions.commonOption(name)?.within(\.options)
                ?? InputOptions.commonOption(name)?.within(\.inputs)
                ?? DisplayOptions.commonOption(name)?.within(\.display)
        }
    }

    mutating func addPositional(_ argument: String) {
        paths.append(argument)
    }

    mutating func validateAll() throws {
        try options.validate()
        try inputs.validate()
        try display.validate()
        try validate()
    }
}

extension InputOptions {
    /// The values ArgumentParser gives when none of the group's options is on the command line.
    static var common: Self {
        var options = Self()
        options.stdinName = nil
        options.exclude = []
        options.onlyTemplates = false
        return options
    }

    static func commonOption(_ name: String) -> CommonOption<Self>? {
        switch name {
        case "--stdin-name": .text { $0.stdinName = $1 }
        case "--exclude": .text { $0.exclude.append($1) }
        case "--only-templates": .flag { $0.onlyTemplates = true }
        default: nil
        }
    }
}
