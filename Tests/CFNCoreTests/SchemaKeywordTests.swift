import CFNCore
import CFNSchemas
import Foundation
import Testing

/// One test per schema keyword, with the exact findings (rule, line:column, message).
@Suite struct SchemaKeywordTests {
    @Test func validFunctionHasNoFindings() {
        #expect(schemaFindings(function("Runtime: python3.12", "Handler: index.handler", "MemorySize: 256")).isEmpty)
    }

    @Test func type() {
        #expect(schemaFindings(function(
            "Timeout: abc",
            "Layers: arn:aws:lambda:us-east-1:123456789012:layer:l:1",
            "Environment: [a]",
            "ReservedConcurrentExecutions: 1.5",
            "PublishToLatestPublished: yes"
        )) == [
            "schema.type 7:16 Timeout must be an integer (got 'abc')",
            "schema.type 8:15 Layers must be a list (got 'arn:aws:lambda:us-east-1:123456789012:layer:l:1')",
            "schema.type 9:20 Environment must be a mapping (got a list)",
            "schema.type 10:37 ReservedConcurrentExecutions must be an integer (got '1.5')",
            "schema.type 11:33 PublishToLatestPublished must be a boolean (true or false) (got 'yes')",
        ])
        #expect(schemaFindings(resource("AWS::IAM::Role", "AssumeRolePolicyDocument: [a]")) == [
            "schema.type 5:33 AssumeRolePolicyDocument must be a mapping or a string (got a list)",
        ])
    }

    @Test func required() {
        // At the key of the mapping that lacks it (Properties, EphemeralStorage), or at the logical ID
        // when there is no Properties.
        #expect(schemaFindings("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  EphemeralStorage: {}
              Bare:
                Type: AWS::Lambda::Function

            """) == [
            "schema.required 4:5 missing required property 'Code' of AWS::Lambda::Function",
            "schema.required 4:5 missing required property 'Role' of AWS::Lambda::Function",
            "schema.required 6:7 missing required property 'Size' in EphemeralStorage",
            "schema.required 7:3 missing required property 'Code' of AWS::Lambda::Function",
            "schema.required 7:3 missing required property 'Role' of AWS::Lambda::Function",
        ])
    }

    @Test func enumAndConst() {
        #expect(schemaFindings(function("Runtime: python2.8", "PackageType: zip", "Architectures: [x86]")) == [
            "schema.enum 7:16 Runtime 'python2.8' is not one of the 46 allowed values (closest: python2.7, python3.8, python3.6)",
            "schema.enum 8:20 PackageType 'zip' is not one of: Image, Zip",
            "schema.enum 9:23 Architectures[0] 'x86' is not one of: x86_64, arm64",
        ])
        #expect(schemaFindings(resource("AWS::S3::Bucket", "ObjectLockConfiguration: {ObjectLockEnabled: 'Yes'}")) == [
            "schema.enum 5:52 ObjectLockConfiguration.ObjectLockEnabled must be 'Enabled' (got 'Yes')",
        ])
        #expect(schemaFindings(resource("AWS::S3::Bucket",
            "AnalyticsConfigurations:",
            "  - Id: a",
            "    StorageClassAnalysis:",
            "      DataExport:",
            "        OutputSchemaVersion: V_2",
            "        Destination: {BucketArn: 'arn:aws:s3:::b', Format: CSV}"
        )) == [
            "schema.enum 9:36 AnalyticsConfigurations[0].StorageClassAnalysis.DataExport.OutputSchemaVersion must be 'V_1' (got 'V_2')",
        ])
    }

    @Test func pattern() {
        #expect(schemaFindings(function("Handler: 'index handler'", "Layers: [arn:aws:lambda:us-east-1:1234:layer:l:1]")) == [
            #"schema.pattern 7:16 Handler 'index handler' does not match the pattern ^[^\s]+$"#,
            #"schema.pattern 8:16 Layers[0] 'arn:aws:lambda:us-east-1:1234:layer:l:1' does not match the pattern ^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+|arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)$"#,
        ])
        // Patterns are searched, not anchored: LogGroup's [\.\-_/#A-Za-z0-9]+ matches 'my group'.
        #expect(schemaFindings(function("LoggingConfig: {LogGroup: 'my group'}")).isEmpty)
        // Lookbehind (ICU): a bucket name may not end with a dot.
        #expect(schemaFindings(resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: bucket., S3Key: k}")) == [
            #"schema.pattern 5:27 Content.S3Bucket 'bucket.' does not match the pattern ^[0-9A-Za-z\.\-_]*(?<!\.)$"#,
        ])
    }

    @Test func length() {
        let long = String(repeating: "d", count: 257)
        #expect(schemaFindings(function("Description: \(long)", "FunctionName: ''", "Runtime: python3.12")) == [
            "schema.length 7:20 Description must be at most 256 characters long (got 257)",
            "schema.length 8:21 FunctionName must be at least 1 character long (got 0)",
        ])
        // Characters, not bytes.
        #expect(schemaFindings(function("Description: \(String(repeating: "é", count: 256))")).isEmpty)
    }

    @Test func range() {
        #expect(schemaFindings(function("MemorySize: 40000", "Timeout: 0", "EphemeralStorage: {Size: 10241}")) == [
            "schema.range 7:19 MemorySize must be at most 32768 (got 40000)",
            "schema.range 8:16 Timeout must be at least 1 (got 0)",
            "schema.range 9:32 EphemeralStorage.Size must be at most 10240 (got 10241)",
        ])
        #expect(schemaFindings(function(
            "CapacityProviderConfig:",
            "  LambdaManagedInstancesCapacityProviderConfig:",
            "    CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp",
            "    ExecutionEnvironmentMemoryGiBPerVCpu: 1.5"
        )) == [
            "schema.range 10:49 CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu must be at least 2 (got 1.5)",
        ])
    }

    @Test func itemCount() {
        let layer = "arn:aws:lambda:us-east-1:123456789012:layer:l"
        #expect(schemaFindings(function(
            "Architectures: []",
            "Layers: [\((1...6).map { "\(layer):\($0)" }.joined(separator: ", "))]"
        )) == [
            "schema.items 7:22 Architectures must have at least 1 item (got 0)",
            "schema.items 8:15 Layers must have at most 5 items (got 6)",
        ])
    }

    @Test func uniqueItems() {
        #expect(schemaFindings(function(
            "Layers: [arn:aws:lambda:us-east-1:123456789012:layer:l:1, arn:aws:lambda:us-east-1:123456789012:layer:l:1]",
            "Tags: [{Key: a, Value: b}, {Key: c, Value: d}, {Value: b, Key: a}]",
            "VpcConfig: {SubnetIds: [s, s]}"
        )) == [
            "schema.unique-items 7:65 Layers[1] repeats Layers[0] (the items of Layers must be unique)",
            "schema.unique-items 8:54 Tags[2] repeats Tags[0] (the items of Tags must be unique)",
        ])
    }

    @Test func additionalProperties() {
        #expect(schemaFindings(function(
            "Handlr: index.handler",
            "Timout: 3",
            "Environment: {Variables: {A1: x, 1X: y, _: z}}",
            "Extra: 1"
        )) == [
            "schema.additional-property 7:7 unknown property 'Handlr' of AWS::Lambda::Function (did you mean 'Handler'?)",
            "schema.additional-property 8:7 unknown property 'Timout' of AWS::Lambda::Function (did you mean 'Timeout'?)",
            "schema.additional-property 9:40 key '1X' in Environment.Variables does not match [a-zA-Z][a-zA-Z0-9_]+",
            "schema.additional-property 9:47 key '_' in Environment.Variables does not match [a-zA-Z][a-zA-Z0-9_]+",
            "schema.additional-property 10:7 unknown property 'Extra' of AWS::Lambda::Function",
        ])
        #expect(schemaFindings(resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: bkt, S3Key: k, s3key: x}")) == [
            "schema.additional-property 5:42 unknown property 's3key' in Content (did you mean 'S3Key'?)",
        ])
    }

    @Test func anyOfAndOneOf() {
        #expect(schemaFindings(resource("AWS::IAM::Policy", "PolicyName: p", "PolicyDocument: {}")) == [
            "schema.combinator 5:7 AWS::IAM::Policy needs at least one of Users, Groups, Roles",
        ])
        #expect(schemaFindings(resource("AWS::IAM::Policy", "PolicyName: p", "PolicyDocument: {}", "Roles: [r]")).isEmpty)
        #expect(schemaFindings(resource("AWS::S3::Bucket",
            "LoggingConfiguration: {TargetObjectKeyFormat: {SimplePrefix: {}, PartitionedPrefix: {}}}",
            "WebsiteConfiguration: {RoutingRules: [{RedirectRule: {}, RoutingRuleCondition: {}}]}"
        )) == [
            "schema.combinator 5:53 LoggingConfiguration.TargetObjectKeyFormat needs exactly one of SimplePrefix, PartitionedPrefix",
            "schema.combinator 6:86 WebsiteConfiguration.RoutingRules[0].RoutingRuleCondition needs at least one of HttpErrorCodeReturnedEquals, KeyPrefixEquals",
        ])
        // With the required property of only one form present, that form's own violations are reported.
        #expect(schemaFindings(resource("AWS::S3::Bucket", "LoggingConfiguration: {TargetObjectKeyFormat: {SimplePrefix: {Foo: 1}}}")) == [
            "schema.additional-property 5:69 unknown property 'Foo' in LoggingConfiguration.TargetObjectKeyFormat.SimplePrefix (it takes no properties)",
        ])
        #expect(schemaFindings(resource("AWS::S3::Bucket", "LoggingConfiguration: {TargetObjectKeyFormat: {PartitionedPrefix: {PartitionDateSource: EventTime}}}")).isEmpty)
    }

    @Test func dependentExcluded() {
        #expect(schemaFindings(resource("AWS::S3::Bucket",
            "LifecycleConfiguration:",
            "  Rules:",
            "    - Status: Enabled",
            "      ObjectSizeGreaterThan: '1024'",
            "      AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}",
            "    - Status: Enabled",
            "      AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}"
        )) == [
            "schema.dependency 9:13 AbortIncompleteMultipartUpload cannot be used together with ObjectSizeGreaterThan in LifecycleConfiguration.Rules[0]",
        ])
    }

    @Test func referencesAreFollowed() {
        // Code -> #/definitions/Code; Tags items -> #/definitions/Tag; RecursiveLoop is a $ref to an enum.
        #expect(schemaFindings(function(
            "Tags: [{Value: v}]",
            "RecursiveLoop: Forever",
            "TracingConfig: {Mode: Off}"
        )) == [
            "schema.required 7:14 missing required property 'Key' in Tags[0]",
            "schema.enum 8:22 RecursiveLoop 'Forever' is not one of: Allow, Terminate",
            "schema.enum 9:29 TracingConfig.Mode 'Off' is not one of: Active, PassThrough",
        ])
        for type in SchemaFiles.resourceTypes {
            let schema = SchemaLibrary.shared.schema(forType: type)
            #expect(schema?.unresolvedReferences == [], "\(type)")
            #expect(schema?.invalidPatterns == [], "\(type)")
        }
    }

    @Test func unknownTypesAreNotJudged() {
        #expect(schemaFindings(resource("AWS::SQS::Queue", "Bogus: 1")).isEmpty)
        #expect(schemaFindings(resource("Custom::Thing", "Anything: [1]")).isEmpty)
    }

    @Test func findingsCarryResourceAndPath() throws {
        let text = function("Environment: {Variables: {_: z}}")
        let loaded = LoadedTemplate(bytes: Array(text.utf8))
        let template = try #require(loaded.template)
        let fn = try #require(template.resource(named: "Fn"))
        let properties = try #require(fn.properties)
        let findings = SchemaValidator().validate(resourceType: "AWS::Lambda::Function",
                                                  properties: Resolved(literal: properties, in: template.tree),
                                                  resource: fn, oracle: UnconstrainedConditions(), tree: template.tree)
        #expect(findings.map(\.path) == [["Resources", "Fn", "Properties", "Environment", "Variables", "_"]])
        #expect(findings.map(\.resource) == ["Fn"])
        #expect(findings.map(\.resourceType) == ["AWS::Lambda::Function"])
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.map { text.utf8.dropFirst(Int($0.range.start)).prefix(Int($0.range.end - $0.range.start)) }.map { String(decoding: $0, as: UTF8.self) } == ["_"])
    }
}

/// The example templates are valid: nothing in them is reported.
@Suite struct SchemaExampleTemplateTests {
    @Test(arguments: ["layered-service.yaml", "self-managed-code.yaml", "vpc-function.yaml"])
    func exampleTemplateHasNoSchemaFindings(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../templates/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(schemaFindings(text) == [])
    }
}
