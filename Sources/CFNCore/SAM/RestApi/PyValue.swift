import CFNLoader

/// A value of a Swagger document as aws-sam-translator holds it while it writes one: what matters
/// beyond the JSON is what `str()` of the document shows, since the deployment's logical ID hashes
/// it (`ApiGatewayDeployment.make_auto_deployable`). Text copied from the template is a
/// `Py27UniStr` (shown `u'…'`), text the translator writes a plain `str`; dicts are `Py27Dict`s
/// (iterated in Python 2.7's order) or plain ones (iterated as inserted).
indirect enum PyValue: Sendable {
    case text(String, unicode: Bool, at: SourceRange)
    /// A number, boolean or null, with its Python value and what the output writes.
    case scalar(PythonValue, SAMValue)
    case list([PyValue], at: SourceRange)
    case dict(PyDict)

    /// `_convert_to_py27_type` of a template value: text `Py27UniStr`, mappings `Py27Dict`.
    static func converted(_ value: SAMValue, _ document: SAMDocument) -> PyValue {
        let range = document.range(value)
        if let (function, argument) = document.intrinsic(value) {
            var dict = PyDict(py27: true, at: range)
            dict.set(function.longName, converted(argument, document), unicodeKey: true, keyRange: range)
            return .dict(dict)
        }
        if let entries = document.entries(value) {
            var dict = PyDict(py27: true, at: range)
            for entry in entries { dict.set(entry.key, converted(entry.value, document), unicodeKey: true, keyRange: entry.keyRange) }
            return .dict(dict)
        }
        if let elements = document.elements(value) { return .list(elements.map { converted($0, document) }, at: range) }
        let python = document.python(value)
        if case .string(let text) = python { return .text(text, unicode: true, at: range) }
        return .scalar(python, value)
    }

    static func ref(_ name: String, at range: SourceRange) -> PyValue {
        var dict = PyDict(py27: false, at: range)
        dict.set("Ref", .text(name, unicode: false, at: range))
        return .dict(dict)
    }

    var dict: PyDict? {
        if case .dict(let dict) = self { return dict }
        return nil
    }

    /// The value as the processed template holds it: a mapping of one intrinsic key is the function.
    var sam: SAMValue {
        switch self {
        case .text(let text, _, let range): return .string(text, at: range)
        case .scalar(_, let value): return value
        case .list(let elements, let range): return .list(elements.map(\.sam), at: range)
        case .dict(let dict):
            let entries = dict.orderedEntries
            if entries.count == 1, let function = IntrinsicFunction.longForm(Array(entries[0].key.utf8)) {
                return .intrinsic(function, entries[0].value.sam, at: dict.range)
            }
            return .map(entries.map { SAMEntry($0.key, $0.value.sam, keyRange: $0.keyRange) }, at: dict.range)
        }
    }

    /// Python's `repr()` (as `Py27Dict.__str__` writes its values).
    func repr(into out: inout String) {
        switch self {
        case .text(let text, let unicode, _): out += unicode ? Self.unicodeRepr(text) : Self.stringRepr(text)
        case .scalar(let value, _): out += Self.scalarRepr(value)
        case .list(let elements, _):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                element.repr(into: &out)
            }
            out += "]"
        case .dict(let dict): dict.repr(into: &out)
        }
    }

    var repr: String {
        var out = ""
        repr(into: &out)
        return out
    }

    static func scalarRepr(_ value: PythonValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let text): text
        case .float(let number): "\(number)"
        case .string(let text): unicodeRepr(text)
        case .list, .dict: ""
        }
    }

    /// Python 3's `repr(str)`: single quotes unless the text has one and no double quote.
    static func stringRepr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x7F || isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        return out + String(quote)
    }

    /// `Py27UniStr.__repr__`: `u` and the `repr()` of the text's `unicode_escape` form, its doubled
    /// backslashes made single again.
    static func unicodeRepr(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0x100) {
                    escaped += "\\x" + hex(scalar.value, 2)
                } else if scalar.value >= 0x10000 {
                    escaped += "\\U" + hex(scalar.value, 8)
                } else if scalar.value >= 0x100 {
                    escaped += "\\u" + hex(scalar.value, 4)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        let shown = stringRepr(escaped)
        // `.replace("\\\\", "\\")`: each pair of backslashes, left to right, becomes one.
        var out = "u"
        var pending = false
        for character in shown {
            if character == "\\" {
                if pending { out += "\\" }
                pending.toggle()
                continue
            }
            if pending { out += "\\"; pending = false }
            out.append(character)
        }
        if pending { out += "\\" }
        return out
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `str.isprintable` for a character beyond ASCII: not a control, format, surrogate, private,
    /// unassigned or separator character (the space excepted).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: false
        default: true
        }
    }
}

/// A dict of the Swagger document: its entries, the order Python iterates them in, and whether a
/// deep copy may still reorder it (`Py27Dict.__deepcopy__` adds the keys again in their order, which
/// can change it until the order is one that adding again keeps).
struct PyDict: Sendable {
    struct Entry: Sendable {
        var unicodeKey: Bool
        var keyRange: SourceRange
        var value: PyValue
    }

