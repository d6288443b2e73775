/// `json` with every non-ASCII character written as a `\u` or `\U` escape (they occur only in strings).
func escapingNonASCII(_ json: String) -> String {
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
        if scalar.isASCII {
            result.unicodeScalars.append(scalar)
        } else {
            let hex = String(scalar.value, radix: 16)
            result += scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
    return result
}
