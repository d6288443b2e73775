import CFNLoader

/// `SnapStart` on a runtime that does not support it.
public struct SnapStartRuntimeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.snapstart-runtime", severity: .error, summary: "SnapStart on a runtime that does not support it",
        explanation: "Lambda SnapStart is available for Java 11 and later, Python 3.12 and later and .NET 8 and later (Lambda developer guide, Improving startup performance with Lambda SnapStart, Supported features and limitations); Lambda refuses SnapStart ApplyOn: PublishedVersions on other runtimes (Node.js, Ruby, OS-only runtimes, older Java, Python and .NET). Runtimes of no known family are left to the runtime checks; regions where SnapStart is not offered are not judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.10\n      SnapStart:\n        ApplyOn: ↓PublishedVersions\n  Node:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      SnapStart: {ApplyOn: ↓PublishedVersions}\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsProd, java21, java8.al2]\n      SnapStart: {ApplyOn: ↓PublishedVersions}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Java:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: java21\n      SnapStart: {ApplyOn: PublishedVersions}\n  Python:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      SnapStart: {ApplyOn: PublishedVersions}\n  Dotnet:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: dotnet8\n      SnapStart: {ApplyOn: PublishedVersions}\n  Off:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      SnapStart: {ApplyOn: None}\n  Unknown:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n      SnapStart: {ApplyOn: PublishedVersions}\n",
        ])

    /// Families with SnapStart from a version on: (prefix, first supported version).
    static let supportedFrom: [(prefix: String, version: [Int])] = [("java", [11]), ("python", [3, 12]), ("dotnet", [8])]
    /// Families without SnapStart at all.
    static let unsupportedFamilies = ["nodejs", "ruby", "go", "provided", "dotnetcore"]

    /// Whether a runtime supports SnapStart; nil when its family is not known.
    static func supportsSnapStart(_ runtime: String) -> Bool? {
        if unsupportedFamilies.contains(where: { runtime.hasPrefix($0) }) { return false }
        for (prefix, first) in supportedFrom where runtime.hasPrefix(prefix) {
            let rest = runtime.dropFirst(prefix.count)
            let numbers = rest.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
                return prefix == "java" && rest.hasPrefix("8") ? false : nil  // java8.al2
            }
            return numbers.compactMap { $0 }.lexicographicallyPrecedes(first) == false
        }
        return nil
    }

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            // Most functions have no SnapStart mapping in any alternative: nothing to combine.
            guard context.reachesMapping(function.resource, "SnapStart") else { continue }
            let combinations = KeyCombination.properties(of: function.resource, keys: [("Runtime", .value), ("SnapStart", .value)], in: context)
            for properties in combinations {
                // SnapStart first: most functions have none, and reading the runtime's version costs more.
                guard let snapStart = properties["SnapStart"], snapStart.entries != nil,
                      let runtime = properties["Runtime"]?.text, Self.supportsSnapStart(runtime) == false else { continue }
                for setting in KeyCombination.of(snapStart, keys: [("ApplyOn", .value)], under: properties.guardCondition, in: context) {
                    guard let applyOn = setting["ApplyOn"], applyOn.text == "PublishedVersions" else { continue }
                    let message = setting.guardCondition.qualifying(
                        "SnapStart is not supported for runtime \(runtime) (Java 11+, Python 3.12+ and .NET 8+ only); use a supported runtime, or remove SnapStart")
                    let finding = context.finding(Self.descriptor, message, at: applyOn.node, in: function.resource,
                                                  path: ["Properties", "SnapStart", "ApplyOn"])
                    if !findings.contains(finding) { findings.append(finding) }
                }
            }
        }
        return findings
    }
}
