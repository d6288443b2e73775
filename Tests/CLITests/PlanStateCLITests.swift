import Foundation
import Testing

/// `cfn-lambda plan --state FILE HEAD`: BASE is the deployed stack of a snapshot.
@Suite struct PlanStateCLITests {
    static let head = PlanCLITests.base
        .replacingOccurrences(of: "MemorySize: 512", with: "MemorySize: 1024")
        .replacingOccurrences(of: "S3Key: fn.zip}", with: "S3Key: fn.zip, S3ObjectVersion: v3, S3ObjectStorageMode: REFERENCE}")

    /// A snapshot of stack `orders` deployed from `PlanCLITests.base` with Stage=prod: Lambda holds a
    /// 7 MiB copy of the code; the account uses 50 GiB of 300 GiB.
    static let state = """
        {"formatVersion": 1, "kind": "cfn-lambda-state", "stack": "orders", "region": "eu-west-1", "endpointUrl": null,
         "awsCli": {"version": "aws-cli/2.31.0", "reportsResolvedS3Object": true},
         "responses": {
          "describeStacks": {"Stacks": [{"StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/1",
            "StackName": "orders", "StackStatus": "UPDATE_COMPLETE",
            "Parameters": [{"ParameterKey": "Stage", "ParameterValue": "prod"}]}]},
          "getTemplate": {"TemplateBody": \(jsonString(PlanCLITests.base))},
          "describeStackResources": {"StackResources": [{"LogicalResourceId": "Fn", "PhysicalResourceId": "orders-prod",
            "ResourceType": "AWS::Lambda::Function", "ResourceStatus": "UPDATE_COMPLETE"}]},
          "getFunction": {"orders-prod": {"Configuration": {"FunctionName": "orders-prod", "CodeSize": 7340032, "MemorySize": 512},
            "Code": {"RepositoryType": "S3", "Location": "https://example/presigned"}}},
          "getAccountSettings": {"AccountLimit": {"TotalCodeSize": 322122547200}, "AccountUsage": {"TotalCodeSize": 53687091200}}},
         "errors": []}
        """

    static func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data(), as: UTF8.self)
    }

    @Test func plansOverTheDeployedStack() throws {
        let scratch = try Scratch(["state.json": Self.state, "head.yaml": Self.head])
        let result = try CLI.run(["plan", "--state", "state.json", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        // FunctionName is orders-${Stage} with the stack's Stage=prod in both: no replacement; the
        // copy Lambda holds (7 MiB, as Lambda reports it) is freed; usage is the account's.
        #expect(result.stdout == """
            Plan: state.json (stack orders) → head.yaml

              ~ Fn (AWS::Lambda::Function) will be updated in place, storage −7.0 MiB
                  Code/S3ObjectStorageMode: (absent) → "REFERENCE" (edited)
                  Code/S3ObjectVersion: (absent) → "v3" (edited)
                  MemorySize: 512 → 1024 (edited)

            0 to create, 1 to update, 0 to replace, 0 to delete; 0 unchanged.

            Code storage (Lambda-managed): −7.0 MiB
              usage 50.00 GiB → 49.99 GiB of 300.00 GiB
              Fn: COPY → REFERENCE (−7.0 MiB)

            Network interfaces: no subnet and security group combination added or removed.

            """)
        // A HEAD parameter given on the command line wins over the stack's value.
        let dev = try CLI.run(["plan", "--state", "state.json", "--parameters", "Stage=dev", "head.yaml"], in: scratch.url)
        #expect(dev.stdout.contains("-/+ Fn (AWS::Lambda::Function) will be replaced"))
        #expect(dev.stdout.contains("FunctionName: \"orders-prod\" → \"orders-dev\" (parameter value, forces replacement)"))
    }

    @Test func stateErrors() throws {
        let scratch = try Scratch(["state.json": Self.state, "head.yaml": Self.head, "plan.json": "{\"formatVersion\": 1}"])
        let missing = try CLI.run(["plan", "--state", "nope.json", "head.yaml"], in: scratch.url)
        #expect(missing.status == 66)
        #expect(missing.stderr == "cfn-lambda: nope.json: no such state file, or it cannot be read\n")
        let notState = try CLI.run(["plan", "--state", "plan.json", "head.yaml"], in: scratch.url)
        #expect(notState.status == 1)
        #expect(notState.stdout.contains("plan.json:1:1: error: not a state file: write one with `cfn-lambda snapshot --stack NAME -o FILE` (its kind is cfn-lambda-state) [state.invalid]"))
        let twoTemplates = try CLI.run(["plan", "--state", "state.json", "head.yaml", "head.yaml"], in: scratch.url)
        #expect(twoTemplates.status == 64)
        #expect(twoTemplates.stderr.hasPrefix("Error: --state is BASE (the deployed stack); give only HEAD.\n"))
        let withRef = try CLI.run(["plan", "--state", "state.json", "--base-ref", "main", "head.yaml"], in: scratch.url)
        #expect(withRef.status == 64)
        #expect(withRef.stderr.hasPrefix("Error: --state and --base-ref both give BASE; use one.\n"))
    }
}
