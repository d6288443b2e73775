import CFNCore
import CFNLoader
import Testing

/// A detail's `reason`: `direct` when the template text changed, `parameter` when the same text
/// resolves to another value (docs/plan-json.md).
@Suite struct PlanReasonTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Env: {Type: String, AllowedValues: [dev, prod]}
        Conditions:
          P: !Equals [!Ref Env, prod]
        Mappings:
          Sizes: {dev: {Timeout: 3}, prod: {Timeout: 30}}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: s3://bkt/k.zip
              MemorySize: !If [P, 1024, 128]
              Timeout: !FindInMap [Sizes, !Ref Env, Timeout]

        """

    /// Fn's details as `path before → after reason`.
    static func details(_ base: String, _ head: String, _ baseEnv: String, _ headEnv: String) throws -> [String] {
        let baseResolved = try #require(Validator(settings: ValidationSettings(parameters: ["Env": baseEnv]))
            .prepare(file: "base.yaml", bytes: Array(base.utf8)).resolved)
        let headResolved = try #require(Validator(settings: ValidationSettings(parameters: ["Env": headEnv]))
            .prepare(file: "head.yaml", bytes: Array(head.utf8)).resolved)
        let change = try #require(Planner().plan(base: baseResolved, head: headResolved).changes.first { $0.logicalId == "Fn" })
        return change.details.map { "\($0.path) \($0.before.map(String.init(describing:)) ?? "-") → "
            + "\($0.after.map(String.init(describing:)) ?? "-") \($0.reason.rawValue)" }
    }

    @Test func aConditionThatFlipsIsAParameterChange() throws {
        // The reviewer's case: the same `Fn::If`, its condition flipped by the parameter.
        let flipped = try Self.details(Self.template, Self.template, "dev", "prod")
        #expect(flipped.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["MemorySize", "Timeout"])
        #expect(flipped.map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["parameter", "parameter"])
        // A branch edited is a change of the text, although the condition holds in both.
        let edited = Self.template.replacingOccurrences(of: "!If [P, 1024, 128]", with: "!If [P, 2048, 128]")
        #expect(try Self.details(Self.template, edited, "prod", "prod").map { $0.split(separator: " ").last.map(String.init) ?? "" }
                == ["direct"])
    }
}
