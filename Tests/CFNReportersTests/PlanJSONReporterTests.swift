import CFNCore
import CFNReporters
import Foundation
import Testing

@Suite struct PlanJSONReporterTests {
    @Test func followsTheContractExactly() {
        let output = PlanJSONReporter().render(PlanSample.run())
        let expected = #"""
            {"formatVersion":2,"tool":{"name":"cfn-lambda","version":"\#(ToolInfo.version)"},"changes":[{"logicalId":"Api","type":"AWS::Lambda::Function","action":"replace","conditional":true,"causes":["FunctionName"],"details":[{"path":"FunctionName","before":"api","after":{"unknown":"after deploy","dependsOn":["ApiName"]},"reason":"parameter","requiresReplacement":"conditional","location":null}],"storageDeltaBytes":null,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Deps","type":"AWS::Lambda::LayerVersion","action":"replace","conditional":false,"causes":["Content/S3Key"],"details":[{"path":"Content/S3Key","before":"layers/deps-1.zip","after":"layers/deps-2.zip","reason":"direct","requiresReplacement":"always","location":null}],"storageDeltaBytes":1048576,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"DepsPermission","type":"AWS::Lambda::LayerVersionPermission","action":"replace","conditional":false,"causes":["LayerVersionArn"],"details":[{"path":"LayerVersionArn","before":{"unknown":"after deploy","dependsOn":["Deps"]},"after":{"unknown":"after replacement","dependsOn":["Deps"]},"reason":"reference","requiresReplacement":"always","location":null}],"storageDeltaBytes":null,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Legacy","type":"AWS::Lambda::Function","action":"delete","conditional":false,"causes":[],"details":[],"storageDeltaBytes":-3145728,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Orders","type":"AWS::Lambda::Function","action":"update","conditional":false,"causes":["Code/S3ObjectStorageMode","Layers"],"details":[{"path":"Code/S3ObjectStorageMode","before":null,"after":"REFERENCE","reason":"direct","requiresReplacement":"never","location":null},{"path":"Layers","before":[{"unknown":"after deploy","dependsOn":["Deps"]},"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"],"after":[{"unknown":"after replacement","dependsOn":["Deps"]},"arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"],"reason":"reference","requiresReplacement":"never","location":null}],"storageDeltaBytes":-10485760,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Reports","type":"AWS::Lambda::Function","action":"create","conditional":true,"causes":[],"details":[],"storageDeltaBytes":5242880,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Role","type":"AWS::IAM::Role","action":"none","conditional":false,"causes":[],"details":[],"storageDeltaBytes":null,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false\#
            },{"logicalId":"Worker","type":"AWS::Lambda::Function","action":"update","conditional":false,"causes":["Code/S3ObjectStorageMode","MemorySize","VpcConfig"],"details":[{"path":"Code/S3ObjectStorageMode","before":"REFERENCE","after":null,"reason":"direct","requiresReplacement":"never","location":null},{"path":"MemorySize","before":512,"after":1024,"reason":"parameter","requiresReplacement":"never","location":null},{"path":"VpcConfig","before":null,"after":{"SecurityGroupIds":["sg-0a1b"],"SubnetIds":["subnet-0a1b","subnet-0c2d"]},"reason":"direct","requiresReplacement":"never","location":null}],"storageDeltaBytes":null,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false}\#
            ],"transitions":[{"logicalId":"Orders","from":"COPY","to":"REFERENCE","deltaBytes":-10485760\#
            },{"logicalId":"Worker","from":"REFERENCE","to":"COPY","deltaBytes":null}],\#
            "storage":{"quotaBytes":322122547200,"usageBeforeBytes":1073741824,"deltaBytes":-7340032,"usageAfterBytes":1066401792,"exceedsQuota":false,"unknownSizes":["s3://orders-artifacts/worker.zip?versionId=v7"],"usagePeakBytes":null,\#
            "estimatedSizes":[],"usageBeforeNote":null},"assets":[],"enis":{"create":[{"subnetId":"subnet-0a1b","securityGroupIds":["sg-0a1b"],"functions":["Worker"]},{"subnetId":"subnet-0c2d","securityGroupIds":["sg-0a1b"],"functions":["Worker"]}],"reclaim":[{"subnetId":"subnet-0a1b","securityGroupIds":["sg-8","sg-9"],"functions":["Legacy"]}],"unknown":["Api"]},"findings":[{"rule":"plan.example","severity":"error","message":"Api is replaced | keeps its name","file":"head.yaml","line":5,"column":21,"endLine":5,"endColumn":33,"resource":"Api","resourceType":"AWS::Lambda::Function","path":"Resources/Api/Properties/FunctionName"\#
            },{"rule":"lambda.storage-mode-version","severity":"warning","message":"S3ObjectStorageMode REFERENCE without S3ObjectVersion","file":"head.yaml","line":9,"column":21,"endLine":9,"endColumn":27,"resource":"Orders","resourceType":"AWS::Lambda::Function","path":"Resources/Orders/Properties/FunctionName"}\#
            ],"summary":{"create":1,"update":2,"replace":3,"delete":1}}

            """#
        #expect(output == expected)
    }

    @Test func parsesWithTheContractsKeys() throws {
        let output = PlanJSONReporter().render(PlanSample.run())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["formatVersion", "tool", "changes", "transitions", "storage", "assets", "enis", "findings", "summary"])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["logicalId"] as? String } == ["Api", "Deps", "DepsPermission", "Legacy", "Orders", "Reports", "Role", "Worker"])
        #expect(changes.allSatisfy { Set($0.keys) == ["logicalId", "type", "action", "conditional", "causes", "details", "storageDeltaBytes",
                                                          "source", "location", "retained", "deletedWithFunction", "logicalIdFromPackaging"] })
        let details = try #require(changes[4]["details"] as? [[String: Any]])
        #expect(details.allSatisfy { Set($0.keys) == ["path", "before", "after", "reason", "requiresReplacement", "location"] })
        #expect(details[0]["before"] is NSNull)
        #expect(details[0]["after"] as? String == "REFERENCE")
        let layers = try #require(details[1]["after"] as? [Any])
        #expect(layers.last as? String == "arn:aws:lambda:eu-west-1:123456789012:layer:extras:3")
        let replaced = try #require(layers.first as? [String: Any])
        #expect(replaced["unknown"] as? String == "after replacement" && replaced["dependsOn"] as? [String] == ["Deps"])
        let storage = try #require(object["storage"] as? [String: Any])
        #expect(Set(storage.keys) == ["quotaBytes", "usageBeforeBytes", "deltaBytes", "usageAfterBytes", "exceedsQuota", "unknownSizes",
                                     "usagePeakBytes", "estimatedSizes", "usageBeforeNote"])
        #expect(storage["quotaBytes"] as? Int == 322_122_547_200)
        let enis = try #require(object["enis"] as? [String: Any])
        #expect(Set(enis.keys) == ["create", "reclaim", "unknown"])
        let transitions = try #require(object["transitions"] as? [[String: Any]])
        #expect(transitions.allSatisfy { Set($0.keys) == ["logicalId", "from", "to", "deltaBytes"] })
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy {
            Set($0.keys) == ["rule", "severity", "message", "file", "line", "column", "endLine", "endColumn", "resource", "resourceType", "path"]
        })
        #expect(object["summary"] as? [String: Int] == ["create": 1, "update": 2, "replace": 3, "delete": 1])
    }

    /// Known values are JSON; unknown parts and choices are objects; absent is null. A number JSON
    /// has no syntax for is the string the template has.
    @Test(arguments: [
        (PlanValue.string("REFERENCE"), #""REFERENCE""#),
        (.number("512"), "512"),
        (.number("-1.5e+3"), "-1.5e+3"),
        (.number("0"), "0"),
        (.number("0x1F"), #""0x1F""#),
        (.number("0123"), #""0123""#),
        (.number(".5"), #"".5""#),
        (.number("1."), #""1.""#),
        (.number("+1"), #""+1""#),
        (.number("1e"), #""1e""#),
        (.number("inf"), #""inf""#),
        (.bool(true), "true"),
        (.list([]), "[]"),
        (.list([.string("sg-1"), nil]), #"["sg-1",null]"#),
        (.map([.init(key: "a", value: .list([.number("1"), .map([.init(key: "b", value: nil)])])), .init(key: "c", value: .string("é\n"))]),
         #"{"a":[1,{"b":null}],"c":"é\n"}"#),
        (.unknown(dependsOn: ["SharedDepsLayer"]), #"{"unknown":"after deploy","dependsOn":["SharedDepsLayer"]}"#),
        (.unknown(dependsOn: ["Subnet", "Group"]), #"{"unknown":"after deploy","dependsOn":["Group","Subnet"]}"#),
        (.unknown(dependsOn: [], reason: "Fn::ImportValue is known at deploy time"),
         #"{"unknown":"after deploy","dependsOn":[],"reason":"Fn::ImportValue is known at deploy time"}"#),
        (.replacement(of: "Deps"), #"{"unknown":"after replacement","dependsOn":["Deps"]}"#),
        (.choice(condition: "IsProd", then: .number("1024"), else: nil), #"{"if":"IsProd","then":1024,"else":null}"#),
        (.list([.choice(condition: "UseLayer", then: .unknown(dependsOn: ["Layer"]), else: .string("arn:x"))]),
         #"[{"if":"UseLayer","then":{"unknown":"after deploy","dependsOn":["Layer"]},"else":"arn:x"}]"#),
    ])
    func valuesAreJSON(value: PlanValue, written: String) throws {
        let plan = Plan(changes: [ResourceChange(logicalId: "Fn", type: "T", action: .update, causes: ["P"],
                                                 details: [ChangeDetail(path: "P", before: value, after: nil, reason: .direct,
                                                                        requiresReplacement: .never)])],
                        transitions: [], storage: PlanSample.unchanged.storage, enis: PlanSample.unchanged.enis, findings: [])
        let output = PlanJSONReporter().render(PlanSample.run(plan))
        #expect(output.contains(#""details":[{"path":"P","before":\#(written),"after":null,"#))
        #expect(try JSONSerialization.jsonObject(with: Data(output.utf8)) is [String: Any])
    }

    @Test func withoutAPlanStorageAndNetworkInterfacesAreNull() {
        let base = handMadeReport("base.yaml", "Resources: [\n", [(rule: "yaml.syntax", severity: .error,
                                                                  message: "did not find expected node content", at: 13..<13, resource: nil)])
        let output = PlanJSONReporter().render(PlanSample.run(nil, otherReports: [base]))
        #expect(output == #"""
            {"formatVersion":2,"tool":{"name":"cfn-lambda","version":"\#(ToolInfo.version)"},\#
            "changes":[],"transitions":[],"storage":null,"assets":[],"enis":null,\#
            "findings":[{"rule":"yaml.syntax","severity":"error","message":"did not find expected node content",\#
            "file":"base.yaml","line":2,"column":1,"endLine":2,"endColumn":1,"resource":null,"resourceType":null,"path":null}],\#
            "summary":{"create":0,"update":0,"replace":0,"delete":0}}

            """#)
    }

    @Test func findingsOfSeveralFilesAreSortedByFile() throws {
        let parameters = handMadeReport("a-params.json", "[{}]", [(rule: "parameters.invalid", severity: .error,
                                                                   message: "entry has no ParameterKey", at: 1..<3, resource: nil)])
        let output = PlanJSONReporter().render(PlanSample.run(otherReports: [parameters]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "")" } == [
            "a-params.json:1:2 parameters.invalid", "head.yaml:5:21 plan.example", "head.yaml:9:21 lambda.storage-mode-version",
        ])
    }
}
