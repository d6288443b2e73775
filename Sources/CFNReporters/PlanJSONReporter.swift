import CFNCore
import CFNLoader

/// The plan as one JSON object: a public contract (formatVersion 2), extended, never broken.
///
/// ```json
/// {"formatVersion": 2, "tool": {"name": "cfn-lambda", "version": "0.1.0"},
///  "changes": [{"logicalId": "Orders", "type": "AWS::Lambda::Function", "action": "update",
///               "conditional": false, "causes": ["Code/S3ObjectStorageMode"],
///               "details": [{"path": "Code/S3ObjectStorageMode", "before": null, "after": "REFERENCE",
///                            "reason": "direct", "requiresReplacement": "never"}],
///               "storageDeltaBytes": -10485760, "retained": false,
///               "deletedWithFunction": null}],
///  "transitions": [{"logicalId": "Orders", "from": "COPY", "to": "REFERENCE", "deltaBytes": -10485760}],
///  "storage": {"quotaBytes": 322122547200, "usageBeforeBytes": 1073741824, "deltaBytes": -10485760,
///              "usageAfterBytes": 1063256064, "exceedsQuota": false, "unknownSizes": []},
///  "enis": {"create": [{"subnetId": "subnet-0a1b", "securityGroupIds": ["sg-1"], "functions": ["Orders"]}],
///           "reclaim": [], "unknown": []},
///  "findings": [ …as validate --format json writes them… ],
///  "summary": {"create": 0, "update": 1, "replace": 0, "delete": 0}}
/// ```
/// - Every resource of either template is in `changes` (action `none` included), sorted by logical ID.
/// - `before`/`after`: the value as JSON (`"REFERENCE"`, `512`, `["sg-1"]`), null where the property
///   is absent; a part not known when planning is an object: `{"unknown": "after deploy", "dependsOn":
///   ["Layer"]}`, `{"unknown": "after replacement", "dependsOn": ["Layer"]}` (the new ID of a replaced
///   resource), `{"if": "IsProd", "then": 1024, "else": null}` (a condition not known); see `PlanValueText`.
///   formatVersion 1 wrote these as strings (`"(known after deploy: Layer)"`).
/// - `source` names the resource a transform made a change's resource from (`{"resource": "Fn",
///   "type": "AWS::Serverless::Function", "loop": null}`, `loop` naming the `Fn::ForEach` loop that
///   made it or its SAM resource), null otherwise; `location` of a change and of a detail is
///   where the user edits it in HEAD (`{"file", "line", "column", "endLine", "endColumn"}`), or null.
/// - `retained` is true when CloudFormation removes the resource from the stack and leaves it in
///   the account (a `delete` kept by its DeletionPolicy, the old resource of a `replace` kept by its
///   UpdateReplacePolicy; a retained function version keeps counting in code storage), null when
///   the policy is not known, false otherwise.
/// - Unknown numbers are null: `storageDeltaBytes`, `deltaBytes` of a transition, `usageBeforeBytes`,
///   `usageAfterBytes`, `exceedsQuota`.
/// - When no plan could be made (BASE or HEAD is not a readable template, or BASE fails its transform), `changes` and
///   `transitions` are empty, `storage` and `enis` are null, and the findings say why.
/// - `unreadable` (`[{"file", "message"}]`, as validate writes it; a key added without a version
///   change) lists the inputs that could not be read, present only when there is one.
/// - Findings are sorted by file, line, column and rule.
public struct PlanJSONReporter: Sendable {
    /// The version of this contract: 2 since values not known when planning are objects.
    public static let formatVersion = 2

    public init() {}

    public func render(_ run: PlanRun) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.versionHeader(formatVersion: Self.formatVersion)
        json.key("changes")
        json.beginArray()
        for change in run.plan?.changes ?? [] { write(change, in: run, to: &json) }
        json.endArray()
        json.key("transitions")
        json.beginArray()
        for transition in run.plan?.transitions ?? [] {
            json.beginObject()
            json.key("logicalId"); json.string(transition.logicalId)
            json.key("from"); json.string(transition.from.rawValue)
            json.key("to"); json.string(transition.to.rawValue)
            json.key("deltaBytes"); json.number(transition.deltaBytes)
            json.endObject()
        }
        json.endArray()
        json.key("storage")
        if let storage = run.plan?.storage { write(storage, to: &json) } else { json.raw("null") }
        json.key("assets")
        json.beginArray()
        for asset in run.plan?.assets ?? [] { write(asset, to: &json) }
        json.endArray()
        json.key("enis")
        if let enis = run.plan?.enis { write(enis, to: &json) } else { json.raw("null") }
        json.key("findings")
        json.beginArray()
        for report in run.findings.reports {
            for finding in report.findings { json.finding(finding, in: report) }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        for action in [ResourceChange.Action.create, .update, .replace, .delete] {
            json.key(action.rawValue); json.number(run.plan?.count(action) ?? 0)
        }
        json.endObject()
        json.unreadable(run.findings.unreadable)
        json.endObject()
        return json.output + "\n"
    }

