/// How a change's `before` and `after` texts are written in the plan's JSON.
///
/// The plan holds a value as compact JSON text, or as a description where the value is not known
/// when planning (`(known after deploy: …)`, `(if Cond then … else …)`). The rule: a text that is
/// exactly one JSON value is written as that value, raw (`"REFERENCE"`, `512`, `["sg-1"]`); any
/// other text is written as a JSON string of the text. So a consumer sees the value itself where
/// it is known, and a string it can show where it is not.
enum PlanValueText {
    static func write(_ text: String?, to json: inout JSONWriter) {
        guard let text else { json.raw("null"); return }
        if isJSONValue(text) { json.raw(text) } else { json.string(text) }
    }

    /// Whether `text` is exactly one JSON value (RFC 8259), without surrounding whitespace.
    /// Checked with an explicit stack, so deep nesting cannot exhaust the call stack.
    static func isJSONValue(_ text: String) -> Bool {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.value() && scanner.index == scanner.bytes.count
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        private enum Container { case array, object }

        /// One value; afterwards `index` is just past it.
        mutating func value() -> Bool {
            var open: [Container] = []
            while true {
                // A value (a scalar, or the start of a container).
                switch peek {
                case UInt8(ascii: "["):
                    index += 1
                    if peek == UInt8(ascii: "]") { index += 1 } else { open.append(.array); continue }
                case UInt8(ascii: "{"):
                    index += 1
                    if peek == UInt8(ascii: "}") { index += 1 } else {
                        open.append(.object)
                        guard member() else { return false }
                        continue
                    }
                case UInt8(ascii: "\""): guard string() else { return false }
                case UInt8(ascii: "t"): guard literal("true") else { return false }
                case UInt8(ascii: "f"): guard literal("false") else { return false }
                case UInt8(ascii: "n"): guard literal("null") else { return false }
                default: guard number() else { return false }
                }
                // After a value: close containers, or go on to the next element.
                var next = false
                while let container = open.last, !next {
                    if peek == UInt8(ascii: ",") {
                        index += 1
                        if container == .object { guard member() else { return false } }
                        next = true
                    } else if peek == UInt8(ascii: container == .array ? "]" : "}") {
                        index += 1
                        open.removeLast()
                    } else {
                        return false
                    }
                }
                if !next { return true }
            }
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// `"key":` of an object member.
        private mutating func member() -> Bool {
            guard peek == UInt8(ascii: "\""), string(), peek == UInt8(ascii: ":") else { return false }
            index += 1
            return true
        }

        private mutating func literal(_ word: String) -> Bool {
            for byte in word.utf8 {
                guard peek == byte else { return false }
                index += 1
            }
            return true
        }

        private mutating func string() -> Bool {
            index += 1
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { return false }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = peek, isHexDigit(hex) else { return false }
                            index += 1
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        return false
                    }
                case 0..<0x20: return false
                default: continue
                }
            }
            return false
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        private mutating func number() -> Bool {
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                return false
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        private mutating func digits() -> Int {
            let start = index
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
            default: false
            }
        }
    }
}
