/// Byte counts for people, in one unit family everywhere (binary units, base 1024, as AWS's "MB"
/// and "GB" of Lambda's limits are: "250 MB" is 262144000 bytes, "300 GB" 322122547200).
public enum ByteText {
    /// `512 bytes`, `10.0 MiB`, `300.0 GiB`: one decimal, rounded half up, with `−` below zero.
    public static func size(_ bytes: Int64) -> String {
        let magnitude = bytes.magnitude
        let sign = bytes < 0 ? "−" : ""
        if magnitude < 1024 { return "\(sign)\(magnitude) \(magnitude == 1 ? "byte" : "bytes")" }
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

    /// Sizes compared with a limit (usage before and after, and the quota): rounded, unless a value
    /// other than the limit rounds to the limit's figure — then all in exact bytes, so being a few
    /// bytes over (or under) the quota is never rounded away.
    public static func sizes(_ values: [Int64], limit: Int64) -> [String] {
        let figure = size(limit)
        if values.contains(where: { $0 != limit && size($0) == figure }) { return values.map { "\($0) bytes" } }
        return values.map(size)
    }

    /// Exact bytes with the rounded size, for messages: `10485760 bytes (10.0 MiB)`.
    static func describe(_ bytes: Int64) -> String {
        bytes.magnitude < 1024 ? "\(bytes) bytes" : "\(bytes) bytes (\(size(bytes)))"
    }
}
