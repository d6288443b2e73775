import CFNLoader

extension NodeTree {
    /// The range in the source of bytes `offset..<offset+length` of a scalar's text, when the text
    /// is written out verbatim on one line (plain, or quoted without escapes); else the scalar's range.
    public func sourceRange(ofText offset: Int, length: Int, in node: NodeID) -> SourceRange {
        let whole = range(node)
        guard let text = bytes(node), let style = style(node) else { return whole }
        let written = Int(whole.end - whole.start)
        let opening: Int
        switch style {
        case .plain where written == text.count: opening = 0
        case .singleQuoted where written == text.count + 2, .doubleQuoted where written == text.count + 2: opening = 1
        default: return whole
        }
        let start = whole.start + UInt32(opening + offset)
        return SourceRange(start: start, end: start + UInt32(length))
    }
}
