import CFNCore

/// A minimal JSON writer that keeps keys in the order written, so output is byte-for-byte stable.
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]

    mutating func beginObject() { value("{"); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); output += "}" }
    mutating func beginArray() { value("["); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); output += "]" }

    mutating func key(_ name: String) {
        separate()
        output += Self.quoted(name) + ":"
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    mutating func string(_ text: String?) { value(text.map(Self.quoted) ?? "null") }
    mutating func number(_ number: Int?) { value(number.map(String.init) ?? "null") }
    mutating func bool(_ flag: Bool?) { value(flag.map { $0 ? "true" : "false" } ?? "null") }
    /// Writes `json` as it is: the caller guarantees it is one complete JSON value.
    mutating func raw(_ json: String) { value(json) }

    private var pendingKey = false

    private mutating func value(_ text: String) {
        if pendingKey {
            pendingKey = false
        } else {
            separate()
        }
        output += text
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
    }

    /// `"formatVersion": 1, "tool": {"name", "version"}`: the first members of every JSON output.
    mutating func versionHeader(formatVersion: Int = ToolInfo.formatVersion) {
        key("formatVersion"); number(formatVersion)
        key("tool")
        beginObject()
        key("name"); string(ToolInfo.name)
        key("version"); string(ToolInfo.version)
        endObject()
    }

    static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
