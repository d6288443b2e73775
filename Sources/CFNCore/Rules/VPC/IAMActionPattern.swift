/// An `Action` of an IAM policy statement: an action name or a pattern with `*` (any run of
/// characters) and `?` (one character), matched without regard to case as IAM does.
struct IAMActionPattern: Hashable {
    let pattern: [UInt8]

    init(_ text: String) {
        pattern = Array(text.lowercased().utf8)
    }

    /// Whether the pattern covers `action` (`ec2:*`, `ec2:*NetworkInterface*` and `*` cover
    /// `ec2:CreateNetworkInterface`).
    func matches(_ action: String) -> Bool {
        let text = Array(action.lowercased().utf8)
        var p = 0, t = 0
        var star: Int?, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
