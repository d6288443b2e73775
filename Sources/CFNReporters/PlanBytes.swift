import CFNCore

/// Byte counts for people: `512 bytes`, `10.0 MiB`, `300.0 GiB`, with a sign for changes.
///
/// Binary units with one decimal, rounded half up; the JSON keeps the exact numbers.
enum PlanBytes {
    static func size(_ bytes: Int64) -> String {
        let magnitude = bytes.magnitude
        let sign = bytes < 0 ? "−" : ""
        if magnitude < 1024 { return sign + plural(Int(magnitude), "byte") }
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var unit: UInt64 = 1024
        var name = 0
        while name < units.count - 1, magnitude / unit >= 1024 {
            unit *= 1024
            name += 1
        }
        var whole = magnitude / unit
        var tenths = ((magnitude % unit) * 10 + unit / 2) / unit  // below 2^64: unit is at most 2^60
        if tenths == 10 {
            whole += 1
            tenths = 0
        }
        if whole == 1024, name < units.count - 1 {
            whole = 1
            name += 1
        }
        return "\(sign)\(whole).\(tenths) \(units[name])"
    }

    /// A change: `+10.0 MiB`, `−512 bytes`, `±0 bytes`.
    static func delta(_ bytes: Int64) -> String {
        if bytes == 0 { return "±0 bytes" }
        return bytes > 0 ? "+" + size(bytes) : size(bytes)
    }
}
