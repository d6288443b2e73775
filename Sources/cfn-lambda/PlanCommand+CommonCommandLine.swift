extension PlanCommand: CommonCommand {
    static var common: Self {
        var command = Self()
        command.format = .text
        command.stdinName = nil
        command.detailedExitcode = false
        command.baseRef = nil
        command.state = nil
        command.baseParameters = []
        command.artifactSizes = nil
        command.accountSettings = nil
        command.quotaBasis = nil
        command.eniQuota = 500
        command.options = .common
        command.display = .common
        command.templates = []
        return command
    }

    static func commonOption(_ name: String) -> CommonOption<Self>? {
        switch name {
        case "-f", "--format": .argument { $0.format = $1 }
        case "--stdin-name": .text { $0.stdinName = $1 }
        case "--detailed-exitcode": .flag { $0.detailedExitcode = true }
        case "--base-ref": .text { $0.baseRef = $1 }
        case "--state": .text { $0.state = $1 }
        case "--base-parameters": .text { $0.baseParameters.append($1) }
        case "--artifact-sizes": .text { $0.artifactSizes = $1 }
        case "--account-settings": .text { $0.accountSettings = $1 }
        case "--quota-basis": .argument { $0.quotaBasis = $1 }
        case "--eni-quota": .argument { $0.eniQuota = $1 }
        default:
            TemplateSettingsOptions.commonOption(name)?.within(\.options)
                ?? DisplayOptions.commonOption(name)?.within(\.display)
        }
    }

    mutating func addPositional(_ argument: String) {
        templates.append(argument)
    }

    mutating func validateAll() throws {
        try options.validate()
        try display.validate()
        try validate()
    }
}
