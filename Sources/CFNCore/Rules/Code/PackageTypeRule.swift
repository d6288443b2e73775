import CFNLoader

/// Properties that do not fit the function's `PackageType`: an image function needs
/// `Code.ImageUri` and has no `Handler`, `Runtime` or `Layers`; a .zip function needs `Runtime`
/// and `Handler` and has no `ImageUri`.
public struct PackageTypeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.package-type", severity: .error, summary: "Properties that do not fit the function's PackageType",
        explanation: "PackageType is Zip (the default) or Image, and \"Set to Image for container image and set Zip for .zip file archive\" (CloudFormation AWS::Lambda::Function PackageType; Lambda CreateFunction). An Image function runs a container image from Amazon ECR: it needs Code.ImageUri, and Lambda rejects Handler, Runtime and Layers for it, since the image sets its runtime and handler (override the handler with ImageConfig.Command) and container images do not use layers. A .zip function needs Runtime and Handler (Lambda CreateFunction: \"Required if the deployment package is a .zip file archive\"), and Lambda rejects an ImageUri unless PackageType is Image. A function without Code is left to the required-property check; an empty or unknown Layers list is not judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      ↓Handler: app.handler\n      ↓Runtime: python3.12\n      ↓Layers: [arn:aws:lambda:us-east-1:123456789012:layer:deps:1]\n      Code: ↓{S3Bucket: code, S3Key: fn.zip}\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: {↓ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      ↓PackageType: Zip\n      Code: {S3Bucket: code, S3Key: fn.zip}\n  Other:\n    Type: AWS::Lambda::Function\n    Properties:\n      ↓Runtime: python3.12\n      Code: {ZipFile: 'def handler(e, c): pass'}\n",
            "Parameters:\n  Image: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  UseImage: !Equals [!Ref Image, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: !If [UseImage, Image, Zip]\n      ↓Runtime: python3.12\n      ↓Handler: index.handler\n      Code:\n        ↓S3Bucket: code\n        S3Key: fn.zip\n",
        ],
        nonTriggering: [
            "Parameters:\n  Image: {Type: String, AllowedValues: ['yes', 'no']}\n  Type: {Type: String}\nConditions:\n  UseImage: !Equals [!Ref Image, 'yes']\nResources:\n  Image:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      ImageConfig: {Command: [app.handler]}\n      Layers: []\n      Code: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}\n  Zip:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Zip\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: code, S3Key: fn.zip}\n  Either:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: !If [UseImage, Image, !Ref AWS::NoValue]\n      Runtime: !If [UseImage, !Ref AWS::NoValue, python3.12]\n      Handler: !If [UseImage, !Ref AWS::NoValue, index.handler]\n      Code: !If [UseImage, {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}, {ZipFile: 'def handler(e, c): pass'}]\n  UnknownType:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: !Ref Type\n      Code: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}\n  NoCode:\n    Type: AWS::Lambda::Function\n    Properties: {Role: arn:aws:iam::123456789012:role/fn}\n",
        ])

    static let forbiddenWithImage: [(key: String, why: String)] = [
        ("Handler", "the image sets the handler; override it with ImageConfig.Command"),
        ("Runtime", "the image provides the runtime"),
        ("Layers", "add the layers' contents to the image instead"),
    ]

    /// The properties the rule reads.
    static let keys: [(String, KeyCombination.Mode)] = [
        ("PackageType", .value), ("Runtime", .presence), ("Handler", .presence), ("Layers", .value), ("Code", .value),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        func add(_ finding: Finding) {
            if !findings.contains(finding) { findings.append(finding) }
        }
        for function in context.lambda.functions {
            if Self.isConsistentWithoutChoices(function, context) { continue }
            let resource = function.resource
            for properties in KeyCombination.properties(of: resource, keys: Self.keys, in: context) {
                let packageType = properties["PackageType"]
                if let packageType, packageType.isUnknown { continue }
                let code = properties["Code"].flatMap { $0.entries != nil ? $0 : nil }
                let codes = code.map { KeyCombination.of($0, keys: [("ImageUri", .presence)], under: properties.guardCondition, in: context) } ?? []
                switch packageType?.text {
                case "Image"?:
                    for (key, why) in Self.forbiddenWithImage where properties[key] != nil {
                        // An empty or unknown list of layers may be no layers at all.
                        if key == "Layers", properties[key]?.elements?.isEmpty != false { continue }
                        add(context.finding(Self.descriptor,
                                            properties.guardCondition.qualifying("\(key) is not allowed with PackageType Image (\(why)); remove \(key)"),
                                            at: properties.keyNode(key), in: resource, path: ["Properties", key]))
                    }
                    for image in codes where image["ImageUri"] == nil {
                        add(context.finding(Self.descriptor,
                                            image.guardCondition.qualifying("PackageType Image needs Code.ImageUri, the URI of a container image in Amazon ECR; add it, or set PackageType to Zip for .zip code"),
                                            at: image.map.node, in: resource, path: ["Properties", "Code"]))
                    }
                case nil, "Zip"?:
                    let typeText = packageType == nil ? "PackageType is not set, so it is Zip" : "PackageType is Zip"
                    for image in codes {
                        if image["ImageUri"] != nil {
                            add(context.finding(Self.descriptor,
                                                image.guardCondition.qualifying("Code.ImageUri needs PackageType: Image (\(typeText)); set PackageType to Image, or give .zip code (ZipFile, or S3Bucket and S3Key) instead"),
                                                at: image.keyNode("ImageUri"), in: resource, path: ["Properties", "Code", "ImageUri"]))
                            continue
                        }
                        let missing = ["Runtime", "Handler"].filter { properties[$0] == nil }
                        guard !missing.isEmpty else { continue }
                        let names = missing.joined(separator: " and ")
                        // Report where the package type is written, else at the Properties.
                        let node = packageType.flatMap { _ in properties.keyNode("PackageType") } ?? properties.map.node
                        add(context.finding(Self.descriptor,
                                            image.guardCondition.qualifying("a .zip function needs \(names) (\(typeText)); add \(names)"),
                                            at: node, in: resource, path: ["Properties"] + (packageType == nil ? [] : ["PackageType"])))
                    }
                default:
                    continue  // a value the schema check reports
                }
            }
        }
        return findings
    }

    /// Whether the function is one mapping of Properties, without `Fn::If` in the keys this rule
    /// reads, that `check` would find nothing in: a .zip function (PackageType Zip or not set)
    /// with Runtime and Handler and no Code.ImageUri, an unknown PackageType, or a value the schema
    /// check reports. Decided in one pass before any key combination is built; anything else is
    /// left to `check`.
    static func isConsistentWithoutChoices(_ function: LambdaFunction, _ context: RuleContext) -> Bool {
        let reached = context.reachable(function.resource, path: [])
        guard reached.count == 1, let entries = reached[0].value?.entries else { return false }
        var (packageType, code): (Resolved?, Resolved?) = (nil, nil)
        var (runtime, handler) = (false, false)
        for entry in entries {
            switch entry.value.kind {
            case .noValue: continue
            case .choice:
                if Self.keys.contains(where: { $0.0 == entry.key }) { return false }
                continue
            case .scalar, .list, .map, .unknown:
                break
            }
            switch entry.key {
            case "PackageType": packageType = entry.value
            case "Runtime": runtime = true
            case "Handler": handler = true
            case "Code": code = entry.value
            default: continue
            }
        }
        if let packageType {
            if packageType.isUnknown { return true }
            switch packageType.text {
            case nil, "Zip"?: break
            case "Image"?: return false
            default: return true
            }
        }
        guard let codeEntries = code?.entries else { return true }
        for entry in codeEntries where entry.key == "ImageUri" {
            if case .noValue = entry.value.kind { continue }
            return false
        }
        return runtime && handler
    }
}
