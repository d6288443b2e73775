import CFNLoader

/// The loader on raw bytes (YAML or JSON).
///
/// Invariants: every diagnostic's range lies within the input and starts and ends on a character
/// boundary (but for invalid bytes), with 1-based line and column; every node's range lies within the input; children and
/// intrinsic arguments are nodes of the tree and mapping keys are scalars; a missing tree comes with a
/// fatal diagnostic; loading the same bytes twice gives the same diagnostics and node count.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = YAMLLoader.load(bytes)
    let source = SourceText(bytes: bytes)
    let count = UInt32(bytes.count)

    func onBoundary(_ offset: UInt32) -> Bool {
        offset >= count || bytes[Int(offset)] & 0xC0 != 0x80
    }

    for diagnostic in result.diagnostics {
        let range = diagnostic.range
        invariant(range.start <= range.end && range.end <= count,
                  "\(diagnostic.kind) diagnostic range \(range.start)..<\(range.end) outside the \(count) bytes")
        // An invalid byte is not a character: its diagnostic points at it, wherever it is.
        invariant(diagnostic.kind == .invalidCharacter || onBoundary(range.start) && onBoundary(range.end),
                  "\(diagnostic.kind) diagnostic range \(range.start)..<\(range.end) splits a UTF-8 character")
        let start = source.lineColumn(at: range.start)
        invariant(start.line >= 1 && start.column >= 1 && start.line <= source.lineCount, "diagnostic at \(start)")
        invariant(!diagnostic.message.isEmpty, "\(diagnostic.kind) diagnostic without a message")
    }

    if let tree = result.tree {
        let nodes = tree.nodeCount
        func isNode(_ node: NodeID) -> Bool { node.rawValue >= 0 && Int(node.rawValue) < nodes }
        invariant(tree.root.map(isNode) ?? false, "tree without a valid root")
        for index in 0..<nodes {
            let node = NodeID(rawValue: Int32(index))
            let range = tree.range(node)
            invariant(range.start <= range.end && range.end <= count,
                      "node \(node) (\(tree.kind(node))) range \(range.start)..<\(range.end) outside the \(count) bytes")
            switch tree.kind(node) {
            case .scalar:
                invariant(tree.string(node) != nil && tree.bytes(node) != nil, "scalar \(node) without text")
            case .sequence:
                invariant(tree.elements(node).allSatisfy(isNode), "sequence \(node) has a child outside the tree")
                invariant(tree.elements(node).count == tree.count(node), "sequence \(node) count")
            case .mapping:
                for entry in tree.entries(node) {
                    invariant(isNode(entry.key) && isNode(entry.value), "mapping \(node) has a child outside the tree")
                    invariant(tree.kind(entry.key) == .scalar, "mapping \(node) has a key of kind \(tree.kind(entry.key))")
                }
            case .intrinsic:
                guard let (_, argument) = tree.intrinsic(node) else {
                    invariant(false, "intrinsic \(node) with an unknown function")
                    continue
                }
                invariant(isNode(argument), "intrinsic \(node) has an argument outside the tree")
            }
        }
    } else {
        invariant(result.diagnostics.contains { $0.isFatal }, "no tree and no fatal diagnostic")
    }

    let again = YAMLLoader.load(bytes)
    invariant(again.diagnostics == result.diagnostics && again.tree?.nodeCount == result.tree?.nodeCount,
              "loading the same bytes twice gave different results")
    return 0
}
