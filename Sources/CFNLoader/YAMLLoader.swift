import CYAML

/// What loading a template's bytes produced: a tree when the text could be read, and every problem
/// found on the way. A fatal diagnostic means the tree is missing or holds only what came before it.
public struct LoadResult: Sendable {
    public var tree: NodeTree?
    public var diagnostics: [LoadDiagnostic]
}

/// Reads YAML and JSON templates through the system libyaml in one pass over its events.
///
/// This is the only file that imports the C module: no `yaml_*` type appears in any other
/// signature. It never throws and never traps on input; bad input becomes `LoadDiagnostic`s.
public enum YAMLLoader {
    /// Loads `bytes` into a `NodeTree`, with every problem found as a diagnostic.
    public static func load(_ bytes: [UInt8], limits: LoaderLimits = .default) -> LoadResult {
        if bytes.count > limits.maxBytes {
            return LoadResult(tree: nil, diagnostics: [LoadDiagnostic(
                kind: .tooLarge, range: SourceRange(start: 0, end: 0),
                message: "file is \(bytes.count) bytes; templates over \(limits.maxBytes) bytes are not loaded",
                isFatal: true)])
        }
        if let encoding = nonUTF8Encoding(bytes) {
            return LoadResult(tree: nil, diagnostics: [LoadDiagnostic(
                kind: .invalidCharacter, range: SourceRange(start: 0, end: 2),
                message: "file is \(encoding); templates must be UTF-8", isFatal: true)])
        }
        if bytes.isEmpty {
            return LoadResult(tree: nil, diagnostics: [emptyDiagnostic(at: 0)])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(buffer: buffer, limits: limits)
            builder.run()
            return builder.result()
        }
    }

    /// A raw pass over libyaml's events that keeps nothing: the reference the loader is measured against.
    /// Returns the number of events, or -1 on a parse error.
    public static func countEvents(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer {
                parser.deallocate()
                event.deallocate()
            }
            guard yaml_parser_initialize(parser) != 0 else { return -1 }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, base, buffer.count)
            var count = 0
            while true {
                guard yaml_parser_parse(parser, event) != 0 else { return -1 }
                count += 1
                let done = event.pointee.type == YAML_STREAM_END_EVENT
                yaml_event_delete(event)
                if done { return count }
            }
        }
    }

    static func emptyDiagnostic(at offset: UInt32) -> LoadDiagnostic {
        LoadDiagnostic(kind: .empty, range: SourceRange(start: offset, end: offset),
                       message: "template is empty: expected a mapping with a Resources section", isFatal: true)
    }

    private static func nonUTF8Encoding(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE (byte order mark FF FE)" }
        if bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE (byte order mark FE FF)" }
        return nil
    }
}

/// An open mapping or sequence while its events arrive.
private struct Frame {
    var kind: NodeKind
    var start: UInt32
    /// Index in `TreeBuilder.pending` where this container's children begin.
    var pendingStart: Int
    var anchor: String?
    var function: IntrinsicFunction?
    /// Node count and alias expansion when the container opened: their growth until it closes is
    /// what an alias to it expands to.
    var recordsAtOpen: Int
    var expansionAtOpen: Int
}

/// The event loop. Children of open containers wait on `pending`; a closing container moves its
/// slice of `pending` into `NodeTree.children` in one copy, so the tree is built without recursion.
private struct TreeBuilder {
    let buffer: UnsafeBufferPointer<UInt8>
    let limits: LoaderLimits
    var tree = NodeTree()
    var diagnostics: [LoadDiagnostic] = []
    var pending: [NodeID] = []
    var frames: [Frame] = []
    var anchors: [String: (node: NodeID, weight: Int)] = [:]
    var aliasExpansion = 0
    var documents = 0
    var stopped = false
    var offsets: CharacterOffsets
    var lineStarts: [UInt32]?

    init(buffer: UnsafeBufferPointer<UInt8>, limits: LoaderLimits) {
        self.buffer = buffer
        self.limits = limits
        self.offsets = CharacterOffsets(buffer)
        tree.records.reserveCapacity(buffer.count / 10)
        tree.text.reserveCapacity(buffer.count / 3)
        tree.children.reserveCapacity(buffer.count / 10)
    }

