/// IAM-style wildcard matching, for policy actions and resource ARNs: `*` matches any run of
/// characters (none included), `?` exactly one. `ignoringCase` compares as IAM compares actions.
struct Wildcard: Hashable {
    private let pattern: [Unicode.Scalar]
    private let ignoringCase: Bool

    init(_ pattern: String, ignoringCase: Bool = false) {
        self.pattern = Array((ignoringCase ? pattern.lowercased() : pattern).unicodeScalars)
        self.ignoringCase = ignoringCase
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        Wildcard(pattern).matches(text)
    }

    func matches(_ text: String) -> Bool {
        let text = Array((ignoringCase ? text.lowercased() : text).unicodeScalars)
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                // Let the last `*` take one more character and try again from there.
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
