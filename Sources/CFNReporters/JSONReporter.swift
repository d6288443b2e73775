import CFNCore

/// The public JSON contract (formatVersion 1). Extend it, never break it:
///
/// ```json
/// {"formatVersion": 1, "tool": {"name": "cfn-lambda", "version": "0.1.0"},
///  "findings": [{"rule": "...", "severity": "error", "message": "...", "file": "t.yaml",
///                "line": 9, "column": 7, "endLine": 9, "endColumn": 14,
///                "resource": "Fn", "resourceType": "AWS::Lambda::Function", "path": "Resources/Fn/..."}],
///  "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0},
///  "unreadable": [{"file": "missing.yaml", "message": "no such file or directory"}]}
/// ```
/// Findings are sorted by file, line, column and rule; absent resource, type and path are null.
/// `unreadable` (added in 0.1 without a version bump: a new key) is present only when an input could
/// not be read; such a run exits 66.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ run: ValidationRun) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.versionHeader()
        json.key("findings")
        json.beginArray()
        for report in run.reports {
            for finding in report.findings {
                json.finding(finding, in: report)
            }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("files"); json.number(run.files)
        json.key("errors"); json.number(run.count(.error))
        json.key("warnings"); json.number(run.count(.warning))
        json.key("infos"); json.number(run.count(.info))
        json.endObject()
        json.unreadable(run.unreadable)
        json.endObject()
        return json.output + "\n"
    }
}
