import CFNCore
import CFNReporters
import Foundation
import Testing

/// The plan renderers show the SAM resource each generated resource comes from, and the JSON
/// points each change and detail at what the user edits in the SAM template.
@Suite struct SAMPlanReporterTests {
    static let base = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/v1.zip
              Handler: index.handler
              Runtime: python3.12
              AutoPublishAlias: live

        """

    /// The plan of a code change under AutoPublishAlias (version IDs are aws-sam-translator 1.110's).
    static func run() -> PlanRun {
        let head = base.replacingOccurrences(of: "v1.zip", with: "v2.zip")
        let result = Analysis.plan(head: InputFile(path: "head.yaml", bytes: Array(head.utf8)),
                                   base: .template(name: "base.yaml", bytes: Array(base.utf8)), settings: AnalysisSettings())
        return PlanRun(plan: result.plan, head: "head.yaml", headSource: result.headSource, base: "base.yaml")
    }

    @Test func textNamesTheSAMSource() {
        let lines = PlanTextReporter().render(Self.run()).split(separator: "\n").map(String.init)
        #expect(Array(lines[1..<7]) == [
            "  ~ Fn (AWS::Lambda::Function, from SAM Fn) will be updated in place",
            "      Code/S3Key: \"v1.zip\" → \"v2.zip\" (edited)",
            "  ~ FnAliaslive (AWS::Lambda::Alias, from SAM Fn) will be updated in place",
            "      FunctionVersion: (known after deploy: FnVersion5f8b93ece1) → (known after deploy: FnVersionb3e8643a1c) (edited)",
            "  - FnVersion5f8b93ece1 (AWS::Lambda::Version, from SAM Fn) will be removed from the stack, kept by its DeletionPolicy; its code keeps counting",
            "  + FnVersionb3e8643a1c (AWS::Lambda::Version, from SAM Fn) will be created",
        ])
    }

    @Test func markdownNamesTheSAMSource() {
        let output = PlanMarkdownReporter().render(Self.run())
        #expect(output.contains("""
            | `+` | `FnVersionb3e8643a1c` | `AWS::Lambda::Version` from SAM `Fn` | create |  |  |
            """))
        #expect(output.contains("<details><summary><code>Fn</code> (AWS::Lambda::Function, from SAM Fn): update</summary>"))
    }

    @Test func jsonHasTheSourceAndTheLocations() throws {
        let output = PlanJSONReporter().render(Self.run())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: changes.map { ($0["logicalId"] as? String ?? "", $0) })
        for id in ["Fn", "FnAliaslive", "FnRole", "FnVersion5f8b93ece1", "FnVersionb3e8643a1c"] {
            let source = try #require(byId[id]?["source"] as? [String: Any])
            #expect(source["resource"] as? String == "Fn" && source["type"] as? String == "AWS::Serverless::Function", "\(id)")
            #expect(source["loop"] is NSNull, "\(id)")
            // Every one points at the SAM function's logical ID, the old version too.
            let location = try #require(byId[id]?["location"] as? [String: Any])
            #expect(location["file"] as? String == "head.yaml")
            #expect([location["line"], location["column"], location["endLine"], location["endColumn"]].map { $0 as? Int } == [3, 3, 3, 5])
        }
        // The code change points at CodeUri's value.
        let details = try #require(byId["Fn"]?["details"] as? [[String: Any]])
        let location = try #require(details.first?["location"] as? [String: Any])
        #expect([location["line"], location["column"], location["endLine"], location["endColumn"]].map { $0 as? Int } == [6, 16, 6, 34])
    }

    @Test func aPlainTemplateHasNoSource() throws {
        let template = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
        let result = Analysis.plan(head: InputFile(path: "head.yaml", bytes: Array(template.utf8)), base: .newStack,
                                   settings: AnalysisSettings())
        let run = PlanRun(plan: result.plan, head: "head.yaml", headSource: result.headSource, base: nil)
        #expect(PlanTextReporter().render(run).contains("  + Queue (AWS::SQS::Queue) will be created\n"))
        #expect(PlanJSONReporter().render(run).contains(#""storageDeltaBytes":null,"source":null,"location":{"file":"head.yaml","line":2,"column":3,"endLine":2,"endColumn":8},"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false}"#))
    }
}
