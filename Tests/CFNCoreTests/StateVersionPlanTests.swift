import CFNCore
import Testing

/// `plan --state` and function versions: a stack's version has Lambda's size, and without the
/// account's usage the usage before is the stack's own storage, published and retained versions
/// included, so that the usage before plus the change is a true sum.
@Suite struct StateVersionPlanTests {
    static let api = "arn:aws:lambda:us-east-1:123456789012:function:orders-api"
    static let code = "{S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v1}"

    static func template(_ versions: [String]) -> String {
        "Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n"
            + "      Role: arn:aws:iam::123456789012:role/r\n      Code: \(code)\n"
            + versions.map { "  \($0):\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref Api\n" }.joined()
    }

    /// The stack: Api ($LATEST 3 000 000 bytes) and its version 2 (V2, 2 500 000 bytes); version 1
    /// (2 000 000 bytes) was retained from an earlier deployment and is no longer in the stack.
    static func fixture(version2Size: String = "2500000") -> StateFixture {
        var state = StateFixture()
        state.template = template(["V2"])
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function"), ("V2", "\(api):2", "AWS::Lambda::Version")]
        state.functions = ["orders-api": StateFixture.function("orders-api", codeSize: 3_000_000)]
        state.accountSettings = nil
        state.moreResponses = [
            #""listVersionsByFunction": {"orders-api": {"Versions": [{"Version": "$LATEST", "CodeSize": 3000000}, "#
                + #"{"FunctionArn": "\#(api):1", "Version": "1", "CodeSize": 2000000}, "#
                + #"{"FunctionArn": "\#(api):2", "Version": "2", "CodeSize": \#(version2Size)}]}}"#,
            #""listAliases": {"orders-api": {"Aliases": []}}"#,
            #""listProvisionedConcurrencyConfigs": {"orders-api": {"ProvisionedConcurrencyConfigs": []}}"#,
            #""listEventSourceMappings": {"orders-api": {"EventSourceMappings": []}}"#,
        ]
        return state
    }

    static func plan(_ state: StateFixture, head: String) throws -> Plan {
        let deployed = try #require(DeployedState.parse(state.bytes).state)
        let pair = try PlanInputPair(String(decoding: try #require(deployed.template), as: UTF8.self), head)
        var options = PlanOptions()
        options.use(deployed)
        return Planner(options: options).plan(base: pair.base, head: pair.head)
    }

    @Test func aDeletedVersionFreesLambdasSizeAndRetainedOnesCountBefore() throws {
        // HEAD drops V2 (no DeletionPolicy): Lambda deletes it, 2 500 000 bytes, a size only the state knows.
        let result = try Self.plan(Self.fixture(), head: Self.template([]))
        #expect(result.changes.map { "\($0.logicalId) \($0.action.rawValue) \($0.storageDeltaBytes.map(String.init) ?? "-")" }
                == ["Api none 0", "V2 delete -2500000"])
        // Before: $LATEST, version 1 (retained, outside the stack) and version 2.
        #expect(result.storage.usageBeforeBytes == 7_500_000)
        #expect(result.storage.deltaBytes == -2_500_000)
        #expect(result.storage.usageAfterBytes == 5_000_000)
        #expect(result.storage.exceedsQuota == nil)
        #expect(result.storage.usageBeforeNote == "the account's usage is not known; this is the stack's own code storage as the "
                + "state file records it ($LATEST, published versions, layer versions)")
    }

    @Test func theAccountsUsageWinsWhenTheStateHasIt() throws {
        var state = Self.fixture()
        state.accountSettings = #"{"AccountLimit": {"TotalCodeSize": 80530636800}, "AccountUsage": {"TotalCodeSize": 1073741824}}"#
        let result = try Self.plan(state, head: Self.template([]))
        #expect(result.storage.usageBeforeBytes == 1_073_741_824)
        #expect(result.storage.usageBeforeNote == nil)
        #expect(result.storage.exceedsQuota == false)
    }

    @Test func aVersionOfUnknownSizeMakesTheUsageALowerBound() throws {
        let result = try Self.plan(Self.fixture(version2Size: "null"), head: Self.template(["V2"]))
        // $LATEST and version 1 are known; version 2 is left out, not counted as zero.
        #expect(result.storage.usageBeforeBytes == 5_000_000)
        #expect(result.storage.usageBeforeNote?.hasSuffix("; some sizes or storage modes are not known and are left out") == true)
    }

    @Test func aStateFileFromBeforeVersionsSaysSoOnce() throws {
        var state = Self.fixture()
        state.moreResponses = []
        let result = try Self.plan(state, head: Self.template(["V2"]))
        #expect(result.storage.usageBeforeBytes == 3_000_000)
        #expect(result.storage.usageBeforeNote == "the account's usage is not known; this is the stack's own code storage as the "
                + "state file records it ($LATEST, published versions, layer versions); the state file lists no versions (it is "
                + "from before snapshot read them), so published and retained versions are not counted: take a new snapshot")
        // V2's size is not known without the versions: its template code (no sizes file) is not either.
        #expect(result.changes.first { $0.logicalId == "V2" }?.action == ResourceChange.Action.none)
    }
}
