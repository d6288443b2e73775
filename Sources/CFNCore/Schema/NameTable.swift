/// Values by name, found among the names of the same UTF-8 length and compared whole: a name of up
/// to 15 bytes compares as two machine words, where a `Dictionary` hashes every name it is asked
/// for with SipHash. Schemas are looked up by property name and `$ref` for every value checked;
/// hashing was a fifth of the schema checks' time.
///
/// A name is found as written: one spelt with other, canonically equivalent code points has another
/// length in UTF-8 and is not (a `Dictionary` would find it). CloudFormation compares keys as
/// written, and the schemas' names are ASCII.
struct NameTable<Value: Sendable>: Sendable {
    private let byLength: [[(name: String, value: Value)]]

    init(_ values: [String: Value]) {
        var byLength: [[(name: String, value: Value)]] = Array(repeating: [], count: (values.keys.map(\.utf8.count).max() ?? -1) + 1)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            byLength[name.utf8.count].append((name, value))
        }
        self.byLength = byLength
    }

    subscript(name: String) -> Value? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        for candidate in byLength[length] where candidate.name == name {
            return candidate.value
        }
        return nil
    }
}