    func result() -> LoadResult {
        LoadResult(tree: tree.root == nil ? nil : tree, diagnostics: diagnostics)
    }

    mutating func run() {
        guard let base = buffer.baseAddress else { return }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) != 0 else {
            fatal(.syntax, at: 0, "libyaml could not allocate a parser")
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, buffer.count)

        while !stopped {
            guard yaml_parser_parse(parser, event) != 0 else {
                reportParserError(parser.pointee)
                return
            }
            let done = event.pointee.type == YAML_STREAM_END_EVENT
            handle(event.pointee)
            yaml_event_delete(event)
            if done { break }
        }
    }

    // MARK: Events

    mutating func handle(_ event: yaml_event_t) {
        let start = offsets.byteOffset(event.start_mark.index)
        let end = offsets.byteOffset(event.end_mark.index)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fatal(.multipleDocuments, at: start, end: max(end, start + 3),
                      "a template is one YAML document; a second document starts here")
            }
        case YAML_DOCUMENT_END_EVENT:
            // A document with no content is one empty plain scalar (`---` alone).
            if let root = pending.first, tree.records[root.index].kind != .scalar || tree.records[root.index].count > 0
                || tree.records[root.index].style != .plain {
                tree.root = root
            } else {
                stopped = true
                diagnostics.append(YAMLLoader.emptyDiagnostic(at: start))
            }
        case YAML_STREAM_END_EVENT:
            if documents == 0 {
                diagnostics.append(YAMLLoader.emptyDiagnostic(at: start))
            }
        case YAML_SCALAR_EVENT:
            scalar(event.data.scalar, start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            open(.sequence, start: start, anchor: data.anchor, tag: data.tag, tagEnd: end)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open(.mapping, start: start, anchor: data.anchor, tag: data.tag, tagEnd: end)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close(end: end)
        case YAML_ALIAS_EVENT:
            alias(event.data.alias.anchor, start: start, end: end)
        default:
            break
        }
    }

    mutating func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, start: UInt32, end: UInt32) {
        let tag = classifyTag(data.tag, start: start, end: end)
        let hasProperties = data.tag != nil || data.anchor != nil
        let valueStart = hasProperties ? skipProperties(from: start, to: end) : start
        let style = scalarStyle(data.style)
        let length = Int(data.length)
        let textOffset = UInt32(truncatingIfNeeded: tree.text.count)
        let recordsBefore = tree.records.count
        if length > 0, let value = data.value {
            tree.text.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
        }
        var node = append(NodeRecord(
            start: valueStart, end: end, payload: textOffset, count: UInt32(truncatingIfNeeded: length),
            kind: .scalar, style: style, flags: tag.explicitString ? NodeRecord.explicitString : 0))
        if let function = tag.function {
            if function == .getAtt, let split = splitGetAtt(node, style: style) {
                node = split
            }
            node = appendIntrinsic(function, argument: node, start: start, end: end)
        }
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = (node, tree.records.count - recordsBefore)
        }
        pending.append(node)
    }

    mutating func open(_ kind: NodeKind, start: UInt32, anchor: UnsafeMutablePointer<yaml_char_t>?,
                       tag: UnsafeMutablePointer<yaml_char_t>?, tagEnd: UInt32) {
        if frames.count >= limits.maxDepth {
            fatal(.depthLimit, at: start,
                  "nesting is deeper than \(limits.maxDepth) levels; templates are not loaded past that depth")
            return
        }
        let tagKind = classifyTag(tag, start: start, end: tagEnd)
        frames.append(Frame(kind: kind, start: start, pendingStart: pending.count,
                            anchor: anchor.map { String(cString: $0) }, function: tagKind.function,
                            recordsAtOpen: tree.records.count, expansionAtOpen: aliasExpansion))
    }

    mutating func close(end: UInt32) {
        guard let frame = frames.popLast() else { return }
        var node: NodeID
        if frame.kind == .mapping {
            node = closeMapping(frame, end: end)
        } else {
            let first = UInt32(truncatingIfNeeded: tree.children.count)
            let count = pending.count - frame.pendingStart
            tree.children.append(contentsOf: pending[frame.pendingStart...])
            node = append(NodeRecord(start: frame.start, end: end, payload: first, count: UInt32(truncatingIfNeeded: count),
                                     kind: .sequence, style: .plain, flags: 0))
        }
        pending.removeLast(pending.count - frame.pendingStart)
        if let function = frame.function {
            node = appendIntrinsic(function, argument: node, start: frame.start, end: end)
        }
        if let anchor = frame.anchor {
            let weight = tree.records.count - frame.recordsAtOpen + aliasExpansion - frame.expansionAtOpen
            anchors[anchor] = (node, weight)
        }
        pending.append(node)
    }

    /// Moves a mapping's entries into the tree: drops non-scalar keys (reported), reports duplicate
    /// keys, and turns a one-entry `Ref` / `Fn::*` / `Condition` mapping into an intrinsic node.
    mutating func closeMapping(_ frame: Frame, end: UInt32) -> NodeID {
        let pairs = pending.count - frame.pendingStart
        var allScalarKeys = true
        var index = frame.pendingStart
        while index < pending.count {
            if tree.records[pending[index].index].kind != .scalar {
                allScalarKeys = false
                break
            }
            index += 2
        }
        if pairs == 2, allScalarKeys, let function = IntrinsicFunction.longForm(keyBytes(pending[frame.pendingStart])) {
            var argument = pending[frame.pendingStart + 1]
            let record = tree.records[argument.index]
            if function != .condition || record.kind == .scalar {
                if function == .getAtt, record.kind == .scalar, let split = splitGetAtt(argument, style: record.style) {
                    argument = split
                }
                return appendIntrinsic(function, argument: argument, start: frame.start, end: end)
            }
        }
        let first = tree.children.count
        if allScalarKeys {
            tree.children.append(contentsOf: pending[frame.pendingStart...])
        } else {
            index = frame.pendingStart
            while index + 1 < pending.count {
                let key = pending[index]
                if tree.records[key.index].kind == .scalar {
                    tree.children.append(key)
                    tree.children.append(pending[index + 1])
                } else {
                    diagnostics.append(LoadDiagnostic(
                        kind: .nonScalarKey, range: tree.range(key),
                        message: "mapping key is a \(describe(key)); CloudFormation keys must be strings",
                        isFatal: false))
                }
                index += 2
            }
        }
        let count = (tree.children.count - first) / 2
        let repeated = reportDuplicateKeys(first: first, count: count)
        return append(NodeRecord(start: frame.start, end: end, payload: UInt32(truncatingIfNeeded: first),
                                 count: UInt32(truncatingIfNeeded: count), kind: .mapping, style: .plain,
                                 flags: repeated ? NodeRecord.repeatedKeys : 0))
    }

    mutating func alias(_ anchor: UnsafeMutablePointer<yaml_char_t>?, start: UInt32, end: UInt32) {
        let name = anchor.map { String(cString: $0) } ?? ""
        guard let target = anchors[name] else {
            fatal(.undefinedAlias, at: start, end: end, "alias '*\(name)' refers to no anchor defined before it")
            return
        }
        aliasExpansion += target.weight
        if aliasExpansion > limits.aliasExpansionBudget {
            fatal(.aliasBudget, at: start, end: end,
                  "aliases expand to more than \(limits.aliasExpansionBudget) nodes (a 'billion laughs' document?); loading stopped")
            return
        }
        pending.append(target.node)
    }

    // MARK: Nodes

    mutating func append(_ record: NodeRecord) -> NodeID {
        tree.records.append(record)
        return NodeID(tree.records.count - 1)
    }

    mutating func appendIntrinsic(_ function: IntrinsicFunction, argument: NodeID, start: UInt32, end: UInt32) -> NodeID {
        append(NodeRecord(start: start, end: end, payload: UInt32(truncatingIfNeeded: argument.rawValue),
                          count: UInt32(function.rawValue), kind: .intrinsic, style: .plain, flags: 0))
    }

    /// `!GetAtt Resource.Attribute.Path` (or `Fn::GetAtt: Resource.Attribute`) as the two-element list
    /// of the long form, split at the first dot.
    /// Returns nil when the text has no dot (left for rules to judge).
    mutating func splitGetAtt(_ scalar: NodeID, style: ScalarStyle) -> NodeID? {
        let record = tree.records[scalar.index]
        let textStart = Int(record.payload)
        let textEnd = textStart + Int(record.count)
        guard let dot = tree.text[textStart..<textEnd].firstIndex(of: 0x2E) else { return nil }
        // In a one-line plain scalar the text is the source, so the parts get their exact ranges.
        let exact = style == .plain && Int(record.end - record.start) == Int(record.count)
        let dotOffset = UInt32(dot - textStart)
        let resource = append(NodeRecord(
            start: record.start, end: exact ? record.start + dotOffset : record.end, payload: record.payload,
            count: dotOffset, kind: .scalar, style: style, flags: 0))
        let attribute = append(NodeRecord(
            start: exact ? record.start + dotOffset + 1 : record.start, end: record.end,
            payload: record.payload + dotOffset + 1, count: record.count - dotOffset - 1,
            kind: .scalar, style: style, flags: 0))
        let first = UInt32(truncatingIfNeeded: tree.children.count)
        tree.children.append(resource)
        tree.children.append(attribute)
        return append(NodeRecord(start: record.start, end: record.end, payload: first, count: 2,
                                 kind: .sequence, style: .plain, flags: 0))
    }

    func keyBytes(_ key: NodeID) -> ArraySlice<UInt8> {
        tree.bytes(key) ?? []
    }

    func describe(_ node: NodeID) -> String {
        switch tree.records[node.index].kind {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .intrinsic: "intrinsic function"
        }
    }

    // MARK: Duplicate keys

    /// Reports keys that repeat among the `count` entries at `first` in `tree.children`, and
    /// returns whether any does. Compares raw bytes: pairwise for small mappings, through a hash
    /// table for large ones.
    mutating func reportDuplicateKeys(first: Int, count: Int) -> Bool {
        guard count > 1 else { return false }
        var duplicates: [(later: NodeID, first: NodeID)] = []
        tree.records.withUnsafeBufferPointer { records in
            tree.text.withUnsafeBufferPointer { text in
                tree.children.withUnsafeBufferPointer { children in
                    let keys = UnsafeBufferPointer(rebasing: children[first..<first + 2 * count])
                    func bytes(_ position: Int) -> UnsafeBufferPointer<UInt8> {
                        let record = records[keys[2 * position].index]
                        return UnsafeBufferPointer(rebasing: text[Int(record.payload)..<Int(record.payload) + Int(record.count)])
                    }
                    func equal(_ a: Int, _ b: Int) -> Bool {
                        let left = bytes(a)
                        let right = bytes(b)
                        guard left.count == right.count else { return false }
                        guard let l = left.baseAddress, let r = right.baseAddress else { return left.count == 0 }
                        return memcmp(l, r, left.count) == 0
                    }
                    if count <= 12 {
                        for later in 1..<count {
                            if let earlier = (0..<later).first(where: { equal($0, later) }) {
                                duplicates.append((keys[2 * later], keys[2 * earlier]))
                            }
                        }
                        return
                    }
                    var seen: [Int: Int] = [:]
                    seen.reserveCapacity(count)
                    for position in 0..<count {
                        var hasher = Hasher()
                        hasher.combine(bytes: UnsafeRawBufferPointer(bytes(position)))
                        let hash = hasher.finalize()
                        if let earlier = seen[hash] {
                            if let match = equal(earlier, position) ? earlier : (0..<position).first(where: { equal($0, position) }) {
                                duplicates.append((keys[2 * position], keys[2 * match]))
                            }
                        } else {
                            seen[hash] = position
                        }
                    }
                }
            }
        }
        for duplicate in duplicates {
            reportDuplicate(duplicate.later, first: duplicate.first)
        }
        return !duplicates.isEmpty
    }

    mutating func reportDuplicate(_ key: NodeID, first: NodeID) {
        let name = tree.string(key) ?? ""
        let firstLine = line(of: tree.range(first).start)
        diagnostics.append(LoadDiagnostic(
            kind: .duplicateKey, range: tree.range(key),
            message: "duplicate key '\(name)' (first at line \(firstLine))", isFatal: false))
    }

    mutating func line(of offset: UInt32) -> Int {
        if lineStarts == nil {
            lineStarts = SourceText.computeLineStarts(Array(buffer))
        }
        guard let starts = lineStarts else { return 1 }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    // MARK: Tags and styles

    struct TagKind {
        var function: IntrinsicFunction?
        var explicitString = false
    }

    mutating func classifyTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, start: UInt32, end: UInt32) -> TagKind {
        guard let tag else { return TagKind() }
        let bytes = UnsafeBufferPointer(start: tag, count: strlen(tag))
        if bytes.count == 1, bytes[0] == 0x21 { return TagKind() }  // "!": the non-specific tag
        if let function = IntrinsicFunction.shortForm(bytes) { return TagKind(function: function) }
        if bytes.elementsEqual("tag:yaml.org,2002:str".utf8) { return TagKind(explicitString: true) }
        let name = String(decoding: bytes, as: UTF8.self)
        let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst(18) : name
        let tagEnd = min(end, start + UInt32(truncatingIfNeeded: shown.utf8.count))
        diagnostics.append(LoadDiagnostic(
            kind: .unknownTag, range: SourceRange(start: start, end: tagEnd),
            message: "unknown tag '\(shown)'; CloudFormation knows !Ref, !GetAtt, !Sub and the other Fn:: short forms",
            isFatal: false))
        return TagKind()
    }

    /// The byte offset after a node's anchor and tag (`&a !Ref x` -> offset of `x`).
    func skipProperties(from start: UInt32, to end: UInt32) -> UInt32 {
        var index = Int(start)
        let limit = min(Int(end), buffer.count)
        while index < limit, buffer[index] == 0x21 || buffer[index] == 0x26 {
            while index < limit, !isBlank(buffer[index]) { index += 1 }
            while index < limit, isBlank(buffer[index]) { index += 1 }
        }
        return UInt32(truncatingIfNeeded: min(index, limit))
    }

    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    func scalarStyle(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    // MARK: Errors

    /// A fatal diagnostic from `start` to `end`, or over the one character at `start` (none at the end of the input).
    mutating func fatal(_ kind: LoadDiagnostic.Kind, at start: UInt32, end: UInt32? = nil, _ message: String) {
        stopped = true
        let limit = UInt32(truncatingIfNeeded: buffer.count)
        diagnostics.append(LoadDiagnostic(kind: kind, range: SourceRange(start: start, end: min(end ?? characterEnd(start), limit)),
                                          message: message, isFatal: true))
    }

    /// The offset after the character that starts at `offset` (after the run of continuation bytes
    /// that follow an invalid byte); `offset` itself at the end of the input.
    func characterEnd(_ offset: UInt32) -> UInt32 {
        var index = Int(offset)
        guard index < buffer.count else { return offset }
        index += 1
        while index < buffer.count, buffer[index] & 0xC0 == 0x80 { index += 1 }
        return UInt32(truncatingIfNeeded: index)
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let offset = UInt32(truncatingIfNeeded: parser.problem_offset)
            let value = parser.problem_value
            let isControl = problem.hasPrefix("control")
            let detail = value < 0 ? "" : isControl ? " (U+\(hex(Int(value), width: 4)))" : " (byte 0x\(hex(Int(value), width: 2)))"
            fatal(.invalidCharacter, at: offset, "\(problem)\(detail)")
            return
        }
        if parser.error == YAML_MEMORY_ERROR {
            fatal(.syntax, at: 0, "libyaml ran out of memory")
            return
        }
        var message = "syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextOffset = offsets.byteOffset(parser.context_mark.index)
            message += " (\(context), from line \(line(of: contextOffset)))"
        }
        fatal(.syntax, at: offsets.byteOffset(parser.problem_mark.index), message)
    }

    func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
