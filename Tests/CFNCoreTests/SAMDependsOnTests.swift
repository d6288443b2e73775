@testable import CFNCore
import CFNLoader
import Testing

/// `DependsOn` naming a SAM resource whose logical ID changes (a layer, `Layer` → `Layer<hash>`):
/// the translator's `ResolveDependsOn` (samtranslator/utils/actions.py) rewrites every mapping of
/// the processed template with that key, a name or a list's names, so what SAM makes follows too.
/// The expected values are aws-sam-translator 1.110's output for the same template.
@Suite struct SAMDependsOnTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: s3://bkt/l.zip
          Fn:
            Type: AWS::Serverless::Function
            DependsOn: [Layer, Queue]
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: s3://bkt/k.zip
              AutoPublishAlias: live
          Queue:
            Type: AWS::SQS::Queue
            DependsOn: Layer
            Metadata:
              Nested: {DependsOn: [Layer, 5], Other: Layer}
          T:
            Type: AWS::Serverless::SimpleTable
            DependsOn: Layer
          App:
            Type: AWS::Serverless::Application
            DependsOn: [Layer]
            Properties:
              Location: https://s3.amazonaws.com/b/t.yaml
          Cp:
            Type: AWS::Serverless::CapacityProvider
            DependsOn: Layer
            Properties:
              VpcConfig: {SubnetIds: [subnet-1]}
        """

    @Test func everyDependsOnFollowsTheLayersNewLogicalId() {
        let (expansion, _) = expandSAM(Self.template)
        #expect(expansion.findings.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        func dependsOn(_ id: String) -> String {
            SAMConformanceTests.canonical((resources[id] as? [String: Any])?["DependsOn"])
        }
        #expect(dependsOn("Fn") == SAMConformanceTests.canonical(["Layere2df81bdf2", "Queue"]))
        #expect(dependsOn("Queue") == SAMConformanceTests.canonical("Layere2df81bdf2"))
        #expect(dependsOn("T") == SAMConformanceTests.canonical("Layere2df81bdf2"))
        #expect(dependsOn("App") == SAMConformanceTests.canonical(["Layere2df81bdf2"]))
        #expect(dependsOn("Cp") == SAMConformanceTests.canonical("Layere2df81bdf2"))
        // Any mapping's `DependsOn`, its strings only; another key naming the layer stays as written.
        let metadata = (resources["Queue"] as? [String: Any])?["Metadata"]
        #expect(SAMConformanceTests.canonical(metadata) == SAMConformanceTests.canonical(["Nested": ["DependsOn": ["Layere2df81bdf2", 5], "Other": "Layer"]]))
        // The version and alias SAM adds carry no DependsOn of their own.
        #expect(dependsOn("FnVersion75e404e1b7") == "∅")
        #expect(dependsOn("FnAliaslive") == "∅")
    }

    /// The translator's own `layer_version_depends_on.yaml` validates: each DependsOn names a resource.
    @Test func validateAcceptsLayersDependingOnLayers() {
        let report = Validator(settings: ValidationSettings(today: "2026-05-10"), checksSchemas: false).validate(file: "t.yaml", bytes: Array("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Layer1:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: {Bucket: test, Key: test.zip}
              Layer2:
                Type: AWS::Serverless::LayerVersion
                DependsOn: Layer1
                Properties:
                  ContentUri: {Bucket: test, Key: test.zip}
              Layer3:
                Type: AWS::Serverless::LayerVersion
                DependsOn: [Layer1, Layer2]
                Properties:
                  ContentUri: {Bucket: test, Key: test.zip}
            """.utf8))
        #expect(report.findings.map { "\($0.rule) \($0.message)" } == [])
    }
}
