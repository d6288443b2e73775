import CFNCore

/// Byte counts for people: `512 bytes`, `10.0 MiB`, `300.0 GiB`, with a sign for changes (the
/// format is Core's `ByteText`, which findings use too); the JSON keeps the exact numbers.
enum PlanBytes {
    static func size(_ bytes: Int64) -> String { ByteText.size(bytes) }

    /// A change: `+10.0 MiB`, `−512 bytes`, `±0 bytes`.
    static func delta(_ bytes: Int64) -> String {
        if bytes == 0 { return "±0 bytes" }
        return bytes > 0 ? "+" + size(bytes) : size(bytes)
    }
}
