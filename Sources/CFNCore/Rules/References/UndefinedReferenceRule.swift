import CFNLoader

/// `Ref`, `Fn::GetAtt`, `Fn::Sub` variables, `DependsOn`, `Condition` and `Fn::FindInMap` map names
/// that name nothing in the template.
public struct UndefinedReferenceRule: TemplateRule {
    public static let schedule = RuleSchedule.readsIntrinsicSites

    public static let descriptor = RuleDescriptor(
        id: "reference.undefined", severity: .error, summary: "A reference to something the template does not declare",
        explanation: "Ref and Fn::Sub variables must name a parameter, a resource or a pseudo parameter; Fn::GetAtt and DependsOn a resource; Condition and Fn::If a condition; Fn::FindInMap a mapping. CloudFormation rejects the template otherwise. With the SAM transform, names of resources SAM makes (starting with a SAM resource's logical ID, or ServerlessRestApi, ServerlessHttpApi, ServerlessDeploymentApplication, CodeDeployServiceRole) are not reported. A macro transform (any other than AWS::Serverless-2016-10-31 and AWS::LanguageExtensions) may create any resource, so there resource names are not judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt ↓Rol.Arn\n  Role:\n    Type: AWS::IAM::Role\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Ref ↓Nme\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub 'svc-${↓Stage}-${AWS::Region}'\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: [↓Bucket]\n    Condition: ↓IsProd\n",
            "Conditions:\n  A: !Equals [x, y]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: !If [↓B, 256, 128]\n      Handler: !FindInMap [↓Handlers, x, y]\n",
        ],
        nonTriggering: [
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n  Other:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: !GetAtt FnRole.Arn\n      Principal: !Ref FnAliaslive\n",
            "Transform: MyMacro\nResources:\n  Other:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: !Ref MadeByTheMacro\n",
            "Parameters:\n  Stage: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nMappings:\n  M: {a: {b: c}}\nResources:\n  Role:\n    Type: AWS::IAM::Role\n  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: Role\n    Condition: IsProd\n    Properties:\n      Role: !GetAtt Role.Arn\n      FunctionName: !Sub '${Stage}-${AWS::StackName}-${Role.Arn}-${!Literal}'\n      Handler: !FindInMap [M, a, b]\n      Description: !Sub ['${X}', {X: !Ref Stage}]\n      MemorySize: !If [IsProd, 256, !Ref AWS::NoValue]\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        let template = context.template
        var findings: [Finding] = []
        let parameters = Set(context.parameters.declarations.keys)
        let conditionNames = Set((template.entries(of: .conditions) ?? .empty).compactMap { tree.string($0.key) })
        let mappingNames = Set((template.entries(of: .mappings) ?? .empty).compactMap { tree.string($0.key) })
        // A macro (a transform other than SAM's and the language extensions) may create any
        // resource; SAM creates resources named after its own (a function's <Name>Role).
        let macro = template.transforms.contains { $0 != "AWS::Serverless-2016-10-31" && $0 != Template.languageExtensions }
        func isResource(_ name: String) -> Bool {
            macro || template.hasResource(named: name) || context.mayBeMadeBySAM(name)
        }
        func isReferable(_ name: String) -> Bool {
            parameters.contains(name) || PseudoParameters.names.contains(name) || isResource(name)
        }

        // Resource attributes that name other things.
        for resource in template.resources {
            if let node = resource[.condition], let name = tree.string(node), !conditionNames.contains(name) {
                findings.append(context.finding(Self.descriptor, "Condition '\(name)' is not declared in Conditions",
                                                at: node, in: resource, path: ["Condition"]))
            }
            if let node = resource[.dependsOn] {
                let names = tree.kind(node) == .sequence ? Array(tree.elements(node)) : [node]
                for (index, nameNode) in names.enumerated() {
                    guard let name = tree.string(nameNode), !isResource(name) else { continue }
                    findings.append(context.finding(Self.descriptor, "DependsOn '\(name)', which is not a resource",
                                                    at: nameNode, in: resource,
                                                    path: tree.kind(node) == .sequence ? ["DependsOn", String(index)] : ["DependsOn"]))
                }
            }
        }

        // Intrinsic functions wherever they are evaluated (the places, by index: a place is copied
        // only for a finding), then in the conditions' definitions.
        let places = context.evaluatedPlaces
        let sitesOfPlaces = context.sitesOfPlaces
        let conditionRoots = (template.entries(of: .conditions) ?? .empty).map(\.value)
        for index in 0..<(places.count + conditionRoots.count) {
            let sites = index < places.count ? sitesOfPlaces[index] : context.intrinsicSites(under: conditionRoots[index - places.count])
            for site in sites {
                let argument = site.argument
                func report(_ message: String, _ at: NodeID, range: SourceRange? = nil) {
                    var finding = index < places.count
                        ? context.finding(Self.descriptor, message, at: at, in: places[index])
                        : Finding(Self.descriptor, message, at: tree.range(at), path: template.location(of: tree.range(at).start).path)
                    if let range { finding.range = range }
                    findings.append(finding)
                }
                // The list's elements, asked for only where a call reads them: most sites are a
                // `Ref` or a `Fn::Sub` of a scalar.
                var arguments: ArraySlice<NodeID> { tree.elements(argument) }
                switch site.function {
                case .ref:
                    if let name = site.name, !isReferable(name) {
                        report("Ref to '\(name)', which is not a parameter, resource or pseudo parameter\(Self.suggestion(name, among: parameters.union(template.resources.map(\.logicalId))))", argument)
                    }
                case .getAtt:
                    if let name = site.name, !isResource(name), let first = arguments.first {
                        report("Fn::GetAtt of '\(name)', which is not a resource\(Self.suggestion(name, among: Set(template.resources.map(\.logicalId))))", first)
                    }
                case .sub:
                    guard let (stringNode, parsed) = site.sub, case .success(let sub) = parsed else { continue }
                    var local: Set<String> = []
                    if stringNode != argument {
                        let list = arguments
                        if list.count == 2 { local = Set(tree.entries(list[list.startIndex + 1]).compactMap { tree.string($0.key) }) }
                    }
                    for part in sub.parts {
                        guard case .variable(let name, let offset) = part, !local.contains(name) else { continue }
                        let target = name.firstIndex(ofASCII: ".").map { String(name[..<$0]) }
                        let known = target.map(isResource) ?? isReferable(name)
                        if !known {
                            report("Fn::Sub variable '${\(name)}' names no parameter, resource or pseudo parameter", stringNode,
                                   range: tree.sourceRange(ofText: offset, length: name.utf8.count, in: stringNode))
                        }
                    }
                case .if:
                    if let name = site.name, !conditionNames.contains(name), let first = arguments.first {
                        report("Fn::If on '\(name)', which is not declared in Conditions", first)
                    }
                case .condition:
                    if let name = site.name, !conditionNames.contains(name) {
                        report("Condition '\(name)' is not declared in Conditions", argument)
                    }
                case .findInMap:
                    if let name = site.name, !mappingNames.contains(name), let first = arguments.first {
                        report("Fn::FindInMap of '\(name)', which is not declared in Mappings", first)
                    }
                default:
                    break
                }
            }
        }
        return findings
    }

    static func suggestion(_ name: String, among names: Set<String>) -> String {
        let lowered = name.lowercased()
        let close = names.sorted().first { candidate in
            let other = candidate.lowercased()
            return other == lowered || TemplateParser.editDistance(Array(other.utf8), Array(lowered.utf8), limit: 2) <= (name.count < 6 ? 1 : 2)
        }
        return close.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
