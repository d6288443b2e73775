/// Converts libyaml's mark indexes, which count characters, into byte offsets.
///
/// libyaml's `mark.index` counts Unicode characters after any byte order mark. For ASCII text the
/// two are the same; otherwise a cursor walks UTF-8 lead bytes from the last position. Marks arrive
/// nearly in order, so the walk is linear in the file size overall.
struct CharacterOffsets {
    let buffer: UnsafeBufferPointer<UInt8>
    let isASCII: Bool
    let bomLength: Int
    var characterIndex = 0
    var byteIndex: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        self.bomLength = hasBOM ? 3 : 0
        self.byteIndex = bomLength
        var union: UInt8 = 0
        for byte in buffer { union |= byte }
        self.isASCII = union < 0x80
    }

    mutating func byteOffset(_ index: Int) -> UInt32 {
        if isASCII { return UInt32(truncatingIfNeeded: min(index, buffer.count)) }
        let count = buffer.count
        while characterIndex < index, byteIndex < count {
            let lead = buffer[byteIndex]
            byteIndex += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            characterIndex += 1
        }
        while characterIndex > index, byteIndex > bomLength {
            byteIndex -= 1
            while byteIndex > bomLength, byteIndex < count, buffer[byteIndex] & 0xC0 == 0x80 { byteIndex -= 1 }
            characterIndex -= 1
        }
        byteIndex = min(byteIndex, count)
        return UInt32(truncatingIfNeeded: byteIndex)
    }
}
