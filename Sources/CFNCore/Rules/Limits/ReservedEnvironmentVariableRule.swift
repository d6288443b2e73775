import CFNLoader

/// An environment variable whose key Lambda reserves for itself.
public struct ReservedEnvironmentVariableRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.environment-reserved", severity: .error, summary: "An environment variable key Lambda reserves",
        explanation: "Lambda runtimes set some environment variables themselves; their keys are reserved and cannot be set in a function's configuration (Lambda Developer Guide, \"Defined runtime environment variables\", https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime): _HANDLER, _X_AMZN_TRACE_ID, AWS_DEFAULT_REGION, AWS_REGION, AWS_EXECUTION_ENV, AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_FUNCTION_VERSION, AWS_LAMBDA_INITIALIZATION_TYPE, AWS_LAMBDA_LOG_GROUP_NAME, AWS_LAMBDA_LOG_STREAM_NAME, AWS_ACCESS_KEY, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_LAMBDA_RUNTIME_API, LAMBDA_TASK_ROOT, LAMBDA_RUNTIME_DIR. The same page lists variables that may be set, such as TZ, LANG, PATH, AWS_XRAY_CONTEXT_MISSING and AWS_XRAY_DAEMON_ADDRESS; those are not reported.")

    public static let reserved: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    public static let examples = RuleExamples(
        triggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      TABLE: orders
                      ↓AWS_REGION: us-east-1
                      ↓AWS_ACCESS_KEY_ID: !If [IsProd, AKIAEXAMPLE, !Ref AWS::NoValue]
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      TZ: Europe/Paris
                      AWS_XRAY_CONTEXT_MISSING: LOG_ERROR
                      AWS_REGION: !Ref AWS::NoValue
                      aws_region: lower-case keys are not reserved
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            // Most functions name no reserved variable in any alternative: nothing to build.
            let reached = context.reachable(function.resource, "Environment", "Variables")
            if reached.allSatisfy({ $0.value?.entries?.allSatisfy { !Self.reserved.contains($0.key) } ?? true }) { continue }
            var reported: Set<NodeID> = []
            for map in EnvironmentVariables.maps(of: function, in: context) {
                for variable in map.variables where Self.reserved.contains(variable.key) {
                    guard let conditions = variable.value.presenceGuard else { continue }
                    if let node = variable.keyNode {
                        guard reported.insert(node).inserted else { continue }
                    }
                    let message = "environment variable \(variable.key) is reserved by Lambda, which sets it itself; rename the variable"
                    var finding = context.locatedFinding(Self.descriptor, conditions.annotate(message), at: variable.keyNode,
                                                         in: function.resource, fallbackPath: ["Properties", "Environment", "Variables", variable.key])
                    if let mapNode = map.node, let path = context.path(to: mapNode, in: function.resource) {
                        finding.path = path + [variable.key]
                    }
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}
