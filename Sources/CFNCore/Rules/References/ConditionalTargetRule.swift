import CFNLoader

/// `Ref`/`Fn::GetAtt` to a resource that may not exist, from a place that exists without it.
public struct ConditionalTargetRule: TemplateRule {
    public static let schedule = RuleSchedule.readsCollectedReferences

    public static let descriptor = RuleDescriptor(
        id: "reference.conditional-target", severity: .warning,
        summary: "A reference to a conditional resource from a place that exists without it",
        explanation: "A resource with a Condition is not created when the condition is false. A Ref or Fn::GetAtt to it from an unconditional place (or one guarded by other conditions) then fails the deployment. Guard the reference with Fn::If on the same condition, or give the referring resource the condition.")

    public static let examples = RuleExamples(
        triggering: [
            "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Condition: IsProd\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: [!Ref ↓Layer]\n",
        ],
        nonTriggering: [
            "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Condition: IsProd\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers: !If [IsProd, [!Ref Layer], !Ref AWS::NoValue]\n  Other:\n    Type: AWS::Lambda::Function\n    Condition: IsProd\n    Properties:\n      Layers: [!Ref Layer]\nOutputs:\n  LayerArn:\n    Condition: IsProd\n    Value: !Ref Layer\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (place, references) in zip(context.evaluatedPlaces, context.referencesOfPlaces) {
            for reference in RuleContext.guarded(references, by: place.guardCondition) {
                guard let target = context.template.resource(named: reference.target) else { continue }
                let targetGuard = context.guardOf(target)
                guard !targetGuard.isAlways else { continue }
                // Can the referring value be evaluated while the target is not created?
                for literal in targetGuard.literals {
                    let without = reference.guardCondition.and(ConditionLiteral(literal.condition, holds: !literal.holds))
                    guard context.conditionSet.isSatisfiable(without) else { continue }
                    let when = without.description
                    var finding = context.finding(
                        Self.descriptor,
                        "\(reference.target) exists only \(targetGuard.description), but is referenced \(when)",
                        at: reference.node, in: place)
                    finding.range = reference.range
                    findings.append(finding)
                    break
                }
            }
        }
        return findings
    }
}
