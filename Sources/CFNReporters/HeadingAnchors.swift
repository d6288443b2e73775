/// The anchors GitHub gives headings: lowercased, punctuation other than `-` and `_` dropped,
/// spaces as `-`, and `-1`, `-2`, ... appended to repeats.
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    mutating func anchor(for heading: String) -> String {
        var slug = ""
        for character in heading.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            }
        }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }
}
