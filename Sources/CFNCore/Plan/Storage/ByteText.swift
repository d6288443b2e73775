/// Byte counts for messages: exact bytes, with the size in AWS's binary units (Lambda's "250 MB"
/// is 262144000 bytes, "300 GB" 322122547200): `10485760 bytes (10 MB)`.
enum ByteText {
    static func describe(_ bytes: Int64) -> String {
        let units: [(String, Int64)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)]
        guard let (name, unit) = units.first(where: { bytes.magnitude >= $0.1.magnitude }) else { return "\(bytes) bytes" }
        let tenths = Int64((Double(bytes) / Double(unit) * 10).rounded())
        let number = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\((tenths % 10).magnitude)"
        return "\(bytes) bytes (\(number) \(name))"
    }
}
