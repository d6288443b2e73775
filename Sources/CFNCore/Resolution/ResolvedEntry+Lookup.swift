extension Array where Element == ResolvedEntry {
    /// The position of the entry whose key is `key` as written (the same UTF-8 bytes, as
    /// CloudFormation compares keys). Keys of another length are passed over without comparing
    /// them: a map's keys are mostly property names of different lengths, and `==` on two strings
    /// that differ is a call into the standard library each time (a tenth of the time the Lambda
    /// rules spent reaching their properties).
    func index(ofKey key: String) -> Int? {
        let length = key.utf8.count
        return firstIndex { $0.key.utf8.count == length && $0.key == key }
    }
}
