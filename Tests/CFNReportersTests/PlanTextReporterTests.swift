@testable import CFNReporters
import CFNCore
import Testing

@Suite struct PlanTextReporterTests {
    @Test func rendersChangesStorageNetworkInterfacesAndFindings() {
        let output = PlanTextReporter().render(PlanSample.run())
        #expect(output == """
            Plan: base.yaml → head.yaml

            -/+ Api (AWS::Lambda::Function) will be replaced (conditional)
                  FunctionName: "api" → (known after deploy: ApiName) (parameter value, may force replacement)
            -/+ Deps (AWS::Lambda::LayerVersion) will be replaced, storage +1.0 MiB
                  Content/S3Key: "layers/deps-1.zip" → "layers/deps-2.zip" (edited, forces replacement)
            -/+ DepsPermission (AWS::Lambda::LayerVersionPermission) will be replaced
                  LayerVersionArn: (known after deploy: Deps) → (known after deploy: Deps is replaced) (references Deps, forces replacement)
              - Legacy (AWS::Lambda::Function) will be deleted, storage −3.0 MiB
              ~ Orders (AWS::Lambda::Function) will be updated in place, storage −10.0 MiB
                  Code/S3ObjectStorageMode: (absent) → "REFERENCE" (edited)
                  Layers: [(known after deploy: Deps),"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"] → [(known after deploy: Deps is replaced),"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"] (references Deps)
              + Reports (AWS::Lambda::Function) will be created (conditional), storage +5.0 MiB
              ~ Worker (AWS::Lambda::Function) will be updated in place
                  Code/S3ObjectStorageMode: "REFERENCE" → (absent) (edited)
                  MemorySize: 512 → 1024 (parameter value)
                  VpcConfig: (absent) → {"SecurityGroupIds":["sg-0a1b"],"SubnetIds":["subnet-0a1b","subnet-0c2d"]} (edited)

            1 to create, 2 to update, 3 to replace, 1 to delete; 1 unchanged.

            Code storage (Lambda-managed): −7.0 MiB and sizes not known
              usage 1.0 GiB → 1017.0 MiB of 300.0 GiB
              Orders: COPY → REFERENCE (−10.0 MiB)
              Worker: REFERENCE → COPY (size not known)
              sizes not known (totals leave them out): s3://orders-artifacts/worker.zip?versionId=v7

            Network interfaces: up to 2 new network interfaces, up to 1 network interface to reclaim
              + subnet-0a1b [sg-0a1b]: Worker
              + subnet-0c2d [sg-0a1b]: Worker
              - subnet-0a1b [sg-8, sg-9]: Legacy
              subnets or security groups known only at deploy: Api
              New functions behind a new combination stay Pending, not invocable, for several minutes while Lambda creates its network interface (at most 500 per VPC); updated functions do not go Pending: the update runs with LastUpdateStatus InProgress and they keep serving the previous configuration.
              A network interface is freed only when nothing else uses its combination, which takes up to 20 minutes.

            head.yaml:5:21: error: Api is replaced | keeps its name [plan.example]
            head.yaml:9:21: warning: S3ObjectStorageMode REFERENCE without S3ObjectVersion [lambda.storage-mode-version]

            """)
    }

    @Test func coloursActionsAndSeveritiesOnlyWhenAsked() {
        let lines = PlanTextReporter(color: true).render(PlanSample.run()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "\u{1B}[35m-/+\u{1B}[0m Api (AWS::Lambda::Function) will be replaced (conditional)")
        #expect(lines[8] == "  \u{1B}[31m-\u{1B}[0m Legacy (AWS::Lambda::Function) will be deleted, storage −3.0 MiB")
        #expect(lines[9] == "  \u{1B}[33m~\u{1B}[0m Orders (AWS::Lambda::Function) will be updated in place, storage −10.0 MiB")
        #expect(lines[12] == "  \u{1B}[32m+\u{1B}[0m Reports (AWS::Lambda::Function) will be created (conditional), storage +5.0 MiB")
        #expect(lines[27] == "  \u{1B}[32m+\u{1B}[0m subnet-0a1b [sg-0a1b]: Worker")
        #expect(lines[29] == "  \u{1B}[31m-\u{1B}[0m subnet-0a1b [sg-8, sg-9]: Legacy")
        #expect(lines[34] == "head.yaml:5:21: \u{1B}[1;31merror\u{1B}[0m: Api is replaced | keeps its name [plan.example]")
        #expect(!PlanTextReporter(color: false).render(PlanSample.run()).contains("\u{1B}"))
    }

    @Test func aNewStackWithoutChanges() {
        #expect(PlanTextReporter().render(PlanSample.run(PlanSample.unchanged, base: nil)) == """
            Plan: new stack from head.yaml

            No changes.

            0 to create, 0 to update, 0 to replace, 0 to delete; 1 unchanged.

            Code storage (Lambda-managed): ±0 bytes
              quota 300.0 GiB; usage before the deployment not known

            Network interfaces: no subnet and security group combination added or removed.

            """)
    }

    @Test func withoutAPlanOnlyTheFindings() {
        let base = handMadeReport("base.yaml", "Resources: [\n", [(rule: "yaml.syntax", severity: .error,
                                                                  message: "did not find expected node content", at: 13..<13, resource: nil)])
        #expect(PlanTextReporter().render(PlanSample.run(nil, otherReports: [base])) == """
            Plan: base.yaml → head.yaml

            No plan: a template cannot be read or processed (see the findings).

            base.yaml:2:1: error: did not find expected node content [yaml.syntax]

            """)
    }

    @Test func quotaExceededAndOnlyUnknownNetworkInterfaces() {
        var plan = PlanSample.unchanged
        // Over the quota before the cleanup phase only, by less than one decimal shows: three do.
        plan.storage = StorageSummary(quotaBytes: 1_048_576, usageBeforeBytes: 1_000_000, deltaBytes: 1536,
                                      usageAfterBytes: 1_001_536, exceedsQuota: true, unknownSizes: [], usagePeakBytes: 1_050_000)
        plan.enis = ENISummary(create: [], reclaim: [], unknown: ["Fn"])
        #expect(PlanTextReporter().render(PlanSample.run(plan)) == """
            Plan: base.yaml → head.yaml

            No changes.

            0 to create, 0 to update, 0 to replace, 0 to delete; 1 unchanged.

            Code storage (Lambda-managed): +1.5 KiB
              usage 976.563 KiB → 978.063 KiB of 1.000 MiB
              usage before the cleanup phase: 1.001 MiB
              usage during the deployment exceeds the quota (before the cleanup phase frees storage)

            Network interfaces: none known to be added or removed
              subnets or security groups known only at deploy: Fn

            """)
    }

    @Test(arguments: [
        (Int64(0), "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1.0 KiB"), (1536, "1.5 KiB"),
        (1_048_575, "1.0 MiB"), (10_485_760, "10.0 MiB"), (-3_145_728, "−3.0 MiB"), (1_073_741_824, "1.0 GiB"),
        (322_122_547_200, "300.0 GiB"), (1_099_511_627_776, "1.0 TiB"), (Int64.max, "8.0 EiB"), (Int64.min, "−8.0 EiB"),
    ])
    func byteCountsInBinaryUnits(bytes: Int64, text: String) {
        #expect(PlanBytes.size(bytes) == text)
    }

    @Test func deltasHaveASign() {
        #expect([PlanBytes.delta(0), PlanBytes.delta(2048), PlanBytes.delta(-512)] == ["±0 bytes", "+2.0 KiB", "−512 bytes"])
    }
}
