/// An RFC 6902 JSON Patch: operations applied in order, all or nothing.
public struct JSONPatch: Sendable, Hashable {
    public enum Operation: Sendable, Hashable {
        case add(JSONPointer, JSONValue)
        case remove(JSONPointer)
        case replace(JSONPointer, JSONValue)
        case move(from: JSONPointer, to: JSONPointer)
        case copy(from: JSONPointer, to: JSONPointer)
        case test(JSONPointer, JSONValue)
    }

    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public var operations: [Operation]

    public init(_ operations: [Operation]) { self.operations = operations }

    /// Reads an RFC 6902 document: an array of `{"op": ..., "path": ..., "value"/"from": ...}`.
    /// Members other than those (such as a comment) are ignored.
    public init(json: JSONValue) throws(Failure) {
        guard let array = json.array else { throw Failure("a JSON Patch is an array of operations") }
        var operations: [Operation] = []
        for member in array {
            guard let op = member["op"]?.string else { throw Failure("an operation without \"op\"") }
            guard let pathText = member["path"]?.string, let path = JSONPointer(pathText) else {
                throw Failure("\(op): missing or invalid \"path\"")
            }
            func value() throws(Failure) -> JSONValue {
                guard let value = member["value"] else { throw Failure("\(op) \(path): missing \"value\"") }
                return value
            }
            func from() throws(Failure) -> JSONPointer {
                guard let text = member["from"]?.string, let from = JSONPointer(text) else {
                    throw Failure("\(op) \(path): missing or invalid \"from\"")
                }
                return from
            }
            switch op {
            case "add": operations.append(.add(path, try value()))
            case "remove": operations.append(.remove(path))
            case "replace": operations.append(.replace(path, try value()))
            case "move": operations.append(.move(from: try from(), to: path))
            case "copy": operations.append(.copy(from: try from(), to: path))
            case "test": operations.append(.test(path, try value()))
            default: throw Failure("unknown operation \"\(op)\"")
            }
        }
        self.operations = operations
    }

    /// The document with every operation applied; throws on the first that fails (a `test` that
    /// does not match, a path that does not exist), leaving nothing applied.
    public func apply(to document: JSONValue) throws(Failure) -> JSONValue {
        var document = document
        for operation in operations {
            switch operation {
            case .add(let path, let value):
                document = try Self.add(value, at: path.tokens[...], in: document, pointer: path)
            case .remove(let path):
                document = try Self.remove(at: path.tokens[...], in: document, pointer: path).document
            case .replace(let path, let value):
                guard !path.tokens.isEmpty else {
                    document = value
                    continue
                }
                let rest = try Self.remove(at: path.tokens[...], in: document, pointer: path).document
                document = try Self.add(value, at: path.tokens[...], in: rest, pointer: path)
            case .move(let from, let to):
                let (rest, moved) = try Self.remove(at: from.tokens[...], in: document, pointer: from)
                document = try Self.add(moved, at: to.tokens[...], in: rest, pointer: to)
            case .copy(let from, let to):
                guard let value = from.value(in: document) else { throw Failure("copy: \(from) does not exist") }
                document = try Self.add(value, at: to.tokens[...], in: document, pointer: to)
            case .test(let path, let expected):
                guard let actual = path.value(in: document) else { throw Failure("test: \(path) does not exist") }
                guard actual == expected else { throw Failure("test: \(path) is not the expected value") }
            }
        }
        return document
    }

    private static func add(_ value: JSONValue, at tokens: ArraySlice<String>, in document: JSONValue,
                            pointer: JSONPointer) throws(Failure) -> JSONValue {
        guard let token = tokens.first else { return value }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[token] = value
            } else {
                guard let child = members[token] else { throw Failure("\(pointer): '\(token)' does not exist") }
                members[token] = try add(value, at: rest, in: child, pointer: pointer)
            }
            return .object(members)
        case .array(var elements):
            if rest.isEmpty {
                if token == "-" {
                    elements.append(value)
                } else if let index = JSONPointer.index(token), index <= elements.count {
                    elements.insert(value, at: index)
                } else {
                    throw Failure("\(pointer): no index '\(token)'")
                }
            } else {
                guard let index = JSONPointer.index(token), index < elements.count else {
                    throw Failure("\(pointer): no index '\(token)'")
                }
                elements[index] = try add(value, at: rest, in: elements[index], pointer: pointer)
            }
            return .array(elements)
        default:
            throw Failure("\(pointer): '\(token)' is inside a scalar")
        }
    }

    private static func remove(at tokens: ArraySlice<String>, in document: JSONValue,
                               pointer: JSONPointer) throws(Failure) -> (document: JSONValue, removed: JSONValue) {
        guard let token = tokens.first else { throw Failure("\(pointer): cannot remove the whole document") }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            guard let child = members[token] else { throw Failure("\(pointer): '\(token)' does not exist") }
            if rest.isEmpty {
                members[token] = nil
                return (.object(members), child)
            }
            let (changed, removed) = try remove(at: rest, in: child, pointer: pointer)
            members[token] = changed
            return (.object(members), removed)
        case .array(var elements):
            guard let index = JSONPointer.index(token), index < elements.count else {
                throw Failure("\(pointer): no index '\(token)'")
            }
            if rest.isEmpty {
                let removed = elements.remove(at: index)
                return (.array(elements), removed)
            }
            let (changed, removed) = try remove(at: rest, in: elements[index], pointer: pointer)
            elements[index] = changed
            return (.array(elements), removed)
        default:
            throw Failure("\(pointer): '\(token)' is inside a scalar")
        }
    }
}
