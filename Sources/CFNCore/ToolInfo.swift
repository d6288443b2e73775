/// The tool's name and version as reported in every machine-readable output.
public enum ToolInfo {
    public static let name = "cfn-lambda"
    public static let version = "0.1.0"
    /// The version of the JSON output contract. Extended compatibly; bumped only on a breaking change.
    public static let formatVersion = 1
}
