extension String {
    /// The parts between occurrences of `delimiter`, empty ones included, as `Fn::Split` and
    /// CloudFormation's list parameters split: at the delimiter's code points wherever they are.
    /// `String.split` compares `Character`s, and a comma followed by a combining mark (`,\u{301}`)
    /// is one `Character` that is not a comma; here it is a comma and a mark.
    ///
    /// Searched in UTF-8 (which finds a whole character's bytes only where that character starts),
    /// with Knuth–Morris–Pratt, so a long delimiter on a long text stays linear.
    func components(splitAt delimiter: String) -> [String] {
        let text = Array(utf8)
        let needle = Array(delimiter.utf8)
        guard !needle.isEmpty else { return [self] }
        // failure[i]: the length of the longest proper prefix of needle[0...i] that is also its suffix.
        var failure = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0, needle[index] != needle[length] { length = failure[length - 1] }
            if needle[index] == needle[length] { length += 1 }
            failure[index] = length
        }
        var parts: [String] = []
        var partStart = 0
        var matched = 0
        for (index, byte) in text.enumerated() {
            while matched > 0, byte != needle[matched] { matched = failure[matched - 1] }
            if byte == needle[matched] { matched += 1 }
            if matched == needle.count {
                let delimiterStart = index + 1 - needle.count
                parts.append(String(decoding: text[partStart..<delimiterStart], as: UTF8.self))
                partStart = index + 1
                matched = 0
            }
        }
        parts.append(String(decoding: text[partStart...], as: UTF8.self))
        return parts
    }

    /// The items of a `CommaDelimitedList` or `List<…>` parameter value: split at every comma and
    /// trimmed of spaces.
    var parameterListItems: [String] {
        components(splitAt: ",").map(\.trimmingSpaces)
    }
}
