import CFNCore
import CFNReporters
import Testing

@Suite struct PlanMarkdownReporterTests {
    @Test func rendersAPullRequestComment() {
        let output = PlanMarkdownReporter().render(PlanSample.run())
        #expect(output == #"""
            ### cfn-lambda plan

            `base.yaml` → `head.yaml`

            **1 to create, 2 to update, 3 to replace, 1 to delete** · 1 unchanged · 1 error, 1 warning, 0 infos

            | | resource | type | action | storage | causes |
            |---|---|---|---|---|---|
            | `-/+` | `Api` | `AWS::Lambda::Function` | replace (conditional) |  | `FunctionName` |
            | `-/+` | `Deps` | `AWS::Lambda::LayerVersion` | replace | +1.0 MiB | `Content/S3Key` |
            | `-/+` | `DepsPermission` | `AWS::Lambda::LayerVersionPermission` | replace |  | `LayerVersionArn` |
            | `-` | `Legacy` | `AWS::Lambda::Function` | delete | −3.0 MiB |  |
            | `~` | `Orders` | `AWS::Lambda::Function` | update | −10.0 MiB | `Code/S3ObjectStorageMode`, `Layers` |
            | `+` | `Reports` | `AWS::Lambda::Function` | create (conditional) | +5.0 MiB |  |
            | `~` | `Worker` | `AWS::Lambda::Function` | update |  | `Code/S3ObjectStorageMode`, `MemorySize`, `VpcConfig` |

            <details><summary><code>Api</code> (AWS::Lambda::Function): replace (conditional)</summary>

            | property | before | after | why |
            |---|---|---|---|
            | `FunctionName` | `"api"` | `(known after deploy: ApiName)` | parameter value, **may force replacement** |

            </details>

            <details><summary><code>Deps</code> (AWS::Lambda::LayerVersion): replace, storage +1.0 MiB</summary>

            | property | before | after | why |
            |---|---|---|---|
            | `Content/S3Key` | `"layers/deps-1.zip"` | `"layers/deps-2.zip"` | edited, **forces replacement** |

            </details>

            <details><summary><code>DepsPermission</code> (AWS::Lambda::LayerVersionPermission): replace</summary>

            | property | before | after | why |
            |---|---|---|---|
            | `LayerVersionArn` | `(known after deploy: Deps)` | `(known after deploy: Deps is replaced)` | references Deps, **forces replacement** |

            </details>

            <details><summary><code>Orders</code> (AWS::Lambda::Function): update, storage −10.0 MiB</summary>

            | property | before | after | why |
            |---|---|---|---|
            | `Code/S3ObjectStorageMode` | *absent* | `"REFERENCE"` | edited |
            | `Layers` | `[(known after deploy: Deps),"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"]` | `[(known after deploy: Deps is replaced),"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"]` | references Deps |

            </details>

            <details><summary><code>Worker</code> (AWS::Lambda::Function): update</summary>

            | property | before | after | why |
            |---|---|---|---|
            | `Code/S3ObjectStorageMode` | `"REFERENCE"` | *absent* | edited |
            | `MemorySize` | `512` | `1024` | parameter value |
            | `VpcConfig` | *absent* | `{"SecurityGroupIds":["sg-0a1b"],"SubnetIds":["subnet-0a1b","subnet-0c2d"]}` | edited |

            </details>

            #### Code storage

            | | |
            |---|---|
            | change | −7.0 MiB and sizes not known |
            | quota | 300.0 GiB |
            | usage before | 1.0 GiB |
            | usage after | 1017.0 MiB |
            | exceeds the quota | no |

            | resource | from | to | change |
            |---|---|---|---|
            | `Orders` | COPY | REFERENCE | −10.0 MiB |
            | `Worker` | REFERENCE | COPY | not known |

            Sizes not known (the totals leave them out): `s3://orders-artifacts/worker.zip?versionId=v7`

            #### Network interfaces

            Up to **2 new network interfaces**; up to 1 network interface to reclaim (one per subnet and security group set).

            | | subnet | security groups | functions |
            |---|---|---|---|
            | new | `subnet-0a1b` | `sg-0a1b` | `Worker` |
            | new | `subnet-0c2d` | `sg-0a1b` | `Worker` |
            | reclaim | `subnet-0a1b` | `sg-8`, `sg-9` | `Legacy` |

            Subnets or security groups known only at deploy: `Api`.

            > New functions behind a new combination stay Pending, not invocable, for several minutes while Lambda creates its network interface (at most 500 per VPC); updated functions do not go Pending: the update runs with LastUpdateStatus InProgress and they keep serving the previous configuration.
            >
            > A network interface is freed only when nothing else uses its combination, which takes up to 20 minutes.

            #### Findings

            | | location | message | rule |
            |---|---|---|---|
            | error | `head.yaml:5:21` | Api is replaced \| keeps its name | `plan.example` |
            | warning | `head.yaml:9:21` | S3ObjectStorageMode REFERENCE without S3ObjectVersion | `lambda.storage-mode-version` |

            """#)
    }

    @Test func valuesWithBackticksPipesAndMarkupStayCode() {
        let plan = Plan(changes: [ResourceChange(logicalId: "Fn", type: "Custom::A&B<C>", action: .update, causes: ["Environment/Variables/A"],
                                                 details: [ChangeDetail(path: "Environment/Variables/A", before: .string("a|b"),
                                                                        after: .string("`x` ``y``"), reason: .direct, requiresReplacement: .never)])],
                        transitions: [], storage: PlanSample.unchanged.storage, enis: PlanSample.unchanged.enis, findings: [])
        let output = PlanMarkdownReporter().render(PlanSample.run(plan))
        #expect(output.contains(#"| `~` | `Fn` | `Custom::A&B<C>` | update |  | `Environment/Variables/A` |"#))
        #expect(output.contains("<details><summary><code>Fn</code> (Custom::A&amp;B&lt;C&gt;): update</summary>"))
        #expect(output.contains(#"| `Environment/Variables/A` | `"a\|b"` | ```"`x` ``y``"``` | edited |"#))
    }

    @Test func aNewStackWithoutChanges() {
        #expect(PlanMarkdownReporter().render(PlanSample.run(PlanSample.unchanged, base: nil)) == """
            ### cfn-lambda plan

            New stack from `head.yaml`

            **0 to create, 0 to update, 0 to replace, 0 to delete** · 1 unchanged · 0 errors, 0 warnings, 0 infos

            #### Code storage

            | | |
            |---|---|
            | change | ±0 bytes |
            | quota | 300.0 GiB |
            | usage before | not known |
            | usage after | not known |
            | exceeds the quota | not known |

            #### Network interfaces

            No subnet and security group combination added or removed.

            """)
    }

    @Test func withoutAPlanOnlyTheFindings() {
        let base = handMadeReport("base.yaml", "Resources: [\n", [(rule: "yaml.syntax", severity: .error,
                                                                  message: "did not find expected node content", at: 13..<13, resource: nil)])
        #expect(PlanMarkdownReporter().render(PlanSample.run(nil, otherReports: [base])) == """
            ### cfn-lambda plan

            `base.yaml` → `head.yaml`

            No plan: a template cannot be read or processed (see the findings).

            #### Findings

            | | location | message | rule |
            |---|---|---|---|
            | error | `base.yaml:2:1` | did not find expected node content | `yaml.syntax` |

            """)
    }
}
