/// A function `EphemeralStorage.Size` outside 512–10240 MB.
public struct EphemeralStorageRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.ephemeral-storage", severity: .error, summary: "EphemeralStorage Size outside 512–10240 MB",
        explanation: "The size of a function's /tmp, EphemeralStorage.Size, is 512 to 10240 MB: the AWS::Lambda::Function schema gives minimum 512 and maximum 10240. Plain and quoted numbers are judged; values not known before deployment are not. For more space, mount an EFS file system (FileSystemConfigs) or use S3.",
        restates: ["schema.range"])

    static let limit = NumericLimit(path: ["EphemeralStorage", "Size"], minimum: 512, maximum: 10240, unit: "MB",
                                    advice: "set a Size between 512 and 10240")

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  EphemeralStorage: {Size: ↓20480}
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  EphemeralStorage:
                    Size: ↓"256"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  EphemeralStorage: {Size: 10240}
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  EphemeralStorage: {Size: "512"}
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        Self.limit.check(context, Self.descriptor)
    }
}
