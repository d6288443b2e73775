import CFNLoader

/// The code an `AWS::Lambda::Version` holds. Publishing a version copies its function's code as it
/// is at that moment (Lambda docs, "Lambda creates a new version of your function each time that you
/// publish"; each version counts in `TotalCodeSize`), stored as the function's code is: COPY code
/// takes a copy in Lambda-managed storage, REFERENCE code and container images none.
///
/// So a version's alternatives in a template are those of the function its `FunctionName` names
/// (`!Ref`, or `!GetAtt … .Arn`), within the version's own `Condition`. A function outside the
/// template (a name or ARN written out) has code of unknown size and mode.
enum VersionCode {
    static let type = "AWS::Lambda::Version"

    /// The logical ID of the template's function that a version's `FunctionName` names.
    static func function(of versionId: String, in context: ResolvedTemplate) -> String? {
        guard let value = context.properties[versionId]?["FunctionName"] else { return nil }
        let target: String? = switch value.kind {
        case .unknown(let unknown):
            switch unknown.origin {
            case .resource(let name)?: name
            case .attribute(let name, "Arn")?: name
            default: nil
            }
        // `!Ref` of a function with a literal FunctionName resolves to that name: the `Ref` says which.
        case .scalar: value.node.flatMap(context.tree.intrinsic).flatMap { $0.function == .ref ? context.tree.string($0.argument) : nil }
        default: nil
        }
        guard let target, context.template.resource(named: target)?.type == LambdaFunction.type else { return nil }
        return target
    }

    /// Every alternative of a version's code in a template; a single absent one when the template
    /// or the version is not there.
    static func alternatives(of id: String, in context: ResolvedTemplate?, artifacts: ArtifactSizes,
                             measure: (String) -> MeasuredAsset?, assets: CDKAssets = CDKAssets()) -> [StoredCode] {
        guard let context, let version = context.template.resource(named: id), version.type == type else {
            return [StoredCode.absent(.always, id)]
        }
        let own = context.guardOf(version)
        var result: [StoredCode] = []
        if !own.isAlways {
            let negated = own.literals.count == 1
                ? Guard(own.literals.map { ConditionLiteral($0.condition, holds: !$0.holds) }) : Guard.always
            if context.conditionSet.isSatisfiable(negated) { result.append(StoredCode.absent(negated, id)) }
        }
        let node = context.properties[id]?["FunctionName"]?.node
        guard let function = function(of: id, in: context) else {
            result.append(StoredCode(guardCondition: own, exists: true, mode: .unknown, size: nil, labelSource: .text(id), node: node))
            return result
        }
        for code in StoredCode.alternatives(of: function, in: context, artifacts: artifacts, measure: measure, assets: assets) {
            let both = code.guardCondition.and(own)
            guard context.conditionSet.isSatisfiable(both) else { continue }
            var copy = code
            copy.guardCondition = both
            // Where the quota finding points: the version's FunctionName, not the function's Code.
            copy.node = node
            copy.modeNode = nil
            result.append(copy)
        }
        return result.isEmpty ? [StoredCode.absent(.always, id)] : result
    }
}
