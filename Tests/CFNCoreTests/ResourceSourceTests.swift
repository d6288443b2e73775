@testable import CFNCore
import Testing

/// One map says where each resource a transform made comes from (`Template.sources`): plan shows
/// it, and validate names a finding's origin from it.
@Suite struct ResourceSourceTests {
    static func processed(_ text: String) throws -> Template {
        let loaded = TemplatePipeline(transforms: TemplatePipeline.knownTransforms).load(Array(text.utf8), settings: ValidationSettings())
        return try #require(loaded.template)
    }

    /// A SAM function without a loop: what it makes names it, and no loop.
    @Test func aSAMFunctionsResourcesNameItAndNoLoop() throws {
        let template = try Self.processed("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://code/fn.zip, Handler: app.handler, Runtime: python3.12}
              Queue:
                Type: AWS::SQS::Queue

            """)
        #expect(template.sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.resource) \($0.value.loop ?? "-")" }
            == ["Fn Fn -", "FnRole Fn -"])
        #expect(template.sources["FnRole"]?.origin(of: "FnRole") == "Fn")
        #expect(template.sources["Fn"]?.origin(of: "Fn") == nil)
    }

    /// A loop's SAM function: its resources carry both links; the function's own origin is the loop.
    @Test func aLoopsSAMFunctionCarriesBothLinks() throws {
        let template = try Self.processed("""
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Resources:
              Fn::ForEach::Workers:
                - Name
                - [orders]
                - ${Name}:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: s3://code/fn.zip, Handler: app.handler, Runtime: python3.12}
              Fn::ForEach::Topics:
                - Topic
                - [a]
                - Topic${Topic}:
                    Type: AWS::SNS::Topic

            """)
        #expect(template.sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.resource) \($0.value.type) \($0.value.loop ?? "-")" } == [
            "Topica Fn::ForEach::Topics Fn::ForEach Fn::ForEach::Topics",
            "orders orders AWS::Serverless::Function Fn::ForEach::Workers",
            "ordersRole orders AWS::Serverless::Function Fn::ForEach::Workers",
        ])
        #expect(template.sources["orders"]?.origin(of: "orders") == "Fn::ForEach::Workers")
        #expect(template.sources["ordersRole"]?.origin(of: "ordersRole") == "orders")
        #expect(template.sources["Topica"]?.origin(of: "Topica") == "Fn::ForEach::Topics")
    }
}
