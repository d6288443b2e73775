import CFNLoader

/// Inline code (`Code.ZipFile`) with a runtime other than Node.js or Python.
public struct ZipFileRuntimeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.zipfile-runtime", severity: .error, summary: "Inline code (ZipFile) with a runtime other than Node.js or Python",
        explanation: "CloudFormation writes ZipFile into a file named index and zips it, which works only for Node.js and Python functions (CloudFormation AWS::Lambda::Function Code, ZipFile: \"(Node.js and Python)\"). Other runtimes need compiled or packaged code: a .zip in S3 (S3Bucket, S3Key) or a container image. Only runtimes of the other known families (java, dotnet, go, ruby, provided) are judged; a runtime that is not known is left to the runtime checks. There is no size check: the old limit of 4096 characters was lifted in 2022, and the zip CloudFormation builds may be up to 4 MB, more than a template can hold.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓java21\n      Handler: example.Handler::handleRequest\n      Code:\n        ZipFile: 'class Handler {}'\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsProd, ↓provided.al2023, python3.12]\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass'}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Node:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: index.handler\n      Code: {ZipFile: 'exports.handler = async () => 1;'}\n  Python:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass'}\n  FromParameter:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass'}\n  NotInline:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: java21\n      Handler: example.Handler::handleRequest\n      Code: {S3Bucket: code, S3Key: fn.zip}\n  UnknownRuntime:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: deno2\n      Handler: index.handler\n      Code: {ZipFile: 'x'}\n",
        ])

    /// Runtime families that cannot run inline code (the schema's Runtime enum, less Node.js and Python).
    static let compiledFamilies = ["java", "dotnet", "go", "ruby", "provided"]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            // Most functions have no ZipFile key in any alternative of Code: nothing to combine.
            if context.reachable(function.resource, "Code").allSatisfy({ $0.value?.entries?.index(ofKey: "ZipFile") == nil }) {
                continue
            }
            let combinations = KeyCombination.properties(of: function.resource, keys: [("Runtime", .value), ("Code", .value)], in: context)
            for properties in combinations {
                guard let runtime = properties["Runtime"], let name = runtime.text,
                      Self.compiledFamilies.contains(where: { name.hasPrefix($0) }),
                      let code = properties["Code"], code.entries != nil else { continue }
                for inline in KeyCombination.of(code, keys: [("ZipFile", .presence)], under: properties.guardCondition, in: context)
                where inline["ZipFile"] != nil {
                    let message = inline.guardCondition.qualifying(
                        "ZipFile (inline code) works only with Node.js and Python runtimes, not \(name); put the code in a .zip in S3 (S3Bucket, S3Key) or use a nodejs or python runtime")
                    let finding = context.finding(Self.descriptor, message, at: runtime.node, in: function.resource, path: ["Properties", "Runtime"])
                    if !findings.contains(finding) { findings.append(finding) }
                }
            }
        }
        return findings
    }
}
