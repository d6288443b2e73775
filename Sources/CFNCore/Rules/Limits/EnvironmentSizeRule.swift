import CFNLoader

/// Environment variables larger than Lambda's 4 KB, under some combination of conditions.
public struct EnvironmentSizeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.environment-size", severity: .error, summary: "Environment variables over 4 KB",
        explanation: "\"The total size of all environment variables doesn't exceed 4 KB\" (Lambda Developer Guide, https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html; Lambda quotas: 4 KB for all of a function's environment variables in aggregate). Lambda measures the variables as one compact JSON object of keys and values, {\"KEY\":\"value\",...}, in bytes: its error \"Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit\" quotes that text as the \"String measured\". The limit is 4096 bytes. Keys, quotes, colons and commas count; a value not known before deployment counts as empty, so what is reported is at least what Lambda will measure. Every reachable combination of Fn::If values is weighed; combinations whose conditions cannot hold together are not. Keep large configuration in SSM Parameter Store, Secrets Manager or S3 and pass its name instead.")

    public static let limit = 4096

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables: ↓{CONFIG: '\(String(repeating: "x", count: 4084))'}
            """,
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
              Token: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      ↓TOKEN: !Ref Token
                      RULES: !If [IsProd, '\(String(repeating: "r", count: 2100))', short]
                      EXTRA: !If [IsProd, '\(String(repeating: "e", count: 2000))', !Ref AWS::NoValue]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      CONFIG: '\(String(repeating: "x", count: 4083))'
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      RULES: !If [IsProd, '\(String(repeating: "r", count: 2100))', short]
                      EXTRA: !If [IsDev, '\(String(repeating: "e", count: 2100))', !Ref AWS::NoValue]
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            if Self.fitsWithoutChoices(function, context) { continue }
            for map in EnvironmentVariables.maps(of: function, in: context) {
                var allKnown = true
                // Each variable weighs `"KEY":"value"` and a comma; the braces and one comma fewer make 1.
                let items = map.variables.map { variable in
                    let options = variable.value.present.map { alternative in
                        let value = alternative.value.text
                        if value == nil { allKnown = false }
                        return (alternative.guardCondition, Self.jsonBytes(variable.key) + 1 + Self.jsonBytes(value ?? "") + 1)
                    }
                    let fallback = variable.value.always ? options.map(\.1).min() ?? 0 : 0
                    return HeaviestCombination.Item(options: options, fallback: fallback)
                }
                guard let largest = HeaviestCombination.find(items, under: map.guardCondition, above: Self.limit - 1,
                                                             context.conditionSet) else { continue }
                let total = 1 + largest.total
                let size = allKnown && largest.complete ? "\(total) bytes" : "at least \(total) bytes"
                let message = "environment variables of function \(function.logicalId) take \(size) as Lambda measures them (keys and values as JSON); Lambda allows at most \(Self.limit) (4 KB): keep large values in SSM Parameter Store, Secrets Manager or S3 and pass their names"
                findings.append(context.locatedFinding(Self.descriptor, largest.guardCondition.annotate(message), at: map.node,
                                                       in: function.resource, fallbackPath: ["Properties", "Environment", "Variables"]))
            }
        }
        return findings
    }

    /// Whether the function's variables fit without weighing combinations: true when they are one
    /// mapping (or none) with no `Fn::If` among the values, and weigh at most the limit, as `check`
    /// would weigh them. Most functions are judged here, without the alternatives `check` builds.
    static func fitsWithoutChoices(_ function: LambdaFunction, _ context: RuleContext) -> Bool {
        let reached = context.reachable(function.resource, "Environment", "Variables")
        guard reached.count == 1 else { return reached.isEmpty }
        guard let entries = reached[0].value?.entries else { return true }
        var total = 1
        for entry in entries {
            switch entry.value.kind {
            case .choice: return false
            case .noValue: continue
            case .scalar(let text, _): total += jsonBytes(entry.key) + 1 + jsonBytes(text) + 1
            case .list, .map, .unknown: total += jsonBytes(entry.key) + 1 + jsonBytes("") + 1
            }
        }
        return total <= limit
    }

    /// The UTF-8 length of the text as a JSON string, quotes included: `"` and `\` and control
    /// characters are escaped; other characters count their UTF-8 bytes (the smallest JSON form).
    static func jsonBytes(_ text: String) -> Int {
        // By UTF-8 byte: the escaped characters are ASCII, and every other character counts its bytes.
        var count = 2
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C, 0x08, 0x09, 0x0A, 0x0C, 0x0D: count += 2
            case 0..<0x20: count += 6
            default: count += 1
            }
        }
        return count
    }
}
