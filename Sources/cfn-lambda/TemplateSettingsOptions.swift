import ArgumentParser
import CFNCore
import Foundation

/// Options that change what templates mean and which rules apply; shared by commands that validate.
struct TemplateSettingsOptions: ParsableArguments {
    @Option(name: .customLong("parameters"),
            help: ArgumentHelp("A parameter value (Key=Value) or a parameters file (JSON/YAML: [{ParameterKey, ParameterValue}] or {Key: Value}). Repeatable.",
                               valueName: "Key=Value|file"))
    var parameters: [String] = []

    @Option(help: "Region for AWS::Region, AWS::Partition and AWS::URLSuffix.")
    var region: String?

    @Option(name: .customLong("account-id"), help: "Account ID for AWS::AccountId.")
    var accountId: String?

    @Option(name: .customLong("stack-name"), help: "Stack name for AWS::StackName.")
    var stackName: String?

    @Option(help: ArgumentHelp("Judge dates (runtime deprecations) as of this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(help: "Configuration file (default: .cfn-lambda.yaml in the working directory or above).")
    var config: String?

    @Option(help: ArgumentHelp("Do not report this rule. Repeatable.", valueName: "rule-id"))
    var ignore: [String] = []

    func validate() throws {
        if let today, !Self.isDate(today) {
            throw ValidationError("--today must be a date as YYYY-MM-DD, not '\(today)'.")
        }
        if let accountId, accountId.count != 12 || !accountId.allSatisfy(\.isASCII) || !accountId.allSatisfy(\.isNumber) {
            throw ValidationError("--account-id must be 12 digits, not '\(accountId)'.")
        }
        for rule in ignore where RuleCatalog.descriptor(rule) == nil {
            throw ValidationError("--ignore \(rule): no such rule (see `cfn-lambda rules`).")
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// Today in UTC as YYYY-MM-DD: the one place the tool reads the clock.
    static func currentDate() -> String {
        RuntimeLifecycle.date(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// What the options resolve to: the configuration, the settings, and reports about the inputs
/// themselves (a parameters or configuration file with problems).
struct ResolvedSettings {
    var configuration: Configuration
    var settings: ValidationSettings
    var inputReports: [FileReport]
    var unreadable: [String]
    /// The parameter names `--parameters` gave (not the configuration's defaults), in order.
    var givenParameterNames: [String] = []

    /// The settings every analysis applies.
    var analysis: AnalysisSettings { AnalysisSettings(settings: settings, configuration: configuration) }

    /// `deployed` (`plan --state`): the stack's parameter values come before the given ones, and its
    /// region, account and name stand in for the options not given.
    init(_ options: TemplateSettingsOptions, deployed: DeployedState? = nil) {
        inputReports = []
        unreadable = []
        configuration = .empty
        let directory = FileManager.default.currentDirectoryPath
        let configPath = options.config
            ?? Configuration.locate(startingAt: directory, fileExists: { FileManager.default.fileExists(atPath: $0) })
                .map { $0.hasPrefix(directory + "/") ? String($0.dropFirst(directory.count + 1)) : $0 }
        if let configPath {
            if let bytes = TemplateFiles.read(configPath) {
                let (parsed, findings) = Configuration.parse(file: configPath, bytes: bytes)
                configuration = parsed
                let shown = Suppressions.apply(findings, template: nil, configuration: parsed)
                if !shown.isEmpty { inputReports.append(FileReport(file: configPath, bytes: bytes, findings: shown)) }
            } else {
                unreadable.append("\(configPath): cannot be read")
            }
        }
        configuration = configuration.merged(with: options.ignore)
        var given: [String: String] = deployed?.parameters ?? [:]
        for parameter in options.parameters {
            if !FileManager.default.fileExists(atPath: parameter), let equals = parameter.firstIndex(of: "=") {
                given[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
                givenParameterNames.append(String(parameter[..<equals]))
            } else if let bytes = TemplateFiles.read(parameter) {
                let (values, findings) = ParameterFile.parse(bytes)
                given.merge(values) { $1 }
                givenParameterNames += values.keys.sorted()
                if !findings.isEmpty { inputReports.append(FileReport(file: parameter, bytes: bytes, findings: findings)) }
            } else {
                unreadable.append("\(parameter): no such parameters file (a value is given as Key=Value)")
            }
        }
        let cli = ValidationSettings(parameters: given, region: options.region ?? deployed?.region,
                                     accountId: options.accountId ?? deployed?.accountId,
                                     stackName: options.stackName ?? deployed.map(\.stackName).flatMap { $0.isEmpty ? nil : $0 },
                                     today: options.today ?? TemplateSettingsOptions.currentDate())
        settings = configuration.settings(overriddenBy: cli)
    }
}
