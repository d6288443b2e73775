import CFNCore

/// The `Fn::Sub` string parser on the bytes as a UTF-8 string, against a reference written
/// differently (searching the UTF-8 view for `${` and `}` instead of stepping byte by byte).
///
/// Invariants: the parser fails exactly when the reference finds a `${` never closed or an empty
/// `${ }`, at the same offset, which is the offset of a `${` in the string; on success its parts equal
/// the reference's: no empty or adjacent text parts, each variable trimmed of spaces, non-empty, at
/// the offset of its name after `${`; and re-joining the parts (variables as written) gives the input
/// with every `${!x}` unescaped to `${x}`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let string = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let utf8 = Array(string.utf8)
    let expected = ReferenceSub(utf8)
    switch SubTemplate.parse(string) {
    case .failure(let error):
        invariant(expected.failure == error.offset, "failed at \(error.offset); the reference \(expected.failure.map { "at \($0)" } ?? "succeeds")")
        invariant(error.offset + 1 < utf8.count && utf8[error.offset] == 0x24 && utf8[error.offset + 1] == 0x7B,
                  "error offset \(error.offset) is not at a '${'")
        invariant(!error.message.isEmpty, "error without a message")
    case .success(let sub):
        invariant(expected.failure == nil, "succeeded; the reference fails at \(expected.failure ?? -1)")
        invariant(sub.parts == expected.parts, "parts \(sub.parts) differ from the reference's \(expected.parts)")
        var joined: [UInt8] = []
        var previousWasText = false
        for part in sub.parts {
            switch part {
            case .text(let text):
                invariant(!text.isEmpty && !previousWasText, "empty or adjacent text parts: \(sub.parts)")
                joined += text.utf8
                previousWasText = true
            case .variable(let name, let offset):
                invariant(offset >= 2 && offset <= utf8.count && utf8[offset - 2] == 0x24 && utf8[offset - 1] == 0x7B,
                          "variable '\(name)' at offset \(offset), which does not follow a '${'")
                guard let close = utf8[offset...].firstIndex(of: 0x7D) else {
                    invariant(false, "variable '\(name)' at \(offset) is never closed")
                    return 0
                }
                let written = utf8[offset..<close]
                invariant(!name.isEmpty && name.utf8.first != 0x20 && name.utf8.last != 0x20, "variable name '\(name)'")
                invariant(written.firstRange(of: Array(name.utf8)) != nil, "variable '\(name)' is not what is written there")
                joined += Array("${".utf8) + written + [0x7D]
                previousWasText = false
            }
        }
        invariant(joined == expected.unescaped, "re-joined parts differ from the unescaped input")
    }
    return 0
}

/// What `Fn::Sub` makes of a string, found by searching rather than stepping.
struct ReferenceSub {
    var parts: [SubTemplate.Part] = []
    /// The string with `${!x}` as `${x}`.
    var unescaped: [UInt8] = []
    /// The offset of the `${` that is not closed or empty.
    var failure: Int?

    init(_ utf8: [UInt8]) {
        var text: [UInt8] = []
        var rest = utf8[...]
        let open: [UInt8] = [0x24, 0x7B]
        while let found = rest.firstRange(of: open) {
            text += rest[..<found.lowerBound]
            unescaped += rest[..<found.lowerBound]
            guard let close = rest[found.upperBound...].firstIndex(of: 0x7D) else {
                failure = found.lowerBound
                return
            }
            let inside = rest[found.upperBound..<close]
            if inside.first == 0x21 {
                text += open + inside.dropFirst() + [0x7D]
                unescaped += open + inside.dropFirst() + [0x7D]
            } else {
                let name = Array(inside.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
                guard !name.isEmpty else {
                    failure = found.lowerBound
                    return
                }
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text = []
                parts.append(.variable(String(decoding: name, as: UTF8.self), offset: found.upperBound))
                unescaped += open + inside + [0x7D]
            }
            rest = rest[(close + 1)...]
        }
        text += rest
        unescaped += rest
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
    }
}
