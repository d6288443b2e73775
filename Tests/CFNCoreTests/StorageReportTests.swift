@testable import CFNCore
import Testing

private let api = "arn:aws:lambda:us-east-1:123456789012:function:orders-api"
private let worker = "arn:aws:lambda:us-east-1:123456789012:function:orders-worker"
private let layer = "arn:aws:lambda:us-east-1:123456789012:layer:shared"

/// A stack with published versions kept in every way Lambda knows, one published by hand that
/// nothing refers to, a REFERENCE function, and a layer with older versions.
func storageFixture() -> StateFixture {
    var fixture = StateFixture()
    fixture.resources = [("Api", "orders-api", "AWS::Lambda::Function"), ("Worker", "orders-worker", "AWS::Lambda::Function"),
                         ("ApiVersion", "\(api):4", "AWS::Lambda::Version"), ("Shared", "\(layer):3", "AWS::Lambda::LayerVersion")]
    fixture.functions = [
        "orders-api": StateFixture.function("orders-api", codeSize: 10_485_760, layers: [("\(layer):3", 5_242_880)]),
        "orders-worker": StateFixture.function("orders-worker", codeSize: 2_097_152, reference: ("code", "worker.zip", "v1")),
    ]
    fixture.layers = ["\(layer):3": StateFixture.layer("\(layer):3", codeSize: 5_242_880),
                      "\(layer):2": StateFixture.layer("\(layer):2", codeSize: 4_194_304)]
    func version(_ arn: String, _ number: Int, _ size: Int64) -> String {
        #"{"FunctionArn": "\#(arn):\#(number)", "Version": "\#(number)", "CodeSize": \#(size)}"#
    }
    fixture.moreResponses = [
        #""listVersionsByFunction": {"orders-api": {"Versions": [{"Version": "$LATEST", "CodeSize": 10485760}, "#
            + [version(api, 1, 7_340_032), version(api, 2, 10_485_760), version(api, 3, 10_485_760), version(api, 4, 10_485_760)]
                .joined(separator: ", ") + "]}, "
            + #""orders-worker": {"Versions": [\#(version(worker, 1, 2_097_152))]}}"#,
        #""listAliases": {"orders-api": {"Aliases": [{"Name": "live", "FunctionVersion": "4", "RoutingConfig": {"AdditionalVersionWeights": {"3": 0.1}}}]}, "#
            + #""orders-worker": {"Aliases": []}}"#,
        #""listProvisionedConcurrencyConfigs": {"orders-api": {"ProvisionedConcurrencyConfigs": [{"FunctionArn": "\#(api):live"}]}, "#
            + #""orders-worker": {"ProvisionedConcurrencyConfigs": []}}"#,
        #""listEventSourceMappings": {"orders-api": {"EventSourceMappings": [{"UUID": "u-1", "FunctionArn": "\#(api):1"}]}, "#
            + #""orders-worker": {"EventSourceMappings": []}}"#,
        #""listLayerVersions": {"\#(layer)": {"LayerVersions": [{"LayerVersionArn": "\#(layer):3"}, {"LayerVersionArn": "\#(layer):2"}, "#
            + #"{"LayerVersionArn": "\#(layer):1"}]}}"#,
    ]
    return fixture
}

