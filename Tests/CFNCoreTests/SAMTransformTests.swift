@testable import CFNCore
import CFNLoader
import Testing

/// Expands a SAM template's text (the SAM transform declared or not).
func expandSAM(_ text: String, parameters: [String: String] = [:]) -> (expansion: SAMExpansion, source: SourceText) {
    let loaded = LoadedTemplate(bytes: Array(text.utf8))
    guard let template = loaded.template else { fatalError("test template does not load") }
    return (SAMTransform.expand(template, parameters: parameters), loaded.source)
}

/// The node at a path of keys under a resource of the expanded template.
func expandedNode(_ expansion: SAMExpansion, _ logicalId: String, _ path: String...) -> NodeID? {
    guard let template = expansion.template, let resource = template.resource(named: logicalId) else { return nil }
    var node: NodeID? = resource.node
    for key in path { node = node.flatMap { template.tree.value(forKey: key, in: $0) } }
    return node
}

/// `line:column` where a node of the expanded template points in the source file.
func place(_ expansion: SAMExpansion, _ source: SourceText, _ logicalId: String, _ path: String...) -> String {
    guard let template = expansion.template, let resource = template.resource(named: logicalId) else { return "no \(logicalId)" }
    var node: NodeID? = resource.node
    for key in path { node = node.flatMap { template.tree.value(forKey: key, in: $0) } }
    guard let node else { return "no \(path.joined(separator: "/"))" }
    return "\(source.lineColumn(at: template.tree.range(node).start))"
}

@Suite struct SAMTransformTests {
    @Test func sha1MatchesTheStandardVectors() {
        #expect(SHA1.hexDigest("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hexDigest("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hexDigest(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(SHA1.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func pythonJSONIsCompactSortedAndASCII() {
        let value = PythonValue.dict([("b", .int("1")), ("a", .list([.bool(true), .null, .float(1.5), .string("é\"\n😀")]))])
        #expect(value.compactSortedJSON == #"{"a":[true,null,1.5,"\u00e9\"\n\ud83d\ude00"],"b":1}"#)
        #expect(PythonValue.plain("128") == .int("128"))
        #expect(PythonValue.plain("yes") == .bool(true))
        #expect(PythonValue.plain("1.50") == .float(1.5))
        #expect(PythonValue.plain("012") == .string("012"))
    }

    @Test func versionLogicalIdIsTheTranslators() {
        // samtranslator: SHA-1 of {"S3Bucket":"sam-demo-bucket","S3Key":"hello.zip"}, first 10 hex digits.
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://sam-demo-bucket/hello.zip
                  Handler: hello.handler
                  Runtime: python3.12
                  AutoPublishAlias: live
            """)
        let template = expansion.template
        #expect(template?.resource(named: "FnVersion640128d35d")?.type == "AWS::Lambda::Version")
        #expect(template?.resource(named: "FnAliaslive")?.type == "AWS::Lambda::Alias")
        #expect(template?.resource(named: "FnRole")?.type == "AWS::IAM::Role")
        #expect(template?.resource(named: "Fn")?.type == "AWS::Lambda::Function")
        #expect(expansion.source(of: "FnVersion640128d35d") == "Fn")
        #expect(expansion.findings.isEmpty)
    }

    @Test func builderCopiesKeepRangesAndSharedNodes() throws {
        let text = "a: &x [1, 2]\nb: *x\n"
        let tree = try #require(YAMLLoader.load(Array(text.utf8)).tree)
        let root = try #require(tree.root)
        var builder = NodeTreeBuilder()
        let copy = builder.copy(root, from: tree)
        let made = builder.finish(root: copy)
        let a = try #require(made.value(forKey: "a", in: copy))
        let b = try #require(made.value(forKey: "b", in: copy))
        #expect(a == b)
        #expect(made.range(a) == tree.range(try #require(tree.value(forKey: "a", in: root))))
        #expect(made.elements(a).compactMap { made.string($0) } == ["1", "2"])
        let key = builder.string("k", at: SourceRange(start: 3, end: 4))
        let repeated = builder.mapping([(key, key), (key, key)], at: .zero)
        #expect(builder.finish(root: repeated).hasRepeatedKeys(repeated))
    }

    @Test func generatedValuesPointAtTheSAMSourceTheyComeFrom() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                MemorySize: 999999
                VpcConfig:
                  SubnetIds: [subnet-1]
                  SecurityGroupIds: [sg-1]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python2.7
                  Policies:
                    - DynamoDBReadPolicy:
                        TableName: !Ref Table
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
                        BatchSize: 5
            """
        let (expansion, source) = expandSAM(text)
        #expect(expansion.findings.isEmpty)
        // From Globals.
        #expect(place(expansion, source, "Fn", "Properties", "MemorySize") == "4:17")
        #expect(place(expansion, source, "Fn", "Properties", "VpcConfig") == "6:7")
        // The function's own property.
        #expect(place(expansion, source, "Fn", "Properties", "Runtime") == "16:16")
        // From an event: the mapping's batch size is the event's.
        #expect(place(expansion, source, "FnQueue", "Properties", "BatchSize") == "25:24")
        #expect(expansion.source(of: "FnQueue") == "Fn")
        // A policy template's parameter keeps its own place; the statement around it is the template's key.
        let role = expansion.template?.resource(named: "FnRole")
        #expect(role != nil)
        let tree = expansion.template!.tree
        let policies = expandedNode(expansion, "FnRole", "Properties", "Policies")!
        let document = tree.value(forKey: "PolicyDocument", in: Array(tree.elements(policies))[0])!
        let statement = Array(tree.elements(tree.value(forKey: "Statement", in: document)!))[0]
        let resource = tree.value(forKey: "Resource", in: statement)!
        #expect("\(source.lineColumn(at: tree.range(statement).start))" == "18:11")
        let sub = tree.intrinsic(Array(tree.elements(resource))[0])!
        let table = tree.value(forKey: "tableName", in: Array(tree.elements(sub.argument))[1])!
        #expect("\(source.lineColumn(at: tree.range(table).start))" == "19:24")
        // The VPC access policy the role gets points at the VpcConfig that asked for it.
        let arns = expandedNode(expansion, "FnRole", "Properties", "ManagedPolicyArns")!
        let vpc = tree.elements(arns).first { tree.string($0)?.hasSuffix("AWSLambdaVPCAccessExecutionRole") == true }!
        #expect("\(source.lineColumn(at: tree.range(vpc).start))" == "5:5")
    }

