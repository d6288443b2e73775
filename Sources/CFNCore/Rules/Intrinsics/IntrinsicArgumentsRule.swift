import CFNLoader

/// An intrinsic function whose argument has the wrong form: `Ref` of a mapping, `Fn::Select` of a
/// word, `Fn::If` with two items (cfn-lint E1010-E1024).
public struct IntrinsicArgumentsRule: TemplateRule {
    public static let schedule = RuleSchedule.readsIntrinsicSites

    public static let descriptor = RuleDescriptor(
        id: "intrinsic.arguments", severity: .error, summary: "An intrinsic function with the wrong number or kind of arguments",
        explanation: "Each intrinsic function takes an argument of a fixed form (CloudFormation intrinsic function reference): Ref a name (or, with AWS::LanguageExtensions, a function, as for Fn::GetAtt's arguments); Fn::GetAtt [resource, attribute] (the attribute may be a Ref) or 'Resource.Attribute'; Fn::Sub a string or [string, {variables}]; Fn::Join [delimiter, [values]]; Fn::Select [index, list], the index a whole number or a function; Fn::Split [delimiter, text]; Fn::If [condition name, value if true, value if false]; Fn::FindInMap [map, top-level key, second-level key], with AWS::LanguageExtensions a fourth item {DefaultValue: value}; Fn::Base64, Fn::GetAZs and Fn::ImportValue a string or a function; Fn::Cidr [ipBlock, count, cidrBits]. A delimiter, a name and a condition name are literal strings. CloudFormation rejects a template with another form. The finding is at the call and says the form expected; the values such a call would give are not known, so other rules say nothing about them.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile:\n          ↓Fn::Join:\n            - ''\n            - 'exports.handler = async () => {'\n            - '};'\n",
            "Conditions:\n  IsProd: !Equals [a, b]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓!If [IsProd, arn:aws:iam::123456789012:role/r]\n      Handler: ↓!Join ['', index.handler]\n      Description: ↓!Select [0]\n",
            "Conditions:\n  C: !Equals [a, b]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !If [C, ↓!Select [0], !Join ['', [x, ↓!Split [',']]]]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: ↓!Split [',']\n      Runtime: ↓!FindInMap [Runtimes, python]\nOutputs:\n  O:\n    Value: ↓!Join ',' \n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Description: ↓!Ref {a: b}\n      Timeout: ↓!Ref [a]\n      Handler: ↓!GetAtt Fn\n      Runtime: ↓!GetAtt [Fn, Arn, X]\n      Role: ↓!Sub [abc]\n      KmsKeyArn: ↓!Sub [abc, def]\n      MemorySize: ↓!Select [first, [1, 2]]\n      FunctionName: ↓!Split [[a], abc]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: ↓!Base64 [a]\n      Description: ↓!GetAZs {a: b}\n      Handler: ↓!ImportValue [a]\n      Layers: ↓!Cidr [10.0.0.0/16, 1]\n      Runtime: ↓!FindInMap [M, a, b, {DefaultValue: x}]\n      Tags:\n        - Key: ↓!Sub {a: b}\n          Value: ↓!Join [[a], [b]]\n",
        ],
        nonTriggering: [
            "Transform: AWS::LanguageExtensions\nConditions:\n  IsProd: !Equals [a, b]\nMappings:\n  Runtimes: {python: {latest: python3.13}}\nParameters:\n  Subnets: {Type: CommaDelimitedList}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !If [IsProd, arn:aws:iam::123456789012:role/r, !Ref AWS::NoValue]\n      Handler: !Join ['', [index, .handler]]\n      Description: !Join [',', !Ref Subnets]\n      Layers: !Split [',', 'a,b']\n      Runtime: !FindInMap [Runtimes, python, latest]\n      MemorySize: !Select [0, [128, 256]]\n      Timeout: !FindInMap [Runtimes, python, timeout, {DefaultValue: 3}]\n",
            "Transform: AWS::LanguageExtensions\nParameters:\n  Stage: {Type: String, Default: prod}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Description: !Ref {'Fn::Sub': 'Role${Stage}'}\n      Role: !GetAtt [!Sub 'Role${Stage}', Arn]\n      Handler: {'Fn::GetAtt': !Split ['.', !Sub 'Role${Stage}.Arn']}\n  Roleprod:\n    Type: AWS::IAM::Role\n",
            "Parameters:\n  Attribute: {Type: String, Default: Arn}\n  Index: {Type: Number, Default: 0}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt [Role, !Ref Attribute]\n      Handler: !GetAtt Role.Arn\n      Description: !Sub ['${A}-x', {A: !Ref AWS::Region}]\n      KmsKeyArn: !Sub 'arn:${AWS::Partition}:kms'\n      MemorySize: !Select [!Ref Index, ['128', '256']]\n      Timeout: !Select ['1', !Split [',', '3,9']]\n      Code:\n        ZipFile: !Base64 !Sub '${AWS::Region}'\n      FunctionName: !Select [0, !GetAZs '']\n      Layers: [!ImportValue !Sub '${AWS::StackName}-layer']\n      Runtime: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, '6', 5]]\n  Role:\n    Type: AWS::IAM::Role\n  Vpc:\n    Type: AWS::EC2::VPC\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        let languageExtensions = context.template.transforms.contains(Template.languageExtensions)
        var findings: [Finding] = []
        // The calls as the reference rules found them (shared, found once), not another walk.
        for (place, sites) in zip(context.evaluatedPlaces, context.sitesOfPlaces) {
            for site in sites {
                guard let problem = Self.problem(site.function, site.argument, tree, languageExtensions: languageExtensions) else { continue }
                var finding = context.finding(Self.descriptor, problem, at: site.node, in: place)
                // The call itself, named as in a path through it (`…/ZipFile/Fn::Join`).
                if finding.path.last != site.function.longName { finding.path.append(site.function.longName) }
                findings.append(finding)
            }
        }
        return findings
    }

