import Foundation
import Testing

/// plan between two SAM templates, as CloudFormation will deploy them: the resources under the
/// logical IDs the SAM transform gives them (hashed IDs checked against aws-sam-translator 1.110),
/// each change naming its SAM source.
@Suite struct SAMPlanScenarioCLITests {
    /// Zipped sizes of the artifacts the scenarios use.
    static let sizes = """
        {"s3://bucket/v1.zip": 1048576, "s3://bucket/v2.zip": 2097152,
         "s3://layers/deps-1.zip": 3145728, "s3://layers/deps-2.zip": 4194304, "s3://bucket/fn.zip": 524288}
        """

    /// The plan JSON of BASE → HEAD with `sizes`.
    static func plan(_ base: String, _ head: String) throws -> [String: Any] {
        let scratch = try Scratch(["base.yaml": base, "head.yaml": head, "sizes.json": sizes])
        let result = try CLI.run(["plan", "--format", "json", "--artifact-sizes", scratch.path("sizes.json"),
                                  scratch.path("base.yaml"), scratch.path("head.yaml")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Each change other than `none` as `id action [retained] [source] storage | path before → after reason replacement`.
    static func changes(_ plan: [String: Any]) -> [String] {
        func text(_ value: Any?) -> String {
            guard let value, !(value is NSNull) else { return "null" }
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? "?"
        }
        let changes = plan["changes"] as? [[String: Any]] ?? []
        return changes.filter { $0["action"] as? String != "none" }.map { change in
            let source = (change["source"] as? [String: Any]).map { "[\($0["resource"] as? String ?? "") \($0["type"] as? String ?? "")]" } ?? "[-]"
            let retained = change["retained"] as? Bool == true ? " retained" : ""
            var line = "\(change["logicalId"] as? String ?? "") \(change["action"] as? String ?? "")\(retained) \(source) \(text(change["storageDeltaBytes"]))"
            for detail in change["details"] as? [[String: Any]] ?? [] {
                line += " | \(detail["path"] as? String ?? "") \(text(detail["before"])) → \(text(detail["after"])) "
                    + "\(detail["reason"] as? String ?? "") \(detail["requiresReplacement"] as? String ?? "")"
            }
            return line
        }
    }

    /// A code change under `AutoPublishAlias` is a new version under a new hashed logical ID; the
    /// alias moves to it, and the old version (SAM's `DeletionPolicy: Retain`) leaves the stack.
    @Test func aCodeChangeUnderAutoPublishAliasPublishesANewVersion() throws {
        let published = SAMValidatePlanCLITests.published
        let plan = try Self.plan(published, published.replacingOccurrences(of: "v1.zip", with: "v2.zip"))
        #expect(Self.changes(plan) == [
            #"Fn update [Fn AWS::Serverless::Function] 1048576 | Code/S3Key "v1.zip" → "v2.zip" direct never"#,
            #"FnAliaslive update [Fn AWS::Serverless::Function] null | FunctionVersion {"dependsOn":["FnVersion5f8b93ece1"],"unknown":"after deploy"} → {"dependsOn":["FnVersionb3e8643a1c"],"unknown":"after deploy"} direct never"#,
            "FnVersion5f8b93ece1 delete retained [Fn AWS::Serverless::Function] 0",
            "FnVersionb3e8643a1c create [Fn AWS::Serverless::Function] 2097152",
        ])
        // The old version is retained: it keeps its copy of v1.zip, and the new one copies v2.zip.
        #expect((plan["storage"] as? [String: Any])?["deltaBytes"] as? Int == 3_145_728)
    }

    static let layer = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Deps:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: s3://layers/deps-1.zip
              CompatibleRuntimes: [python3.12]
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/fn.zip
              Handler: index.handler
              Runtime: python3.12
              Layers: [!Ref Deps]

        """

    /// A new layer content is a new hashed logical ID: the new version is created and the old one,
    /// `DeletionPolicy: Retain` by SAM's default `RetentionPolicy`, is removed from the stack and
    /// keeps its storage.
    @Test func aLayerContentChangeCreatesANewLayerVersionAndRetainsTheOld() throws {
        let plan = try Self.plan(Self.layer, Self.layer.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip"))
        #expect(Self.changes(plan) == [
            "Deps1282a38b5e delete retained [Deps AWS::Serverless::LayerVersion] 0",
            "Deps21ded9b292 create [Deps AWS::Serverless::LayerVersion] 4194304",
            #"Fn update [Fn AWS::Serverless::Function] 0 | Layers [{"dependsOn":["Deps1282a38b5e"],"unknown":"after deploy"}] → [{"dependsOn":["Deps21ded9b292"],"unknown":"after deploy"}] direct never"#,
        ])
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["deltaBytes"] as? Int == 4_194_304)
    }

    /// With `RetentionPolicy: Delete` the old layer version is deleted, and its storage freed.
    @Test func aLayerWithRetentionPolicyDeleteFreesTheOldVersion() throws {
        let base = Self.layer.replacingOccurrences(of: "      CompatibleRuntimes: [python3.12]\n",
                                                   with: "      CompatibleRuntimes: [python3.12]\n      RetentionPolicy: Delete\n")
        let plan = try Self.plan(base, base.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip"))
        #expect(Self.changes(plan) == [
            "Deps61f4d1861b create [Deps AWS::Serverless::LayerVersion] 4194304",
            "Depsfabdecd34e delete [Deps AWS::Serverless::LayerVersion] -3145728",
            #"Fn update [Fn AWS::Serverless::Function] 0 | Layers [{"dependsOn":["Depsfabdecd34e"],"unknown":"after deploy"}] → [{"dependsOn":["Deps61f4d1861b"],"unknown":"after deploy"}] direct never"#,
        ])
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["deltaBytes"] as? Int == 1_048_576)
    }

    static let twoFunctions = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
            Handler: index.handler
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/orders.zip
          Reports:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/reports.zip
              FunctionName: reports

        """

    /// A `VpcConfig` added in `Globals` reaches every function: each is updated, each generated
    /// role gets the VPC access policy, and each subnet gets a network interface for both.
    @Test func aGlobalsVpcConfigReachesEveryFunction() throws {
        let head = Self.twoFunctions.replacingOccurrences(of: "    Handler: index.handler\n", with: """
                Handler: index.handler
                VpcConfig:
                  SubnetIds: [subnet-1, subnet-2]
                  SecurityGroupIds: [sg-1]

            """)
        let plan = try Self.plan(Self.twoFunctions, head)
        let vpc = #"VpcConfig null → {"SecurityGroupIds":["sg-1"],"SubnetIds":["subnet-1","subnet-2"]} direct never"#
        let policies = #"ManagedPolicyArns ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"] → ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole","arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"] direct never"#
        #expect(Self.changes(plan) == [
            "Orders update [Orders AWS::Serverless::Function] 0 | \(vpc)",
            "OrdersRole update [Orders AWS::Serverless::Function] null | \(policies)",
            "Reports update [Reports AWS::Serverless::Function] 0 | \(vpc)",
            "ReportsRole update [Reports AWS::Serverless::Function] null | \(policies)",
        ])
        // Both functions' VpcConfig point at the Globals line it came from.
        let changes = try #require(plan["changes"] as? [[String: Any]])
        for id in ["Orders", "Reports"] {
            let details = try #require(changes.first { $0["logicalId"] as? String == id }?["details"] as? [[String: Any]])
            let location = try #require(details.first?["location"] as? [String: Any])
            #expect(location["line"] as? Int == 7 && location["column"] as? Int == 7, "\(id)")
        }
        let enis = try #require(plan["enis"] as? [String: Any])
        let created = try #require(enis["create"] as? [[String: Any]])
        #expect(created.map { "\($0["subnetId"] as? String ?? "") \($0["securityGroupIds"] as? [String] ?? []) \($0["functions"] as? [String] ?? [])" } == [
            #"subnet-1 ["sg-1"] ["Orders", "Reports"]"#,
            #"subnet-2 ["sg-1"] ["Orders", "Reports"]"#,
        ])
    }

    /// `FunctionName` added or changed replaces the function (a create-only property).
    @Test func aFunctionNameAddedOrChangedReplaces() throws {
        let head = Self.twoFunctions
            .replacingOccurrences(of: "      CodeUri: s3://bucket/orders.zip\n", with: "      CodeUri: s3://bucket/orders.zip\n      FunctionName: orders\n")
            .replacingOccurrences(of: "FunctionName: reports", with: "FunctionName: reports-v2")
        let plan = try Self.plan(Self.twoFunctions, head)
        #expect(Self.changes(plan) == [
            #"Orders replace [Orders AWS::Serverless::Function] null | FunctionName null → "orders" direct always"#,
            #"Reports replace [Reports AWS::Serverless::Function] null | FunctionName "reports" → "reports-v2" direct always"#,
        ])
        let summary = try #require(plan["summary"] as? [String: Int])
        #expect(summary == ["create": 0, "update": 0, "replace": 2, "delete": 0])
    }

    /// A function replaced under `AutoPublishAlias` (a FunctionName added) takes its version and
    /// alias with it: both name the function in their create-only `FunctionName`, so the ripple of
    /// the new physical ID replaces them, found in the processed template's own structure.
    @Test func aFunctionReplacedUnderAutoPublishAliasReplacesItsVersionAndAlias() throws {
        let published = SAMValidatePlanCLITests.published
        let head = published.replacingOccurrences(of: "      AutoPublishAlias: live\n", with: "      AutoPublishAlias: live\n      FunctionName: orders\n")
        let plan = try Self.plan(published, head)
        #expect(Self.changes(plan) == [
            #"Fn replace [Fn AWS::Serverless::Function] 0 | FunctionName null → "orders" direct always"#,
            #"FnAliaslive replace [Fn AWS::Serverless::Function] null | FunctionName {"dependsOn":["Fn"],"unknown":"after deploy"} → "orders" reference always | FunctionVersion {"dependsOn":["FnVersion5f8b93ece1"],"unknown":"after deploy"} → {"dependsOn":["FnVersion5f8b93ece1"],"unknown":"after replacement"} reference never"#,
            // SAM sets DeletionPolicy Retain on versions but no UpdateReplacePolicy: the replaced
            // version is deleted, so the new copy of v1.zip takes the old one's place.
            #"FnVersion5f8b93ece1 replace [Fn AWS::Serverless::Function] 0 | FunctionName {"dependsOn":["Fn"],"unknown":"after deploy"} → "orders" reference always"#,
        ])
        #expect((plan["storage"] as? [String: Any])?["deltaBytes"] as? Int == 0)
    }
}