    @Test func globalsMergeAsSAMMerges() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.11
                Layers: [arn:aws:lambda:us-east-1:123456789012:layer:a:1]
                Environment:
                  Variables: {A: "1", B: "2"}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: "def h(e, c): pass"
                  Handler: index.h
                  Runtime: python3.12
                  Layers: [arn:aws:lambda:us-east-1:123456789012:layer:b:1]
                  Environment:
                    Variables: {B: "3"}
            """)
        let tree = expansion.template!.tree
        let properties = expandedNode(expansion, "Fn", "Properties")!
        #expect(tree.string(tree.value(forKey: "Runtime", in: properties)!) == "python3.12")
        #expect(tree.elements(tree.value(forKey: "Layers", in: properties)!).compactMap { tree.string($0)?.suffix(3) } == ["a:1", "b:1"])
        let variables = expandedNode(expansion, "Fn", "Properties", "Environment", "Variables")!
        #expect(tree.entries(variables).map { "\(tree.string($0.key)!)=\(tree.string($0.value)!)" } == ["A=1", "B=3"])
    }

    @Test func layerGetsItsHashedIdAndReferencesFollow() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Deps:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: s3://bucket/deps.zip
                  RetentionPolicy: Delete
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/fn.zip
                  Handler: index.h
                  Runtime: python3.12
                  Layers: [!Ref Deps]
            Outputs:
              Layer:
                Value: !Ref Deps
            """)
        let template = expansion.template!
        let layer = template.resources.first { $0.type == "AWS::Lambda::LayerVersion" }!
        #expect(layer.logicalId.hasPrefix("Deps") && layer.logicalId.count == 14)
        #expect(template.tree.string(layer[.deletionPolicy]!) == "Delete")
        let tree = template.tree
        let layers = expandedNode(expansion, "Fn", "Properties", "Layers")!
        let ref = tree.intrinsic(Array(tree.elements(layers))[0])!
        #expect(tree.string(ref.argument) == layer.logicalId)
        #expect(expansion.source(of: layer.logicalId) == "Deps")
    }

    @Test func malformedSAMGivesLocatedErrorsNeverACrash() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Bogus: 1
            Resources:
              NoCode:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: index.h
                  Runtime: python3.12
              BadAlias:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  AutoPublishAlias: bad*alias
              BadEvent:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  Events:
                    E: {Type: Carrier}
              NotAMap:
                Type: AWS::Serverless::Function
                Properties: [1]
              Api:
                Type: AWS::Serverless::Api
                Properties: {StageName: prod}
            """
        let (expansion, source) = expandSAM(text)
        let shown = expansion.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-")" }
        #expect(shown == [
            "sam.invalid 4:5 -",
            "sam.invalid 6:3 NoCode",
            "sam.invalid 17:7 BadAlias",
            "sam.invalid 25:19 BadEvent",
            "sam.invalid 28:17 NotAMap",
        ])
        #expect(expansion.findings[2].message.contains("AutoPublishAlias name ('bad*alias') must contain only alphanumeric characters"))
        #expect(expansion.findings[3].message.contains("Event with id [E] is invalid. Resource dict has missing or invalid value for key Type. Event Type is: Carrier."))
    }

    @Test func aSAMResourcesMetadataSuppressesFindingsOnWhatItGenerates() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Metadata:
                  cfn-lambda: {ignore: [reference.undefined]}
                Properties:
                  CodeUri: s3://bucket/fn.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Policies:
                    - SQSPollerPolicy: {QueueName: !Ref Missing}
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/fn.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Policies:
                    - SQSPollerPolicy: {QueueName: !Ref Missing}
            """
        let report = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        #expect(report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start)) \($0.resource ?? "-")" } == [
            "reference.undefined 20:45 Other",
        ])
    }

    /// A Globals value reaches every function: each finding says which function it is on, so that
    /// the text output does not print the same line twice.
    @Test func aGlobalsFindingNamesEachFunctionItReaches() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 5000
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://bucket/fn.zip, Handler: index.handler, Runtime: python3.12}
              Fn2:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://bucket/fn.zip, Handler: index.handler, Runtime: python3.12}
              Fn3:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://bucket/fn.zip, Handler: index.handler, Runtime: python3.12, Timeout: 7000}
            """
        let report = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        let timeouts = report.findings.filter { $0.rule == "lambda.timeout" }
        #expect(timeouts.map { "\(report.source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message.components(separatedBy: " (on ").dropFirst().first ?? "-")" } == [
            "4:14 Fn Fn)", "4:14 Fn2 Fn2)", "14:101 Fn3 -",
        ])
    }
}
