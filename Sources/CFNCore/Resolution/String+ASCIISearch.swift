extension String {
    /// `firstIndex(of:)` for an ASCII character other than CR and LF, without decoding grapheme
    /// clusters while the text before it is ASCII: there each character is one byte (or `\r\n`).
    /// Where the text is not ASCII, the characters decide, as `firstIndex(of:)` does.
    func firstIndex(ofASCII character: Unicode.Scalar) -> Index? {
        let byte = UInt8(ascii: character)
        let utf8 = self.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex, utf8[index] < 0x80 {
            let next = utf8.index(after: index)
            if utf8[index] == byte {
                // Followed by a combining mark, it would be part of a larger character.
                if next == utf8.endIndex || utf8[next] < 0x80 { return index }
                break
            }
            index = next
        }
        return index == utf8.endIndex ? nil : firstIndex(of: Character(character))
    }
}
