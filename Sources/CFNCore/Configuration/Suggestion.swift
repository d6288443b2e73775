/// " (did you mean 'x'?)" hints for names that are close to a known one.
public enum Suggestion {
    /// The candidate nearest to `name`: equal but for case, or within one edit (two for names of
    /// six characters or more). Ties go to the earlier candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = Array(name.lowercased().utf8)
        let limit = lowered.count < 6 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = TemplateParser.editDistance(Array(candidate.lowercased().utf8), lowered, limit: limit)
            if distance <= limit, distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)", or "" when no candidate is close.
    public static func hint(for name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
