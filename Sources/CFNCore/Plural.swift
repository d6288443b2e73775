/// `count` and the noun, plural unless the count is one: `1 error`, `0 warnings`, `3 infos`.
/// The one pluralisation of every summary and message (nouns whose plural adds `s`).
public func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