    /// What is wrong with the arguments of a call, or nil when their form is right.
    static func problem(_ function: IntrinsicFunction, _ argument: NodeID, _ tree: NodeTree, languageExtensions: Bool) -> String? {
        guard let form = IntrinsicForm.of(function, languageExtensions: languageExtensions) else { return nil }
        let name = function.longName
        if let slot = form.single {
            return slot.admits(argument, tree) ? nil : "\(name) takes \(form.shape); it has \(describe(argument, tree))"
        }
        // The short forms: `!Sub 'text'` and `!GetAtt Resource.Attribute`.
        if tree.kind(argument) == .scalar, function == .sub || function == .getAtt {
            guard function == .getAtt, let text = tree.string(argument) else { return nil }
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty ? nil
                : "Fn::GetAtt takes \(form.shape); it has \(describe(argument, tree)), with no attribute after a dot"
        }
        if form.takesAFunction, tree.kind(argument) == .intrinsic { return nil }
        guard tree.kind(argument) == .sequence else {
            return function == .sub || function == .getAtt ? "\(name) takes \(form.shape); it has \(describe(argument, tree))"
                : "\(name) takes a list, \(form.shape); it has \(describe(argument, tree))"
        }
        let arguments = Array(tree.elements(argument))
        let counts = (form.items.count - form.optionalItems)...form.items.count
        guard counts.contains(arguments.count) else {
            let expected = counts.count == 1 ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)"
            let fix = function == .join && arguments.count > 2 ? ": put the values in one list, [delimiter, [a, b, …]]"
                : function == .findInMap && arguments.count == 4 ? ": a fourth item, {DefaultValue: value}, needs Transform: AWS::LanguageExtensions" : ""
            return "\(name) takes \(expected) arguments, \(form.shape); it has \(arguments.count)\(fix)"
        }
        for (item, expected) in zip(arguments, form.items) where !expected.slot.admits(item, tree) {
            return "\(name) takes \(form.shape): the \(expected.name) must be \(expected.slot.expected), not \(describe(item, tree))"
        }
        if function == .findInMap, arguments.count == 4, tree.value(forKey: "DefaultValue", in: arguments[3]) == nil {
            return "Fn::FindInMap takes \(form.shape): its fourth item has no DefaultValue"
        }
        return nil
    }

    static func describe(_ node: NodeID, _ tree: NodeTree) -> String {
        switch tree.kind(node) {
        case .scalar: tree.string(node).map { $0.count <= 40 ? "'\($0)'" : "a string" } ?? "a string"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .intrinsic: tree.intrinsic(node).map { "an \($0.function.longName)" } ?? "a function"
        }
    }
}