@Suite struct StorageReportTests {
    @Test func everyVersionWithWhatKeepsIt() throws {
        let state = try #require(DeployedState.parse(storageFixture().bytes).state)
        let report = StorageReport(state: state)
        #expect(report.items.map { "\($0.resource) \($0.version) \($0.codeSizeBytes.map(String.init) ?? "?") \($0.storage.label) "
            + "\($0.reclaimable ? "reclaimable" : $0.keptBy.joined(separator: ","))" } == [
            "Api $LATEST 10485760 COPY $LATEST",
            "Api 1 7340032 COPY event-source-mapping:u-1",
            "Api 2 10485760 COPY reclaimable",
            "Api 3 10485760 COPY alias-routing:live",
            "Api 4 10485760 COPY alias:live,provisioned-concurrency:live,stack:ApiVersion",
            "Worker $LATEST 2097152 REFERENCE $LATEST",
            "Worker 1 2097152 REFERENCE reclaimable",
            "Shared 1 ? unknown reclaimable",
            "Shared 2 4194304 COPY reclaimable",
            "Shared 3 5242880 COPY stack:Shared,function:orders-api",
        ])
        #expect(report.functions == [
            StorageFunctionTotal(resource: "Api", name: "orders-api", totalBytes: 49_283_072, reclaimableBytes: 10_485_760, versions: 4, isLowerBound: false),
            StorageFunctionTotal(resource: "Worker", name: "orders-worker", totalBytes: 0, reclaimableBytes: 0, versions: 1, isLowerBound: false),
        ])
        // Layer version 1's size is not known: the totals are lower bounds.
        #expect(report.summary == StorageReportSummary(
            totalBytes: 58_720_256, reclaimableBytes: 14_680_064, isLowerBound: true, quotaBytes: 80_530_636_800, usageBytes: 1_073_741_824,
            bytesPerDeployment: 15_728_640, deploymentsRemaining: 5051, deploymentsRemainingIsUpperBound: false))
        #expect(report.notes.isEmpty)
        #expect(report.reclaimable.map { $0.deleteCommand(region: report.region) } == [
            "aws lambda delete-function --function-name orders-api --qualifier 2 --region us-east-1",
            "aws lambda delete-function --function-name orders-worker --qualifier 1 --region us-east-1",
            "aws lambda delete-layer-version --layer-name \(layer) --version-number 1 --region us-east-1",
            "aws lambda delete-layer-version --layer-name \(layer) --version-number 2 --region us-east-1",
        ])
    }

    @Test func anOldStateFileCountsOnlyWhatItKnowsAndSaysSoOnce() throws {
        var fixture = storageFixture()
        fixture.moreResponses = []
        fixture.accountSettings = nil
        let state = try #require(DeployedState.parse(fixture.bytes).state)
        let report = StorageReport(state: state)
        #expect(report.items.map { "\($0.resource) \($0.version)" } == ["Api $LATEST", "Worker $LATEST", "Shared 3"])
        #expect(report.notes == ["the state file does not list versions (it is from before snapshot read them): only $LATEST and the "
                                 + "stack's layer versions are counted; take a new snapshot"])
        #expect(report.summary.totalBytes == 15_728_640)
        #expect(report.summary.isLowerBound)
        #expect(report.summary.usageBytes == nil)
        #expect(report.summary.quotaBytes == StorageSummary.defaultQuotaBytes)
        #expect(report.summary.deploymentsRemaining == nil)
    }

    @Test func aFailedListMakesNothingReclaimable() throws {
        var fixture = storageFixture()
        fixture.moreResponses.remove(at: 1)  // listAliases
        fixture.errors = [#"{"call": "listAliases", "key": "orders-api", "code": "AccessDeniedException", "message": "no"}"#]
        let state = try #require(DeployedState.parse(fixture.bytes).state)
        let report = StorageReport(state: state)
        #expect(report.items.filter { $0.resource == "Api" && $0.kind == .functionVersion }.allSatisfy { !$0.reclaimable && $0.keptBy.last == "unknown" })
        #expect(report.notes.first?.hasPrefix("what keeps the versions of function Api is not fully known (list-aliases failed)") == true)
    }

    /// Version numbers equal as integers ("1", "01") or beyond Int sort by ARN, not by a Set's order.
    @Test func layerVersionsOfEqualNumberSortByArn() throws {
        var fixture = storageFixture()
        let odd = ["1", "01", "001", "0001", "99999999999999999999", "99999999999999999998"]
        fixture.moreResponses[4] = #""listLayerVersions": {"\#(layer)": {"LayerVersions": ["#
            + (["3"] + odd).map { #"{"LayerVersionArn": "\#(layer):\#($0)"}"# }.joined(separator: ", ") + "]}}"
        let state = try #require(DeployedState.parse(fixture.bytes).state)
        let versions = StorageReport(state: state).items.filter { $0.kind == .layerVersion }.map(\.version)
        #expect(versions == ["99999999999999999998", "99999999999999999999", "0001", "001", "01", "1", "3"])
    }

    /// A stack version whose physical ID the state file lacks (an emulator's) keeps a version that
    /// cannot be named: no version is offered for deletion, and a note says why.
    @Test func aStackVersionWithoutPhysicalIdMakesNothingReclaimable() throws {
        var fixture = storageFixture()
        fixture.resources.append(("OldVersion", "__none__", "AWS::Lambda::Version"))
        let bytes = Array(fixture.json.replacingOccurrences(of: #""__none__""#, with: "null").utf8)
        let state = try #require(DeployedState.parse(bytes).state)
        let report = StorageReport(state: state)
        let versions = report.items.filter { $0.kind == .functionVersion }
        #expect(!versions.isEmpty && versions.allSatisfy { !$0.reclaimable && $0.keptBy.last == "unknown" })
        #expect(report.notes.contains("the stack's OldVersion (AWS::Lambda::Version) has no physical ID in the state file, so which version it keeps is not known: no function version is called reclaimable"))
        // Without it, the fixture has reclaimable versions: the note is what changed.
        #expect(StorageReport(state: try #require(DeployedState.parse(storageFixture().bytes).state)).items.contains(where: \.reclaimable))
    }
}
