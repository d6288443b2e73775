import CFNCore

/// The drift report as one JSON object, versioned like the other outputs (`formatVersion`):
///
/// `{"formatVersion", "tool", "stack", "template", "state", "items": [...], "checked": [...],
/// "notDeployed": [...], "findings": [...], "summary": {"resources", "drifted", "errors",
/// "warnings", "infos"}}`
///
/// - Each item has the members of a validate finding (`rule`, `severity`, `message`, `file`,
///   `line`, `column`, `endLine`, `endColumn`, `resource`, `resourceType`, `path`), located in the
///   template, then `physicalId`, `property`, `expected`, `actual`, `explanation`, `remedy` (null
///   when not applicable). Environment variable values never appear.
/// - `findings` are the other inputs' (the state file, a `--cfn-drift` file), as validate writes them.
/// - When no comparison could be made, `stack` is null, `items`, `checked` and `notDeployed` are
///   empty, and the findings say why.
public struct DriftJSONReporter: Sendable {
    public init() {}

    public func render(_ run: DriftRun) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.versionHeader()
        json.key("stack"); json.string(run.report?.stack)
        json.key("template"); json.string(run.template)
        json.key("state"); json.string(run.state)
        json.key("items")
        json.beginArray()
        let file = run.templateReport
        for item in run.report?.items ?? [] {
            json.beginObject()
            json.findingFields(item.finding, in: file)
            json.key("physicalId"); json.string(item.physicalId)
            json.key("property"); json.string(item.property)
            json.key("expected"); json.string(item.expected)
            json.key("actual"); json.string(item.actual)
            json.key("explanation"); json.string(item.explanation)
            json.key("remedy"); json.string(item.remedy)
            json.endObject()
        }
        json.endArray()
        for (name, list) in [("checked", run.report?.checked ?? []), ("notDeployed", run.report?.notDeployed ?? [])] {
            json.key(name)
            json.beginArray()
            for id in list { json.string(id) }
            json.endArray()
        }
        json.key("findings")
        json.beginArray()
        for report in run.findings.reports {
            for finding in report.findings { json.finding(finding, in: report) }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("resources"); json.number(run.report?.checked.count ?? 0)
        json.key("drifted"); json.number(run.report?.drifted.count ?? 0)
        json.key("errors"); json.number(run.count(.error))
        json.key("warnings"); json.number(run.count(.warning))
        json.key("infos"); json.number(run.count(.info))
        json.endObject()
        json.endObject()
        return json.output + "\n"
    }
}
