/// The bytes of one template and the line index over them.
///
/// Line breaks are `\n`, `\r\n` and `\r`. Columns are 1-based and count Unicode scalars, so a
/// multi-byte character before a token moves its column by one, not by its byte length.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [UInt32]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.computeLineStarts(bytes)
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of a byte offset (clamped to the text).
    public func lineColumn(at offset: UInt32) -> LineColumn {
        let offset = Int(min(offset, UInt32(clamping: bytes.count)))
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = Int(lineStarts[low])
        var column = 1
        var index = lineStart
        // A UTF-8 byte order mark is not a column.
        if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = min(3, offset)
        }
        while index < offset {
            // Count every byte that does not continue a UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return LineColumn(line: low + 1, column: column)
    }

    /// The text of a 1-based line without its line break, for snippets.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func computeLineStarts(_ bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(UInt32(truncatingIfNeeded: index + 1))
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(UInt32(truncatingIfNeeded: index + 1))
                }
                index += 1
            }
        }
        return starts
    }
}