    let isPy27: Bool
    var range: SourceRange
    /// The keys as inserted, each entry at the same index, and each key's index: a deep copy walks
    /// the entries without hashing a key.
    private var inserted: [String] = []
    private var entries: [Entry] = []
    private var position: [String: Int] = [:]
    private var keys = Py27Keys()
    /// Changed since the last deep copy, or ordered by it differently than before.
    private(set) var dirty = true

    init(py27: Bool, at range: SourceRange) {
        isPy27 = py27
        self.range = range
    }

    var order: [String] { isPy27 ? keys.order : inserted }
    var isEmpty: Bool { inserted.isEmpty }

    var orderedEntries: [(key: String, keyRange: SourceRange, value: PyValue)] {
        order.compactMap { key in position[key].map { (key, entries[$0].keyRange, entries[$0].value) } }
    }

    subscript(_ key: String) -> PyValue? { position[key].map { entries[$0].value } }

    /// `d[key] = value`: a key already there keeps its place and its own object (and `u` prefix).
    mutating func set(_ key: String, _ value: PyValue, unicodeKey: Bool = false, keyRange: SourceRange? = nil) {
        dirty = true
        if let index = position[key] {
            entries[index].value = value
            return
        }
        position[key] = entries.count
        inserted.append(key)
        entries.append(Entry(unicodeKey: unicodeKey, keyRange: keyRange ?? range, value: value))
        if isPy27 { keys.add(key) }
    }

    /// `d.update(other)` with a dict of these plain keys: Python 2.7 sizes the table for them first.
    mutating func merge(_ items: [(String, PyValue)]) {
        if isPy27 { keys.merge(items.map(\.0)) }
        for (key, value) in items { set(key, value) }
    }

    /// `d.setdefault(key, value)`.
    mutating func setDefault(_ key: String, _ value: PyValue, unicodeKey: Bool, keyRange: SourceRange) {
        if position[key] == nil { set(key, value, unicodeKey: unicodeKey, keyRange: keyRange) }
    }

    /// Changes the value at `key` in place (it must be there).
    mutating func update(_ key: String, _ body: (inout PyValue) -> Void) {
        guard let index = position[key] else { return }
        var value = entries[index].value
        dirty = true
        entries[index].value = .text("", unicode: false, at: range)
        body(&value)
        entries[index].value = value
    }

    /// `copy.deepcopy`: each `Py27Dict` re-adds its keys in its order; only what may still change is visited.
    mutating func deepCopy() {
        guard dirty else { return }
        var childDirty = false
        for index in entries.indices where entries[index].value.mayChange {
            var value = entries[index].value
            entries[index].value = .text("", unicode: false, at: range)
            childDirty = value.deepCopy() || childDirty
            entries[index].value = value
        }
        var reordered = false
        if isPy27 { reordered = keys.rebuild() }
        dirty = childDirty || reordered
    }

    func repr(into out: inout String) {
        out += "{"
        for (index, key) in order.enumerated() {
            guard let entry = position[key].map({ entries[$0] }) else { continue }
            if index > 0 { out += ", " }
            out += entry.unicodeKey ? PyValue.unicodeRepr(key) : PyValue.stringRepr(key)
            out += ": "
            entry.value.repr(into: &out)
        }
        out += "}"
    }
}

extension PyValue {
    fileprivate var mayChange: Bool {
        switch self {
        case .dict(let dict): dict.dirty
        case .list: true
        default: false
        }
    }

    /// Deep-copies what may change; whether it may still change.
    fileprivate mutating func deepCopy() -> Bool {
        switch self {
        case .dict(var dict):
            self = .text("", unicode: false, at: dict.range)
            dict.deepCopy()
            self = .dict(dict)
            return dict.dirty
        case .list(var elements, let range):
            self = .text("", unicode: false, at: range)
            var dirty = false
            for index in elements.indices { dirty = elements[index].deepCopy() || dirty }
            self = .list(elements, at: range)
            return dirty
        default:
            return false
        }
    }
}

extension PyValue {
    /// Python's `json.dumps` with its defaults (`", "` and `": "` separators, ASCII only), dicts in
    /// the order Python iterates them.
    func json(into out: inout String) {
        switch self {
        case .text(let text, _, _): Self.jsonString(text, into: &out)
        case .scalar(let value, _):
            switch value {
            case .null: out += "null"
            case .bool(let flag): out += flag ? "true" : "false"
            case .int(let text): out += text
            case .float(let number): out += PythonValue.pythonRepr(number)
            case .string(let text): Self.jsonString(text, into: &out)
            case .list, .dict: out += "null"
            }
        case .list(let elements, _):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                element.json(into: &out)
            }
            out += "]"
        case .dict(let dict):
            out += "{"
            for (index, entry) in dict.orderedEntries.enumerated() {
                if index > 0 { out += ", " }
                Self.jsonString(entry.key, into: &out)
                out += ": "
                entry.value.json(into: &out)
            }
            out += "}"
        }
    }

    var json: String {
        var out = ""
        json(into: &out)
        return out
    }

    static func jsonString(_ text: String, into out: inout String) { PythonValue.writeString(text, to: &out) }
}
