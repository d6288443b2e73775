import CFNLoader

/// `Fn::If`, `Fn::Join`, `Fn::Select`, `Fn::Split` and `Fn::FindInMap` with the wrong number or
/// kind of arguments.
public struct IntrinsicArgumentsRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "intrinsic.arguments", severity: .error, summary: "An intrinsic function with the wrong number or kind of arguments",
        explanation: "Each intrinsic function takes a list of a fixed form (CloudFormation intrinsic function reference): Fn::If [condition name, value if true, value if false]; Fn::Join [delimiter, [values]]; Fn::Select [index, list]; Fn::Split [delimiter, text]; Fn::FindInMap [map, top-level key, second-level key] (a fourth item, {DefaultValue: …}, with AWS::LanguageExtensions). CloudFormation rejects a template with another form. The values such a call would give are not known, so other rules say nothing about them.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile:\n          ↓Fn::Join:\n            - ''\n            - 'exports.handler = async () => {'\n            - '};'\n",
            "Conditions:\n  IsProd: !Equals [a, b]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓!If [IsProd, arn:aws:iam::123456789012:role/r]\n      Handler: ↓!Join ['', index.handler]\n      Description: ↓!Select [0]\n",
            "Conditions:\n  C: !Equals [a, b]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !If [C, ↓!Select [0], !Join ['', [x, ↓!Split [',']]]]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: ↓!Split [',']\n      Runtime: ↓!FindInMap [Runtimes, python]\nOutputs:\n  O:\n    Value: ↓!Join ',' \n",
        ],
        nonTriggering: [
            "Conditions:\n  IsProd: !Equals [a, b]\nMappings:\n  Runtimes: {python: {latest: python3.13}}\nParameters:\n  Subnets: {Type: CommaDelimitedList}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !If [IsProd, arn:aws:iam::123456789012:role/r, !Ref AWS::NoValue]\n      Handler: !Join ['', [index, .handler]]\n      Description: !Join [',', !Ref Subnets]\n      Layers: !Split [',', 'a,b']\n      Runtime: !FindInMap [Runtimes, python, latest]\n      MemorySize: !Select [0, [128, 256]]\n      Timeout: !FindInMap [Runtimes, python, timeout, {DefaultValue: 3}]\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        var findings: [Finding] = []
        // The calls as the reference rules found them (shared, found once), not another walk.
        for (place, sites) in zip(context.evaluatedPlaces, context.sitesOfPlaces) {
            for site in sites {
                guard let problem = Self.problem(site.function, site.argument, tree) else { continue }
                var finding = context.finding(Self.descriptor, problem, at: site.node, in: place)
                // The call itself, named as in a path through it (`…/ZipFile/Fn::Join`).
                if finding.path.last != site.function.longName { finding.path.append(site.function.longName) }
                findings.append(finding)
            }
        }
        return findings
    }

    /// What is wrong with the arguments of a call, or nil when their form is right.
    static func problem(_ function: IntrinsicFunction, _ argument: NodeID, _ tree: NodeTree) -> String? {
        let form: String
        let counts: ClosedRange<Int>
        switch function {
        case .if: (form, counts) = ("[condition name, value if true, value if false]", 3...3)
        case .join: (form, counts) = ("[delimiter, [values]]", 2...2)
        case .select: (form, counts) = ("[index, list]", 2...2)
        case .split: (form, counts) = ("[delimiter, text]", 2...2)
        case .findInMap: (form, counts) = ("[map, top-level key, second-level key]", 3...4)
        default: return nil
        }
        let name = function.longName
        guard tree.kind(argument) == .sequence else {
            return "\(name) takes a list, \(form); it has \(describe(argument, tree))"
        }
        let arguments = Array(tree.elements(argument))
        guard counts.contains(arguments.count) else {
            let expected = counts.count == 1 ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)"
            let fix = function == .join && arguments.count > 2 ? ": put the values in one list, [delimiter, [a, b, …]]" : ""
            return "\(name) takes \(expected) arguments, \(form); it has \(arguments.count)\(fix)"
        }
        switch function {
        case .if where tree.kind(arguments[0]) != .scalar:
            return "Fn::If takes a condition name first, not \(describe(arguments[0], tree))"
        case .join where tree.kind(arguments[1]) == .scalar || tree.kind(arguments[1]) == .mapping:
            return "Fn::Join takes a list of values second, not \(describe(arguments[1], tree)): [delimiter, [a, b, …]]"
        default:
            return nil
        }
    }

    static func describe(_ node: NodeID, _ tree: NodeTree) -> String {
        switch tree.kind(node) {
        case .scalar: "a string"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .intrinsic: tree.intrinsic(node).map { "an \($0.function.longName)" } ?? "a function"
        }
    }
}
