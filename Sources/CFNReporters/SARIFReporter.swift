import CFNCore

/// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
///
/// One run; the driver lists every rule of the catalog (sorted by id) and each result points at
/// its rule by `ruleIndex`. Results are in the JSON reporter's order. Columns count Unicode scalars
/// (`columnKind: unicodeCodePoints`) and `endColumn` is exclusive, as SARIF defines it.
/// Artifact URIs are the paths as given (relative paths stay relative), percent-encoded.
public struct SARIFReporter: Reporter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let sarifVersion = "2.1.0"

    /// The rules listed in `tool.driver.rules`, sorted by id.
    public let rules: [RuleDescriptor]

    public init(rules: [RuleDescriptor] = RuleCatalog.all) {
        self.rules = rules.sorted { $0.id < $1.id }
    }

    public func render(_ run: ValidationRun) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = index
        }
        var json = JSONWriter()
        json.beginObject()
        json.key("$schema"); json.string(Self.schema)
        json.key("version"); json.string(Self.sarifVersion)
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.key("name"); json.string(ToolInfo.name)
        json.key("version"); json.string(ToolInfo.version)
        json.key("rules")
        json.beginArray()
        for rule in rules { writeRule(rule, to: &json) }
        json.endArray()
        json.endObject()
        json.endObject()
        json.key("columnKind"); json.string("unicodeCodePoints")
        if !run.unreadable.isEmpty { writeInvocation(run.unreadable, to: &json) }
        json.key("results")
        json.beginArray()
        for report in run.reports {
            for finding in report.findings {
                writeResult(finding, in: report, ruleIndex: ruleIndex[finding.rule], to: &json)
            }
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    private func writeRule(_ rule: RuleDescriptor, to json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.string(rule.id)
        json.key("name"); json.string(Self.name(forRuleId: rule.id))
        json.key("shortDescription"); json.textObject(rule.summary)
        json.key("fullDescription"); json.textObject(rule.explanation)
        json.key("help"); json.textObject(rule.explanation)
        json.key("defaultConfiguration")
        json.beginObject()
        json.key("level"); json.string(Self.level(rule.severity))
        json.endObject()
        json.endObject()
    }

    private func writeResult(_ finding: Finding, in report: FileReport, ruleIndex: Int?, to json: inout JSONWriter) {
        let start = report.source.lineColumn(at: finding.range.start)
        let end = report.source.lineColumn(at: finding.range.end)
        json.beginObject()
        json.key("ruleId"); json.string(finding.rule)
        if let ruleIndex {
            json.key("ruleIndex"); json.number(ruleIndex)
        }
        json.key("level"); json.string(Self.level(finding.severity))
        json.key("message"); json.textObject(finding.message)
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.artifactLocation(Self.uri(forPath: report.file))
        json.key("region")
        json.beginObject()
        json.key("startLine"); json.number(start.line)
        json.key("startColumn"); json.number(start.column)
        json.key("endLine"); json.number(end.line)
        json.key("endColumn"); json.number(end.column)
        json.endObject()
        json.endObject()
        if let resource = finding.resource {
            json.key("logicalLocations")
            json.beginArray()
            json.beginObject()
            json.key("name"); json.string(resource)
            json.key("kind"); json.string("resource")
            json.endObject()
            json.endArray()
        }
        json.endObject()
        json.endArray()
        json.endObject()
    }

    /// SARIF's levels: error, warning and note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A readable identifier for a rule, as SARIF's `name` asks: `yaml.duplicate-key` → `YamlDuplicateKey`.
    static func name(forRuleId id: String) -> String {
        var name = ""
        var capitalizeNext = true
        for character in id {
            if character == "." || character == "-" || character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                name += character.uppercased()
                capitalizeNext = false
            } else {
                name.append(character)
            }
        }
        return name
    }

    /// A path as a URI reference: unreserved characters and `/` stay, every other byte of its UTF-8
    /// is percent-encoded (so `a b:c.yaml` becomes `a%20b%3Ac.yaml`, never mistaken for a scheme).
    static func uri(forPath path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An input that could not be read makes the run unsuccessful: SARIF says so in `invocations`,
    /// with one error notification per input, located at the file.
    private func writeInvocation(_ unreadable: [UnreadableInput], to json: inout JSONWriter) {
        json.key("invocations")
        json.beginArray()
        json.beginObject()
        json.key("executionSuccessful"); json.bool(false)
        json.key("toolExecutionNotifications")
        json.beginArray()
        for input in unreadable {
            json.beginObject()
            json.key("level"); json.string("error")
            json.key("message"); json.textObject(input.description)
            json.key("locations")
            json.beginArray()
            json.beginObject()
            json.key("physicalLocation")
            json.beginObject()
            json.artifactLocation(Self.uri(forPath: input.file))
            json.endObject()
            json.endObject()
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endArray()
    }
}

private extension JSONWriter {
    /// SARIF's message and multiformat strings: `{"text": "..."}`.
    mutating func textObject(_ text: String) {
        beginObject()
        key("text"); string(text)
        endObject()
    }

    mutating func artifactLocation(_ uri: String) {
        key("artifactLocation")
        beginObject()
        key("uri"); string(uri)
        endObject()
    }
}
