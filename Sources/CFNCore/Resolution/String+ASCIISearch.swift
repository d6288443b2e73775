extension String {
    /// `firstIndex(of:)` for an ASCII character other than CR and LF, without decoding grapheme
    /// clusters while the text before it is ASCII: there each character is one byte (or `\r\n`).
    /// Where the text is not ASCII, the characters decide, as `firstIndex(of:)` does.
    func firstIndex(ofASCII character: Unicode.Scalar) -> Index? {
        let byte = UInt8(ascii: character)
        // The byte offset of the character when it is found in ASCII text; nil when not there; -1
        // when the bytes cannot tell (non-ASCII text, or text not stored as UTF-8).
        let offset: Int? = utf8.withContiguousStorageIfAvailable { bytes in
            for (position, current) in bytes.enumerated() {
                if current >= 0x80 { return -1 }
                guard current == byte else { continue }
                // Followed by a combining mark, it would be part of a larger character.
                return position + 1 == bytes.count || bytes[position + 1] < 0x80 ? position : -1
            }
            return nil
        } ?? -1
        guard let offset else { return nil }
        if offset >= 0 { return utf8.index(utf8.startIndex, offsetBy: offset) }
        return firstIndex(of: Character(character))
    }
}
