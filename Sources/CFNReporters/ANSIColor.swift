import CFNCore

/// ANSI colours for terminal text: the one place the text reporters (validate, plan, drift) colour
/// severities and change marks. The CLI turns colour on only for a terminal without `NO_COLOR`.
enum ANSIColor {
    /// `text` in the colour `code` (an SGR parameter such as `1;31`), or as it is when not `enabled`.
    static func paint(_ text: String, _ code: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A severity's name: errors bold red, warnings bold yellow, infos bold cyan.
    static func severity(_ severity: Severity, enabled: Bool) -> String {
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
        return paint(severity.rawValue, code, enabled: enabled)
    }
}
