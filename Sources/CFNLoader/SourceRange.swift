/// A half-open range of byte offsets into a template's bytes.
///
/// Offsets stay bytes until output; `SourceText` turns them into 1-based lines and columns.
public struct SourceRange: Hashable, Sendable, Comparable {
    public var start: UInt32
    public var end: UInt32

    public init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) {
        self.init(start: UInt32(clamping: range.lowerBound), end: UInt32(clamping: range.upperBound))
    }

    public static let zero = SourceRange(start: 0, end: 0)

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// A 1-based line and column. Columns count Unicode scalars from the start of the line.
public struct LineColumn: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: LineColumn, rhs: LineColumn) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}
