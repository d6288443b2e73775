import CFNLoader

/// `LoggingConfig` with a log level (`ApplicationLogLevel`, `SystemLogLevel`) and the Text log format.
public struct LogLevelFormatRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.log-level-format", severity: .error, summary: "A log level with the Text log format",
        explanation: "Log-level filtering (LoggingConfig ApplicationLogLevel, SystemLogLevel) needs the JSON log format; the default format is plain text (Lambda developer guide, Log-level filtering: \"To use log-level filtering, your function must be configured to use the JSON log format. The default log format for all Lambda managed runtimes is currently plain text.\"). Lambda refuses the function otherwise: LogLevel is not supported when LogFormat is set to Text. A LogFormat that is not known is not judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig:\n        LogFormat: Text\n        ↓SystemLogLevel: INFO\n  Default:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig:\n        ↓ApplicationLogLevel: DEBUG\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig:\n        LogFormat: !If [IsProd, JSON, Text]\n        ↓ApplicationLogLevel: WARN\n",
        ],
        nonTriggering: [
            "Parameters:\n  Format: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig: {LogFormat: JSON, ApplicationLogLevel: WARN, SystemLogLevel: INFO}\n  Text:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig: {LogFormat: Text, LogGroup: /aws/lambda/text}\n  Unknown:\n    Type: AWS::Lambda::Function\n    Properties:\n      LoggingConfig: {LogFormat: !Ref Format, SystemLogLevel: WARN}\n",
        ])

    static let levels = ["ApplicationLogLevel", "SystemLogLevel"]
    static let keys: [(String, KeyCombination.Mode)] = [("LogFormat", .value)] + levels.map { ($0, .presence) }

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            // Most functions have no LoggingConfig mapping in any alternative: nothing to combine.
            guard context.reachesMapping(function.resource, "LoggingConfig") else { continue }
            for (_, logging) in KeyCombination.nested("LoggingConfig", of: function.resource, keys: Self.keys, in: context) {
                let format = logging["LogFormat"]
                let why: String
                switch format?.text {
                case nil where format == nil: why = "LogFormat is not set, so it is Text"
                case "Text"?: why = "LogFormat is Text"
                default: continue  // JSON, another value (the schema reports it), or not known
                }
                for level in Self.levels where logging[level] != nil {
                    let message = logging.guardCondition.qualifying(
                        "\(level) needs the JSON log format (\(why)); set LogFormat: JSON, or remove \(level)")
                    let finding = context.finding(Self.descriptor, message, at: logging.keyNode(level), in: function.resource,
                                                  path: ["Properties", "LoggingConfig", level])
                    if !findings.contains(finding) { findings.append(finding) }
                }
            }
        }
        return findings
    }
}
