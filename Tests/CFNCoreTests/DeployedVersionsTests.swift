@testable import CFNCore
import Testing

private let functionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders-api"

/// The versions part of a state file (docs/state-file.md), read into `DeployedState.versions`.
@Suite struct DeployedVersionsTests {
    func fixture(_ more: [String]) -> StateFixture {
        var fixture = StateFixture()
        fixture.resources = [("Api", "orders-api", "AWS::Lambda::Function"),
                             ("Shared", "arn:aws:lambda:us-east-1:123456789012:layer:shared:3", "AWS::Lambda::LayerVersion")]
        fixture.functions = ["orders-api": StateFixture.function("orders-api")]
        fixture.moreResponses = more
        return fixture
    }

    @Test func readsVersionsAliasesAndWhatPinsThem() throws {
        let fixture = fixture([
            #""listVersionsByFunction": {"orders-api": {"Versions": [{"Version": "$LATEST", "CodeSize": 10}, "#
                + #"{"Version": "1", "FunctionArn": "\#(functionArn):1", "CodeSize": 7, "CodeSha256": "a"}, "#
                + #"{"Version": "2", "FunctionArn": "\#(functionArn):2", "CodeSize": 9, "Description": "v2"}]}}"#,
            #""listAliases": {"orders-api": {"Aliases": [{"Name": "live", "FunctionVersion": "2", "AliasArn": "\#(functionArn):live", "#
                + #""RoutingConfig": {"AdditionalVersionWeights": {"1": 0.1}}}]}}"#,
            #""listProvisionedConcurrencyConfigs": {"orders-api": {"ProvisionedConcurrencyConfigs": [{"FunctionArn": "\#(functionArn):live"}]}}"#,
            #""listEventSourceMappings": {"orders-api": {"EventSourceMappings": [{"UUID": "u-1", "FunctionArn": "\#(functionArn):1"}, "#
                + #"{"UUID": "u-2", "FunctionArn": "\#(functionArn)"}]}}"#,
            #""listLayerVersions": {"arn:aws:lambda:us-east-1:123456789012:layer:shared": {"LayerVersions": ["#
                + #"{"LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared:3"}, {"LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared:1"}]}}"#,
        ])
        let (state, findings) = DeployedState.parse(fixture.bytes)
        #expect(findings.isEmpty)
        let deployed = try #require(state)
        #expect(deployed.recordsVersions)
        let versions = try #require(deployed.versions["Api"])
        #expect(versions.versions == [
            DeployedFunctionVersion(version: "1", arn: "\(functionArn):1", codeSize: 7, codeSha256: "a", description: nil),
            DeployedFunctionVersion(version: "2", arn: "\(functionArn):2", codeSize: 9, codeSha256: nil, description: "v2"),
        ])
        #expect(versions.aliases == [DeployedAlias(name: "live", arn: "\(functionArn):live", functionVersion: "2", additionalVersions: ["1"])])
        #expect(versions.provisionedConcurrency == ["live"])
        #expect(versions.eventSourceMappings == [DeployedEventSourceMapping(uuid: "u-1", qualifier: "1"),
                                                 DeployedEventSourceMapping(uuid: "u-2", qualifier: nil)])
        #expect(deployed.layerVersionLists == ["arn:aws:lambda:us-east-1:123456789012:layer:shared": [
            "arn:aws:lambda:us-east-1:123456789012:layer:shared:3", "arn:aws:lambda:us-east-1:123456789012:layer:shared:1"]])
    }

    @Test func aStateFileFromBeforeVersionsStillLoads() throws {
        let (state, findings) = DeployedState.parse(fixture([]).bytes)
        #expect(findings.isEmpty)
        let deployed = try #require(state)
        #expect(!deployed.recordsVersions)
        #expect(deployed.functions["Api"]?.codeSize == 10_485_760)
        #expect(deployed.versions["Api"] == DeployedVersions())
    }

    @Test func aCallThatFailedLeavesItsListUnknownAndAMalformedOneIsReported() throws {
        var fixture = fixture([
            #""listVersionsByFunction": {"orders-api": {"Versions": [{"Version": "1", "CodeSize": 7}]}}"#,
            #""listAliases": {"orders-api": {"Items": []}}"#,
        ])
        fixture.errors = [#"{"call": "listProvisionedConcurrencyConfigs", "key": "orders-api", "code": "AccessDeniedException", "message": "no"}"#]
        let (state, findings) = DeployedState.parse(fixture.bytes)
        #expect(findings.map(\.message) == ["responses.listAliases.orders-api has no Aliases"])
        #expect(findings.map(\.rule) == ["state.incomplete"])
        let versions = try #require(state?.versions["Api"])
        #expect(versions.versions?.map(\.version) == ["1"])
        #expect(versions.aliases == nil)
        #expect(versions.provisionedConcurrency == nil)
        #expect(versions.eventSourceMappings == nil)
    }

    /// The reader walks the functions as a dictionary; its findings still come in file order, the same
    /// on every run (the state fuzz target found two runs over one file disagreeing).
    @Test func findingsOfManyFunctionsComeInFileOrder() throws {
        let names = (1...8).map { "fn-\($0)" }
        var fixture = StateFixture()
        fixture.resources = names.enumerated().map { ("F\($0.offset)", $0.element, "AWS::Lambda::Function") }
        fixture.functions = Dictionary(uniqueKeysWithValues: names.map { ($0, StateFixture.function($0)) })
        let lists = names.map { "\(quote($0)): {\"Items\": []}" }.joined(separator: ", ")
        fixture.moreResponses = [#""listVersionsByFunction": {}"#, "\"listAliases\": {\(lists)}"]
        let (_, findings) = DeployedState.parse(fixture.bytes)
        #expect(findings.map(\.message) == names.map { "responses.listAliases.\($0) has no Aliases" })
        #expect(findings.map(\.range.start) == findings.map(\.range.start).sorted())
    }
}