    private func write(_ change: ResourceChange, in run: PlanRun, to json: inout JSONWriter) {
        json.beginObject()
        json.key("logicalId"); json.string(change.logicalId)
        json.key("type"); json.string(change.type)
        json.key("action"); json.string(change.action.rawValue)
        json.key("conditional"); json.bool(change.conditional)
        json.key("causes")
        json.beginArray()
        for cause in change.causes { json.string(cause) }
        json.endArray()
        json.key("details")
        json.beginArray()
        for detail in change.details {
            json.beginObject()
            json.key("path"); json.string(detail.path)
            json.key("before"); PlanValueText.write(detail.before, to: &json)
            json.key("after"); PlanValueText.write(detail.after, to: &json)
            json.key("reason"); json.string(detail.reason.rawValue)
            json.key("requiresReplacement"); json.string(detail.requiresReplacement.rawValue)
            json.key("location"); write(detail.range, in: run, to: &json)
            json.endObject()
        }
        json.endArray()
        json.key("storageDeltaBytes"); json.number(change.storageDeltaBytes)
        json.key("source")
        if let source = change.source {
            json.beginObject()
            json.key("resource"); json.string(source.resource)
            json.key("type"); json.string(source.type)
            json.key("loop")
            if let loop = source.loop { json.string(loop) } else { json.raw("null") }
            json.endObject()
        } else {
            json.raw("null")
        }
        json.key("location"); write(change.range, in: run, to: &json)
        json.key("retained")
        if let retained = change.retained { json.bool(retained) } else { json.raw("null") }
        json.key("deletedWithFunction")
        if let function = change.deletedWithFunction { json.string(function) } else { json.raw("null") }
        json.key("logicalIdFromPackaging"); json.bool(change.logicalIdFromPackaging)
        json.endObject()
    }

    /// `{"file", "line", "column", "endLine", "endColumn"}` in HEAD, as a finding's; null without a range.
    private func write(_ range: SourceRange?, in run: PlanRun, to json: inout JSONWriter) {
        guard let range else { return json.raw("null") }
        json.beginObject()
        json.locationFields(range, file: run.head, source: run.headSource)
        json.endObject()
    }

    private func write(_ storage: StorageSummary, to json: inout JSONWriter) {
        json.beginObject()
        json.key("quotaBytes"); json.number(storage.quotaBytes)
        json.key("usageBeforeBytes"); json.number(storage.usageBeforeBytes)
        json.key("deltaBytes"); json.number(storage.deltaBytes)
        json.key("usageAfterBytes"); json.number(storage.usageAfterBytes)
        json.key("exceedsQuota"); json.bool(storage.exceedsQuota)
        json.key("unknownSizes")
        json.beginArray()
        for artifact in storage.unknownSizes { json.string(artifact) }
        json.endArray()
        json.key("usagePeakBytes"); json.number(storage.usagePeakBytes)
        json.key("estimatedSizes")
        json.beginArray()
        for id in storage.estimatedSizes { json.string(id) }
        json.endArray()
        json.key("usageBeforeNote")
        if let note = storage.usageBeforeNote { json.string(note) } else { json.raw("null") }
        json.endObject()
    }

    private func write(_ asset: CodeAsset, to json: inout JSONWriter) {
        json.beginObject()
        json.key("path"); json.string(asset.path)
        json.key("packaging"); json.string(asset.packaging.rawValue)
        json.key("source"); json.string(asset.source.rawValue)
        json.key("logicalIds")
        json.beginArray()
        for id in asset.logicalIds { json.string(id) }
        json.endArray()
        json.key("zippedBytes"); json.number(asset.zippedBytes)
        json.key("unzippedBytes"); json.number(asset.unzippedBytes)
        json.key("zippedEstimated"); json.bool(asset.zippedEstimated)
        json.endObject()
    }

    private func write(_ enis: ENISummary, to json: inout JSONWriter) {
        json.beginObject()
        for (name, combinations) in [("create", enis.create), ("reclaim", enis.reclaim)] {
            json.key(name)
            json.beginArray()
            for combination in combinations {
                json.beginObject()
                json.key("subnetId"); json.string(combination.subnetId)
                json.key("securityGroupIds")
                json.beginArray()
                for group in combination.securityGroupIds { json.string(group) }
                json.endArray()
                json.key("functions")
                json.beginArray()
                for function in combination.functions { json.string(function) }
                json.endArray()
                json.endObject()
            }
            json.endArray()
        }
        json.key("unknown")
        json.beginArray()
        for function in enis.unknown { json.string(function) }
        json.endArray()
        json.endObject()
    }
}
