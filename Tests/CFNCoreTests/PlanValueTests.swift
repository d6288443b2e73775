import CFNCore
import Testing

/// The plan holds typed values: known JSON, values known after the deployment with what they
/// depend on, and choices under conditions that are not known.
@Suite struct PlanValueTests {
    func details(_ baseText: String, _ headText: String) throws -> [String: ChangeDetail] {
        let base = try #require(LoadedTemplate(bytes: Array(baseText.utf8)).template)
        let head = try #require(LoadedTemplate(bytes: Array(headText.utf8)).template)
        let changes = ResourcePlanner(base: RuleContext(template: base, settings: ValidationSettings()),
                                      head: RuleContext(template: head, settings: ValidationSettings())).changes()
        var result: [String: ChangeDetail] = [:]
        for change in changes {
            for detail in change.details { result[change.logicalId + " " + detail.path] = detail }
        }
        return result
    }

    static let layered = """
        Resources:
          Layer:
            Type: AWS::Lambda::LayerVersion
            Properties: {Content: {S3Bucket: b, S3Key: deps-1.zip}}
          Other:
            Type: AWS::Lambda::LayerVersion
            Properties: {Content: {S3Bucket: b, S3Key: other-1.zip}}
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Layers: [!Ref Layer, arn:aws:lambda:eu-west-1:123456789012:layer:x:1, !Ref Other]
              Environment: {Variables: {BOTH: !Sub "${Layer}|${Other}"}}

        """

    @Test func aReplacedResourceIsNewInTheValueThatReferencesIt() throws {
        let head = Self.layered.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip")
        let found = try details(Self.layered, head)
        let layers = try #require(found["Fn Layers"])
        let arn = PlanValue.string("arn:aws:lambda:eu-west-1:123456789012:layer:x:1")
        #expect(layers.before == .list([.unknown(dependsOn: ["Layer"]), arn, .unknown(dependsOn: ["Other"])]))
        #expect(layers.after == .list([.replacement(of: "Layer"), arn, .unknown(dependsOn: ["Other"])]))
        #expect(layers.reason == .reference && layers.referencedResource == "Layer")
        let both = try #require(found["Fn Environment/Variables/BOTH"])
        #expect(both.before == .unknown(dependsOn: ["Layer", "Other"]))
        #expect(both.after == .replacement(of: "Layer"))
    }

    @Test func twoReplacedResourcesInOneValueAreBothNew() throws {
        let head = Self.layered.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip")
            .replacingOccurrences(of: "other-1.zip", with: "other-2.zip")
        let layers = try #require(try details(Self.layered, head)["Fn Layers"])
        #expect(layers.after == .list([.replacement(of: "Layer"), .string("arn:aws:lambda:eu-west-1:123456789012:layer:x:1"),
                                       .replacement(of: "Other")]))
    }

    @Test func knownValuesKeepTheirJSONTypes() throws {
        let base = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: 512, Description: '512', "
            + "SnapStart: {ApplyOn: None}, Architectures: [x86_64]}\n"
        let head = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: 1024, Description: '1024', "
            + "TracingConfig: {Mode: Active}, Architectures: [arm64]}\n"
        let found = try details(base, head)
        #expect(found["Fn MemorySize"]?.before == .number("512") && found["Fn MemorySize"]?.after == .number("1024"))
        #expect(found["Fn Description"]?.before == .string("512") && found["Fn Description"]?.after == .string("1024"))
        #expect(found["Fn SnapStart"]?.before == .map([.init(key: "ApplyOn", value: .string("None"))]))
        #expect(found["Fn SnapStart"]?.after == nil)
        #expect(found["Fn TracingConfig"]?.after == .map([.init(key: "Mode", value: .string("Active"))]))
        #expect(found["Fn Architectures"]?.after == .list([.string("arm64")]))
    }

    @Test func aConditionNotKnownIsAChoice() throws {
        let conditions = "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
        let base = conditions + "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {MemorySize: 512}\n"
        let head = conditions + "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
            + "    Properties: {MemorySize: !If [IsProd, 1024, 512], Timeout: !If [IsProd, 30, !Ref 'AWS::NoValue']}\n"
        let found = try details(base, head)
        #expect(found["Fn MemorySize"]?.after == .choice(condition: "IsProd", then: .number("1024"), else: .number("512")))
        #expect(found["Fn Timeout"]?.after == .choice(condition: "IsProd", then: .number("30"), else: nil))
    }

    @Test func aValueThatDependsOnNothingNamedKeepsItsReason() throws {
        let base = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Role: arn:aws:iam::123456789012:role/r}\n"
        let head = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Role: !ImportValue shared-role-arn}\n"
        let after = try #require(try details(base, head)["Fn Role"]?.after)
        guard case .unknown(let unknown) = after else {
            Issue.record("Role is \(after), not unknown")
            return
        }
        #expect(unknown.dependsOn.isEmpty && unknown.afterReplacement == false)
        #expect(unknown.reason == "Fn::ImportValue 'shared-role-arn' is read from another stack's exports at deploy time")
    }

    /// Sets are sorted (strings, then values known after deploy), so reordering them is no change.
    @Test func setsAreSortedAndReorderingThemIsNoChange() throws {
        func template(_ groups: String) -> String {
            "Parameters:\n  Group: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                + "    Properties: {VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: \(groups)}}\n"
        }
        #expect(try details(template("[sg-b, sg-a]"), template("[sg-a, sg-b]")).isEmpty)
        let found = try details(template("[!Ref Group, sg-b]"), template("[sg-c, !Ref Group, sg-b]"))
        #expect(found["Fn VpcConfig/SecurityGroupIds"]?.before == .list([.string("sg-b"), .unknown(dependsOn: ["Group"])]))
        #expect(found["Fn VpcConfig/SecurityGroupIds"]?.after == .list([.string("sg-b"), .string("sg-c"), .unknown(dependsOn: ["Group"])]))
    }
}
