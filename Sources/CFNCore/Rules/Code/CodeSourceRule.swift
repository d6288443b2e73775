import CFNLoader

/// An `AWS::Lambda::Function` `Code` without exactly one source: `ZipFile`, `S3Bucket` with
/// `S3Key`, or `ImageUri`.
public struct CodeSourceRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.code-source", severity: .error,
        summary: "Function Code without exactly one source (ZipFile, S3Bucket and S3Key, or ImageUri)",
        explanation: "A function's code comes from one place: inline source in ZipFile (Node.js and Python), a .zip object in S3 named by S3Bucket and S3Key (each needs the other), or a container image in Amazon ECR named by ImageUri (CloudFormation AWS::Lambda::Function Code; Lambda CreateFunction FunctionCode). Code with none of them, or with several, fails when the function is created. A missing Code is left to the required-property check.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: ↓{S3ObjectVersion: v1}\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        ZipFile: 'def handler(e, c): pass'\n        ↓S3Bucket: code\n        S3Key: fn.zip\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {↓S3Bucket: code}\n  Other:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {↓S3Key: fn.zip}\n",
            "Parameters:\n  Inline: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsInline: !Equals [!Ref Inline, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        ZipFile: !If [IsInline, 'def handler(e, c): pass', !Ref AWS::NoValue]\n        ↓S3Bucket: code\n        S3Key: fn.zip\n",
        ],
        nonTriggering: [
            "Resources:\n  Inline:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass'}\n  Zip:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: code, S3Key: fn.zip, S3ObjectVersion: v1}\n  Image:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      Code: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}\n  NoCode:\n    Type: AWS::Lambda::Function\n    Properties: {Runtime: python3.12}\n",
            "Parameters:\n  Inline: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsInline: !Equals [!Ref Inline, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        ZipFile: !If [IsInline, 'def handler(e, c): pass', !Ref AWS::NoValue]\n        S3Bucket: !If [IsInline, !Ref AWS::NoValue, code]\n        S3Key: !If [IsInline, !Ref AWS::NoValue, fn.zip]\n  Chosen:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: !If [IsInline, {ZipFile: 'def handler(e, c): pass'}, {S3Bucket: code, S3Key: fn.zip}]\n",
        ])

    static let keys: [(String, KeyCombination.Mode)] = [
        ("ZipFile", .presence), ("S3Bucket", .presence), ("S3Key", .presence), ("ImageUri", .presence),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            if Self.hasOneSourceWithoutChoices(function, context) { continue }
            for (_, code) in KeyCombination.nested("Code", of: function.resource, keys: Self.keys, in: context) {
                if let finding = problem(code, function.resource, context), !findings.contains(finding) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// Whether the function's Code is one mapping, without `Fn::If` in its source keys, that has
    /// exactly one source: what most functions are, decided in one pass over the mapping before
    /// any key combination is built.
    static func hasOneSourceWithoutChoices(_ function: LambdaFunction, _ context: RuleContext) -> Bool {
        let reached = context.reachable(function.resource, "Code")
        guard reached.count == 1, let entries = reached[0].value?.entries else { return false }
        var (zipFile, bucket, key, image) = (false, false, false, false)
        for entry in entries {
            let present: Bool
            switch entry.value.kind {
            case .choice: present = false
            case .noValue: continue
            case .scalar, .list, .map, .unknown: present = true
            }
            switch entry.key {
            case "ZipFile": zipFile = present
            case "S3Bucket": bucket = present
            case "S3Key": key = present
            case "ImageUri": image = present
            default: continue
            }
            // A source key that Fn::If may remove: the combinations decide.
            if !present { return false }
        }
        return bucket == key && (zipFile ? 1 : 0) + (bucket ? 1 : 0) + (image ? 1 : 0) == 1
    }

    func problem(_ code: KeyCombination, _ resource: Resource, _ context: RuleContext) -> Finding? {
        // Exactly one source, and S3Bucket and S3Key both or neither: nothing to report (most
        // functions; decided before anything is allocated).
        let (zipFile, bucket, key, image) = (code["ZipFile"] != nil, code["S3Bucket"] != nil, code["S3Key"] != nil, code["ImageUri"] != nil)
        if bucket == key, (zipFile ? 1 : 0) + (bucket ? 1 : 0) + (image ? 1 : 0) == 1 { return nil }
        let conditions = code.guardCondition
        // Each source with the key it starts at (the first of S3Bucket and S3Key in source order).
        var sources: [(name: String, key: String)] = []
        if code["ZipFile"] != nil { sources.append(("ZipFile", "ZipFile")) }
        let s3Keys = ["S3Bucket", "S3Key"].filter { code[$0] != nil }
        if let first = s3Keys.min(by: { position(of: $0, in: code, context) < position(of: $1, in: code, context) }) {
            sources.append(("S3Bucket/S3Key", first))
        }
        if code["ImageUri"] != nil { sources.append(("ImageUri", "ImageUri")) }
        sources.sort { position(of: $0.key, in: code, context) < position(of: $1.key, in: code, context) }

        if sources.isEmpty {
            return context.finding(
                Self.descriptor,
                conditions.qualifying("Code has no source; give ZipFile (inline code), S3Bucket and S3Key (a .zip in S3), or ImageUri (a container image)"),
                at: code.map.node, in: resource, path: ["Properties", "Code"])
        }
        if sources.count > 1 {
            let second = sources[1].key
            let names = sources.map(\.name).joined(separator: " and ")
            return context.finding(
                Self.descriptor,
                conditions.qualifying("Code has more than one source (\(names)); keep exactly one of ZipFile, S3Bucket with S3Key, or ImageUri"),
                at: code.keyNode(second), in: resource, path: ["Properties", "Code", second])
        }
        if s3Keys.count == 1, let present = s3Keys.first {
            let missing = present == "S3Bucket" ? "S3Key" : "S3Bucket"
            let what = present == "S3Bucket" ? "the key of the .zip in that bucket" : "the bucket that holds the .zip"
            return context.finding(
                Self.descriptor, conditions.qualifying("Code has \(present) but no \(missing); add \(missing), \(what)"),
                at: code.keyNode(present), in: resource, path: ["Properties", "Code", present])
        }
        return nil
    }

    func position(of key: String, in code: KeyCombination, _ context: RuleContext) -> UInt32 {
        code.keyNode(key).map { context.tree.range($0).start } ?? .max
    }
}
