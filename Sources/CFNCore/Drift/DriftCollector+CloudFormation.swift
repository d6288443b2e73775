/// Explanations for what CloudFormation's own drift detection reported (`--cfn-drift`).
extension DriftCollector {
    mutating func explain(_ drifts: [CloudFormationResourceDrift]) {
        for drift in drifts {
            guard let resource = context.template.resource(named: drift.logicalId),
                  [LambdaFunction.type, LambdaLayerVersion.type, LambdaLayerVersionPermission.type].contains(drift.type) else { continue }
            if drift.status == "DELETED" {
                add(DriftRules.cloudFormation, "CloudFormation reports the resource DELETED", resource: resource, path: [],
                    expected: "exists", actual: "deleted",
                    explanation: "The resource was deleted outside CloudFormation; the stack still lists it. A stack update that changes it fails.",
                    remedy: "Recreate it through CloudFormation (rename the logical ID, or remove it, deploy, and add it back), or import a resource of the same name.")
                continue
            }
            for difference in drift.differences {
                let components = difference.path.split(separator: "/").map(String.init)
                let path = components.filter { !$0.allSatisfy(\.isNumber) }
                let (explanation, remedy) = Self.explanation(components, type: drift.type)
                let hidden = components.first == "Environment"
                let values = hidden ? " (values are not shown)"
                    : ": expected \(difference.expected ?? "(absent)"), actual \(difference.actual ?? "(absent)")"
                add(DriftRules.cloudFormation, "CloudFormation reports \(difference.path) \(difference.type)\(values)",
                    resource: resource, path: path, expected: hidden ? nil : difference.expected, actual: hidden ? nil : difference.actual,
                    explanation: explanation, remedy: remedy)
            }
        }
    }

    private static let redeploy = "Deploy the template's value (CloudFormation sets it again only when the property changes in the template), or put the deployed value in the template."

    static func explanation(_ path: [String], type: String) -> (String, String) {
        guard type == LambdaFunction.type else {
            return ("The property was changed outside CloudFormation.", redeploy)
        }
        switch path.first {
        case "Environment"?:
            let name = path.count > 2 ? "variable \(path[2])" : "the variables"
            return ("The environment \(name) was added, removed or changed outside CloudFormation. cfn-lambda never shows environment values; CloudFormation's output holds them, so treat that file as a secret.", redeploy)
        case "MemorySize"?:
            return ("The memory size was changed outside CloudFormation; it also sets the CPU share and the price of every invocation.", redeploy)
        case "Timeout"?:
            return ("The timeout was changed outside CloudFormation; invocations now stop at the other limit.", redeploy)
        case "Runtime"?, "Handler"?, "Architectures"?:
            return ("How the code runs (runtime, handler or architecture) was changed outside CloudFormation, usually together with new code.", redeploy)
        case "Role"?:
            return ("The function now acts with another execution role's permissions, set outside CloudFormation.", redeploy)
        case "Layers"?:
            return ("The function's layers were changed outside CloudFormation (often another version of a layer attached by hand).", redeploy)
        case "VpcConfig"?:
            return ("The function's subnets or security groups were changed outside CloudFormation; CloudFormation compares lists in order, so a reordering alone shows here too, while cfn-lambda compares them as sets.", redeploy)
        case "ReservedConcurrentExecutions"?:
            return ("Reserved concurrency was changed outside CloudFormation: it caps (and reserves) how many instances run at once; 0 throttles every invocation.", redeploy)
        case "Code"?:
            return ("CloudFormation compared part of Code, which it usually cannot (Code is write-only): the code was updated outside CloudFormation.", redeploy)
        default:
            return ("The property was changed outside CloudFormation.", redeploy)
        }
    }
}
