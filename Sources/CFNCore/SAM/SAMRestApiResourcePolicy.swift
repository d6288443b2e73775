import CFNLoader

/// What the translator requires of a REST API's `ResourcePolicy` (API-wide or an event's) as it
/// writes it (`SwaggerEditor.add_resource_policy`): `SourceVpcBlacklist` and `SourceVpcWhitelist`
/// lists of text, intrinsic functions going to `IntrinsicVpc…` instead.
enum SAMRestApiResourcePolicy {
    static func check(_ policy: SAMValue, _ document: SAMDocument) throws {
        for (key, instead) in [("SourceVpcBlacklist", "IntrinsicVpcBlacklist"), ("SourceVpcWhitelist", "IntrinsicVpcWhitelist")] {
            guard let list = document.value(key, in: policy), let elements = document.elements(list) else { continue }
            if let bad = elements.first(where: { document.text($0) == nil }) {
                throw SAMSwagger.structure("\(key) must be a list of strings. Use \(instead) instead for values that use Intrinsic Functions",
                                           document.range(bad))
            }
        }
    }
}
