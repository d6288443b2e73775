import CFNLoader

/// A parameter value, given or default, that its own constraints reject.
public struct ParameterValueRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "parameter.value", severity: .error, summary: "A parameter value its constraints reject",
        explanation: "CloudFormation checks each parameter's value, given or Default, against its Type (Number), AllowedValues, AllowedPattern (the whole value must match), MinLength/MaxLength and MinValue/MaxValue before anything is created.")

    public static let examples = RuleExamples(
        triggering: [
            "Parameters:\n  Stage:\n    Type: String\n    AllowedValues: [dev, prod]\n    Default: ↓qa\nResources:\n  R: {Type: T}\n",
            "Parameters:\n  Memory:\n    Type: Number\n    MaxValue: 10240\n    Default: ↓20000\n  Name:\n    Type: String\n    AllowedPattern: '[a-z]+'\n    Default: ↓Orders1\nResources:\n  R: {Type: T}\n",
            "Parameters:\n  Size: {Type: Number, Default: ↓big}\n  Code: {Type: String, MinLength: 3, Default: ↓ab}\nResources:\n  R: {Type: T}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod], Default: dev}\n  Memory: {Type: Number, MinValue: 128, MaxValue: 10240, Default: 512}\n  Name: {Type: String, AllowedPattern: '[a-z]+', Default: orders}\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}\nResources:\n  R: {Type: T}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for declaration in context.parameters.ordered {
            guard let value = context.parameters.values[declaration.name], !declaration.isSSM else { continue }
            let given = value.source == .given
            let node = given ? declaration.keyNode : (declaration.defaultNode ?? declaration.keyNode)
            let items = declaration.isList ? value.text.parameterListItems : [value.text]
            for item in items {
                if let problem = Self.problem(item, declaration) {
                    let what = given ? "given value" : "Default"
                    findings.append(Finding(Self.descriptor, "\(what) '\(item)' of parameter \(declaration.name) \(problem)",
                                            at: context.tree.range(node),
                                            path: ["Parameters", declaration.name] + (given ? [] : ["Default"])))
                    break
                }
            }
        }
        return findings
    }

    static func problem(_ value: String, _ declaration: ParameterDeclaration) -> String? {
        if declaration.isNumeric, Double(value) == nil { return "is not a number" }
        if let allowed = declaration.allowedValues, !allowed.contains(value) {
            return "is not one of the AllowedValues: \(allowed.joined(separator: ", "))"
        }
        if let minimum = declaration.minLength, value.count < minimum { return "is shorter than MinLength \(minimum)" }
        if let maximum = declaration.maxLength, value.count > maximum { return "is longer than MaxLength \(maximum)" }
        if let number = Double(value) {
            if let minimum = declaration.minValue, number < minimum { return "is below MinValue \(Self.format(minimum))" }
            if let maximum = declaration.maxValue, number > maximum { return "is above MaxValue \(Self.format(maximum))" }
        }
        if let pattern = declaration.allowedPattern, let matches = PatternMatcher.wholeMatch(pattern, value), !matches {
            return "does not match AllowedPattern \(pattern)"
        }
        return nil
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
