/// Byte counts for people, in one unit family everywhere (binary units, base 1024, as AWS's "MB"
/// and "GB" of Lambda's limits are: "250 MB" is 262144000 bytes, "300 GB" 322122547200).
public enum ByteText {
    /// `512 bytes`, `10.0 MiB`, `300.0 GiB`: one decimal, rounded half up, with `−` below zero.
    public static func size(_ bytes: Int64) -> String { size(bytes, decimals: 1) }

    /// `size` with 1 to 3 decimals.
    public static func size(_ bytes: Int64, decimals: Int) -> String {
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
        var scale: UInt64 = 1
        for _ in 0..<max(1, min(decimals, 3)) { scale *= 10 }
        var whole = magnitude / unit
        // (remainder × scale + unit/2) / unit in full width: the remainder is below 2^60.
        let product = (magnitude % unit).multipliedFullWidth(by: scale)
        let (low, carry) = product.low.addingReportingOverflow(unit / 2)
        var fraction = unit.dividingFullWidth((product.high + (carry ? 1 : 0), low)).quotient
        if fraction == scale {
            whole += 1
            fraction = 0
        }
        if whole == 1024, name < units.count - 1 {
            whole = 1
            name += 1
        }
        let digits = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: String(scale).count - 1 - digits.count))\(digits) \(units[name])"
    }

    /// Sizes compared with each other and a limit (usage before and after, and the quota): with
    /// the fewest decimals (one to three) at which different values read differently, so that
    /// +30 MiB on 5 GiB is not "5.0 GiB → 5.0 GiB"; in exact bytes where three decimals are not
    /// enough, so that being a few bytes over (or under) the quota is never rounded away.
    public static func sizes(_ values: [Int64], limit: Int64) -> [String] {
        let all = values + [limit]
        for decimals in 1...3 {
            let figures = all.map { size($0, decimals: decimals) }
            let distinct = Dictionary(zip(figures, all).map { ($0, [$1]) }, uniquingKeysWith: +)
            if distinct.values.allSatisfy({ Set($0).count == 1 }) { return Array(figures.dropLast()) }
        }
        return values.map { "\($0) bytes" }
    }

    /// Exact bytes with the rounded size, for messages: `10485760 bytes (10.0 MiB)`.
    static func describe(_ bytes: Int64) -> String {
        bytes.magnitude < 1024 ? "\(bytes) bytes" : "\(bytes) bytes (\(size(bytes)))"
    }
}
