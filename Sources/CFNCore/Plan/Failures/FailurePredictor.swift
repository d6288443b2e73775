import CFNLoader

/// Deployments that CloudFormation will start and then fail, predicted from the plan.
///
/// In a stack update CloudFormation creates new resources (and the replacements of replaced ones)
/// first, and deletes removed resources (and the old resources of replacements) last, in the
/// cleanup phase. A function name is unique in an account and Region, so:
///
/// - `plan.replace-keeps-name`: replacing a function whose `FunctionName` stays the same creates a
///   second function with the name the old one still holds, and fails.
/// - `plan.name-held-by-deleted`: creating a function with the `FunctionName` of a function the
///   same plan deletes (a renamed logical ID), or replaces under another name, fails likewise: the
///   old function still holds the name when the new one is created.
///
/// Names are compared when both are known; names that depend on values not known are not judged.
public struct FailurePredictor: Sendable {
    public let base: ResolvedTemplate?
    public let head: ResolvedTemplate

    public init(base: ResolvedTemplate?, head: ResolvedTemplate) {
        self.base = base
        self.head = head
    }

    /// The findings, in source order of HEAD.
    public func findings(changes: [ResourceChange]) -> [Finding] {
        guard let base else { return [] }
        let functions = changes.filter { $0.type == LambdaFunction.type }
        return (keptNames(functions, base) + heldNames(functions, base)).sorted(by: Finding.sourceOrder)
    }

    /// A function's known FunctionName in a template, with the node it is written at and the guard
    /// under which the function exists; nil when it cannot exist.
    static func name(of id: String, in context: ResolvedTemplate) -> (text: String, node: NodeID?, guardCondition: Guard)? {
        guard let resource = context.template.resource(named: id), resource.type == LambdaFunction.type, context.mayExist(resource),
              let value = context.properties[id]?["FunctionName"], let text = value.text else { return nil }
        return (text, value.node, context.guardOf(resource))
    }

    // MARK: Replaced with the same name

    func keptNames(_ functions: [ResourceChange], _ base: ResolvedTemplate) -> [Finding] {
        functions.filter { $0.action == .replace }.compactMap { change in
            guard let before = Self.name(of: change.logicalId, in: base), let after = Self.name(of: change.logicalId, in: head),
                  before.text == after.text, let resource = head.template.resource(named: change.logicalId) else { return nil }
            // Only create-only properties force the replacement; the other changes would update in place.
            let forcing = change.details.filter { $0.requiresReplacement != .never }.map(\.path)
            let causes = forcing.isEmpty ? "" : " (\(forcing.joined(separator: ", ")) \(forcing.count == 1 ? "changes" : "change"))"
            var message = "\(change.logicalId) is replaced\(causes) but keeps FunctionName '\(after.text)': CloudFormation creates the new function before it deletes the old one, which still holds the name, so the update fails and rolls back; give the function another FunctionName in the same change, or remove FunctionName to let CloudFormation generate one"
            if change.conditional { message += " (the replacement depends on conditions or values not known here)" }
            return head.finding(PlanFailureRules.replaceKeepsName, message, at: after.node, in: resource,
                                path: ["Properties", "FunctionName"])
        }
    }

    // MARK: Created with a name the plan frees

    func heldNames(_ functions: [ResourceChange], _ base: ResolvedTemplate) -> [Finding] {
        // Names the plan frees only in its cleanup phase: of deleted functions, and of replaced
        // functions whose replacement has another name.
        var holders: [String: [Holder]] = [:]
        for change in functions {
            guard let before = Self.name(of: change.logicalId, in: base) else { continue }
            let id = change.logicalId
            switch change.action {
            case .delete:
                let retained = PlanRetention.onDelete(id, base: base) == .retained
                let how = retained ? "and keeps after this plan removes it from the stack (DeletionPolicy: Retain)"
                    : "until this plan deletes it, after creating new resources"
                holders[before.text, default: []].append(Holder(id: id, how: how, replaced: false, retained: retained,
                                                                guardCondition: before.guardCondition))
            case .replace:
                guard let after = Self.name(of: id, in: head), after.text != before.text else { continue }
                let retained = PlanRetention.onReplace(id, head: head) == .retained
                let how = retained ? "and keeps after this plan replaces it with '\(after.text)' (UpdateReplacePolicy: Retain)"
                    : "until this plan replaces it with '\(after.text)' and deletes the old function, after creating new resources"
                holders[before.text, default: []].append(Holder(id: id, how: how, replaced: true, retained: retained,
                                                                guardCondition: before.guardCondition))
            default:
                continue
            }
        }
        return functions.filter { $0.action == .create }.flatMap { change -> [Finding] in
            let id = change.logicalId
            guard let name = Self.name(of: id, in: head), let resource = head.template.resource(named: id) else { return [] }
            return (holders[name.text] ?? []).map { holder in
                var message = "\(id) is created with FunctionName '\(name.text)', which function \(holder.id) holds \(holder.how): creating \(id) fails because the name is taken, and the update rolls back; "
                if !holder.replaced {
                    message += "keep the logical ID \(holder.id) (a renamed logical ID is a new resource), or give \(id) another FunctionName"
                } else if holder.retained {
                    message += "give \(id) another FunctionName"
                } else {
                    message += "give \(id) another FunctionName, or add it in a later deployment"
                }
                var conditions: [String] = []
                if !name.guardCondition.isAlways { conditions.append("\(change.logicalId) is created \(name.guardCondition)") }
                if !holder.guardCondition.isAlways { conditions.append("\(holder.id) exists \(holder.guardCondition) in BASE") }
                if !conditions.isEmpty { message += " (" + conditions.joined(separator: "; ") + ")" }
                return head.finding(PlanFailureRules.nameHeldByDeleted, message, at: name.node, in: resource,
                                    path: ["Properties", "FunctionName"])
            }
        }
    }

    /// A function of BASE whose name the plan frees only in its cleanup phase, if at all.
    struct Holder {
        var id: String
        /// How long it holds the name: "until this plan deletes it, …".
        var how: String
        /// Replaced under another name, rather than deleted (which may be a renamed logical ID).
        var replaced: Bool
        /// The old function stays after the update (a Retain policy).
        var retained: Bool
        var guardCondition: Guard
    }
}
