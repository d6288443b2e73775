import CFNLoader

/// An `Fn::Sub` string with a `${` that is never closed, or an empty `${}`.
public struct SubSyntaxRule: TemplateRule {
    public static let schedule = RuleSchedule.readsIntrinsicSites

    public static let descriptor = RuleDescriptor(
        id: "intrinsic.sub-syntax", severity: .error, summary: "An Fn::Sub string with an unclosed or empty ${...}",
        explanation: "Fn::Sub replaces ${Name}; a ${ without its closing brace, or ${}, fails when the stack is created. Write ${!Literal} for a literal ${Literal}.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub 'orders-↓${AWS::Region'\n",
            "Outputs:\n  O: {Value: !Sub ['a↓${}', {}]}\nResources:\n  R: {Type: T}\n",
        ],
        nonTriggering: ["Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub 'orders-${AWS::Region}-${!NotAVariable}'\n"])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        var findings: [Finding] = []
        for (place, sites) in zip(context.evaluatedPlaces, context.sitesOfPlaces) {
            for site in sites {
                guard let (stringNode, parsed) = site.sub, case .failure(let error) = parsed else { continue }
                var finding = context.finding(Self.descriptor, "Fn::Sub: \(error.message)", at: stringNode, in: place)
                finding.range = tree.sourceRange(ofText: error.offset, length: 2, in: stringNode)
                findings.append(finding)
            }
        }
        return findings
    }
}
