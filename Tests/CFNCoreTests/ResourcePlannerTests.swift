import CFNCore
@testable import CFNReporters
import Testing

/// Plans BASE → HEAD and describes each change as `id action [conditional] causes` and its details.
func planChanges(_ baseText: String?, _ headText: String, base baseSettings: ValidationSettings = ValidationSettings(),
                 head headSettings: ValidationSettings = ValidationSettings()) throws -> [String] {
    let head = try #require(LoadedTemplate(bytes: Array(headText.utf8)).template)
    var base: RuleContext?
    if let baseText {
        base = RuleContext(template: try #require(LoadedTemplate(bytes: Array(baseText.utf8)).template), settings: baseSettings)
    }
    let planner = ResourcePlanner(base: base, head: RuleContext(template: head, settings: headSettings))
    return planner.changes().map { change in
        var line = "\(change.logicalId) \(change.action.rawValue)"
        if change.conditional { line += " conditional" }
        for detail in change.details {
            line += " | \(detail.path) \(PlanValueText.text(detail.before) ?? "absent") -> \(PlanValueText.text(detail.after) ?? "absent") \(detail.reason.rawValue) \(detail.requiresReplacement.rawValue)"
        }
        return line
    }
}

let planFunction = """
    Parameters:
      Memory: {Type: Number, Default: 256}
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          FunctionName: orders
          Runtime: python3.12
          Handler: app.handler
          MemorySize: !Ref Memory
          Role: arn:aws:iam::123456789012:role/r
          Code: {S3Bucket: b, S3Key: k.zip}
          VpcConfig: {SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1, sg-2]}

    """

@Suite struct ResourcePlannerTests {
    @Test func sameTemplateIsNoChange() throws {
        #expect(try planChanges(planFunction, planFunction) == ["Fn none"])
    }

    @Test func reformattingAndIntrinsicFormsAreNoChange() throws {
        let json = #"""
            {"Parameters": {"Memory": {"Type": "Number", "Default": 256}},
             "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {
               "Role": "arn:aws:iam::123456789012:role/r", "Handler": "app.handler", "Runtime": "python3.12",
               "FunctionName": "orders", "MemorySize": {"Ref": "Memory"},
               "Code": {"S3Key": "k.zip", "S3Bucket": "b"},
               "VpcConfig": {"SecurityGroupIds": ["sg-2", "sg-1"], "SubnetIds": ["subnet-2", "subnet-1"]}}}}}
            """#
        #expect(try planChanges(planFunction, json) == ["Fn none"])
    }

    @Test func createAndDelete() throws {
        #expect(try planChanges(nil, planFunction) == ["Fn create"])
        #expect(try planChanges(planFunction, "Resources:\n  Other: {Type: AWS::SNS::Topic}\n") == ["Fn delete", "Other create"])
    }

    @Test func directEditIsAnUpdate() throws {
        let head = planFunction.replacingOccurrences(of: "Runtime: python3.12", with: "Runtime: python3.13")
        #expect(try planChanges(planFunction, head) == [#"Fn update | Runtime "python3.12" -> "python3.13" direct never"#])
    }

    @Test func parameterChangeIsAnUpdateWithItsReason() throws {
        #expect(try planChanges(planFunction, planFunction, head: ValidationSettings(parameters: ["Memory": "1024"]))
                == ["Fn update | MemorySize 256 -> 1024 parameter never"])
    }

    @Test(arguments: [
        ("FunctionName: orders", "FunctionName: orders-v2", #"FunctionName "orders" -> "orders-v2" direct always"#),
        ("Handler: app.handler", "Handler: app.handler\n      PackageType: Zip", #"PackageType absent -> "Zip" direct always"#),
        ("Handler: app.handler", "Handler: app.handler\n      TenancyConfig: {TenantIsolationMode: PER_TENANT}",
         #"TenancyConfig absent -> {"TenantIsolationMode":"PER_TENANT"} direct always"#),
    ])
    func everyFunctionCreateOnlyPropertyReplaces(_ from: String, _ to: String, _ detail: String) throws {
        let head = planFunction.replacingOccurrences(of: from, with: to)
        #expect(try planChanges(planFunction, head) == ["Fn replace | \(detail)"])
    }

    static let layerPair = """
        Resources:
          Layer:
            Type: AWS::Lambda::LayerVersion
            Properties:
              LayerName: deps
              Description: one
              LicenseInfo: MIT
              CompatibleRuntimes: [python3.12]
              CompatibleArchitectures: [arm64]
              Content: {S3Bucket: b, S3Key: k.zip}
          Share:
            Type: AWS::Lambda::LayerVersionPermission
            Properties:
              Action: lambda:GetLayerVersion
              Principal: "*"
              OrganizationId: o-a1b2c3d4e5
              LayerVersionArn: arn:aws:lambda:eu-west-1:123456789012:layer:deps:1

        """

    @Test(arguments: [
        ("LayerName: deps", "LayerName: deps2", "Layer"), ("Description: one", "Description: two", "Layer"),
        ("LicenseInfo: MIT", "LicenseInfo: Apache-2.0", "Layer"),
        ("CompatibleRuntimes: [python3.12]", "CompatibleRuntimes: [python3.13]", "Layer"),
        ("CompatibleArchitectures: [arm64]", "CompatibleArchitectures: [x86_64]", "Layer"),
        ("S3Key: k.zip", "S3Key: k2.zip", "Layer"),
        ("Principal: \"*\"", "Principal: \"123456789012\"", "Share"),
        ("OrganizationId: o-a1b2c3d4e5", "OrganizationId: o-f6g7h8i9j0", "Share"),
        ("layer:deps:1", "layer:deps:2", "Share"),
    ])
    func everyLayerAndPermissionPropertyIsCreateOnly(_ from: String, _ to: String, _ replaced: String) throws {
        let head = Self.layerPair.replacingOccurrences(of: from, with: to)
        let changes = try planChanges(Self.layerPair, head)
        #expect(changes.filter { $0.hasPrefix(replaced + " ") }.allSatisfy { $0.hasPrefix(replaced + " replace |") && $0.hasSuffix("direct always") })
        #expect(changes.count == 2)
        #expect(changes.filter { !$0.hasPrefix(replaced + " ") }.allSatisfy { $0.hasSuffix(" none") })
    }

    @Test func changedActionOfAPermissionIsCreateOnlyToo() throws {
        let head = Self.layerPair.replacingOccurrences(of: "Action: lambda:GetLayerVersion", with: "Action: lambda:*")
        #expect(try planChanges(Self.layerPair, head) == ["Layer none", #"Share replace | Action "lambda:GetLayerVersion" -> "lambda:*" direct always"#])
    }

    @Test func changedTypeReplaces() throws {
        let head = planFunction.replacingOccurrences(of: "AWS::Lambda::Function", with: "AWS::Serverless::Function")
        #expect(try planChanges(planFunction, head) == [#"Fn replace | Type "AWS::Lambda::Function" -> "AWS::Serverless::Function" direct always"#])
    }

    @Test func unknownValuesCompareByTheirSource() throws {
        let base = planFunction.replacingOccurrences(of: "Role: arn:aws:iam::123456789012:role/r",
                                                     with: "Role: !Sub 'arn:${AWS::Partition}:iam::123456789012:role/a'")
        let head = base.replacingOccurrences(of: "role/a'", with: "role/b'")
        #expect(try planChanges(base, head)
                == ["Fn update | Role (known after deploy: AWS::Partition) -> (known after deploy: AWS::Partition) direct never"])
        #expect(try planChanges(base, base) == ["Fn none"])
    }

    @Test func unknownCreateOnlyValueReplacesConditionally() throws {
        let head = planFunction.replacingOccurrences(of: "FunctionName: orders", with: "FunctionName: !Sub '${AWS::StackName}-orders'")
        #expect(try planChanges(planFunction, head)
                == [#"Fn replace conditional | FunctionName "orders" -> (known after deploy: AWS::StackName) direct conditional"#])
    }

    @Test func replacedLayerRipplesToFunctionsAndPermissions() throws {
        let base = """
            Resources:
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties: {LayerName: deps, Content: {S3Bucket: b, S3Key: deps-1.zip}}
              Share:
                Type: AWS::Lambda::LayerVersionPermission
                Properties: {Action: lambda:GetLayerVersion, Principal: "123456789012", LayerVersionArn: !Ref Layer}
              Fn:
                Type: AWS::Lambda::Function
                Properties: {Layers: [!Ref Layer], Runtime: python3.12}

            """
        let head = base.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip")
        #expect(try planChanges(base, head) == [
            "Fn update | Layers [(known after deploy: Layer)] -> [(known after deploy: Layer is replaced)] reference never",
            #"Layer replace | Content/S3Key "deps-1.zip" -> "deps-2.zip" direct always"#,
            "Share replace | LayerVersionArn (known after deploy: Layer) -> (known after deploy: Layer is replaced) reference always",
        ])
    }

    @Test func conditionalResourcesAreMarked() throws {
        let head = "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
            + planFunction.replacingOccurrences(of: "Parameters:\n", with: "").replacingOccurrences(of: "  Memory: {Type: Number, Default: 256}\n", with: "")
                .replacingOccurrences(of: "MemorySize: !Ref Memory", with: "MemorySize: 256")
                .replacingOccurrences(of: "    Type: AWS::Lambda::Function\n", with: "    Type: AWS::Lambda::Function\n    Condition: IsProd\n")
        #expect(try planChanges(nil, head) == ["Fn create conditional"])
    }
}
