import CFNLoader
import Foundation

/// The functions the transform resolves: `Fn::Length`, `Fn::ToJsonString`, `Fn::FindInMap` with
/// `DefaultValue` or functions in its keys, and functions in `DeletionPolicy`/`UpdateReplacePolicy`.
extension LanguageExtensionsExpander {
    /// `Fn::Length`: the number of items of a list, or of a function that returns one
    /// (a `Ref` to a list parameter, `Fn::Split` of known text).
    func length(_ argument: ExtendedValue, argumentRange: SourceRange, _ range: SourceRange) -> ExtendedValue {
        switch argument {
        case .list(let elements, _):
            return .scalar(String(elements.count), .plain, explicitString: false, range)
        case .scalar, .map:
            error("Fn::Length takes a list or a function that returns one", at: argumentRange)
            return .intrinsic(.length, argument, range)
        case .intrinsic:
            if let items = listItems(argument) { return .scalar(String(items.count), .plain, explicitString: false, range) }
            partial = true
            return .intrinsic(.length, argument, range)
        }
    }

    /// `Fn::ToJsonString`: an object or array as compact JSON text, once nothing in it is left
    /// to resolve at deploy time.
    func toJsonString(_ argument: ExtendedValue, argumentRange: SourceRange, _ range: SourceRange) -> ExtendedValue {
        switch argument {
        case .scalar:
            error("Fn::ToJsonString takes an object or an array", at: argumentRange)
            return .intrinsic(.toJsonString, argument, range)
        case .list, .map:
            if let json = resolvingParameters(argument).json { return .string(json, at: range) }
        case .intrinsic:
            if let items = listItems(argument), let json = ExtendedValue.list(items.map { .string($0, at: range) }, range).json {
                return .string(json, at: range)
            }
        }
        partial = true
        return .intrinsic(.toJsonString, argument, range)
    }

    /// `Fn::FindInMap` resolved when the transform is needed for it (a `DefaultValue`, or a function
    /// among its names) and its names are known: the mapping's value, else the default.
    func findInMap(_ argument: ExtendedValue, argumentRange: SourceRange, _ range: SourceRange) -> ExtendedValue {
        guard case .list(let parts, _) = argument, parts.count == 3 || parts.count == 4 else {
            return .intrinsic(.findInMap, argument, range)
        }
        var fallback: ExtendedValue?
        if parts.count == 4 {
            guard case .map(let entries, _) = parts[3], entries.count == 1, entries[0].key == "DefaultValue" else {
                // The intrinsic.arguments rule reports it, judged with the transform kept.
                partial = true
                return .intrinsic(.findInMap, argument, range)
            }
            fallback = entries[0].value
        }
        let needsTransform = fallback != nil || parts.prefix(3).contains { $0.text == nil }
        guard needsTransform else { return .intrinsic(.findInMap, argument, range) }
        let names = parts.prefix(3).map { $0.text ?? resolvedText($0) }
        guard let map = names[0], let top = names[1], let second = names[2] else {
            partial = true
            return .intrinsic(.findInMap, argument, range)
        }
        if let value = mappingValue(map, top, second) { return value }
        if let fallback { return fallback }
        // CloudFormation fails on a key that is not there; the resolution rules say so.
        return .intrinsic(.findInMap, .list([.string(map, at: parts[0].range), .string(top, at: parts[1].range),
                                             .string(second, at: parts[2].range)], argumentRange), range)
    }

    /// `Mappings[map][top][second]` as written, at its place in `Mappings`.
    private func mappingValue(_ map: String, _ top: String, _ second: String) -> ExtendedValue? {
        guard let mappings = template.section(.mappings), tree.kind(mappings) == .mapping,
              let level1 = tree.value(forKey: map, in: mappings), tree.kind(level1) == .mapping,
              let level2 = tree.value(forKey: top, in: level1), tree.kind(level2) == .mapping,
              let value = tree.value(forKey: second, in: level2) else { return nil }
        return .read(value, tree)
    }

    /// The text a function gives when the transform can know it: a `Ref` to a parameter or
    /// pseudo parameter with a known value.
    func resolvedText(_ value: ExtendedValue) -> String? {
        guard case .intrinsic(.ref, .scalar(let name, _, _, _), _) = value, case .text(let text)? = parameters.values[name] else { return nil }
        return text
    }

    /// The items of a function that returns a known list: a `Ref` to a list parameter with a
    /// value, `Fn::Split` of known text.
    func listItems(_ value: ExtendedValue) -> [String]? {
        guard case .intrinsic(let function, let argument, _) = value else { return nil }
        switch function {
        case .ref:
            guard case .scalar(let name, _, _, _) = argument, case .list(let items)? = parameters.values[name] else { return nil }
            return items
        case .split:
            guard case .list(let parts, _) = argument, parts.count == 2, let delimiter = parts[0].text, !delimiter.isEmpty,
                  let text = parts[1].text ?? resolvedText(parts[1]) else { return nil }
            return text.components(separatedBy: delimiter)
        default:
            return nil
        }
    }

    /// `Ref`s to parameters with known values replaced by them (inside `Fn::ToJsonString`, as
    /// its reference page's example shows).
    private func resolvingParameters(_ value: ExtendedValue) -> ExtendedValue {
        switch value {
        case .scalar: return value
        case .list(let elements, let range): return .list(elements.map(resolvingParameters), range)
        case .map(let entries, let range):
            return .map(entries.map { entry in
                var entry = entry
                entry.value = resolvingParameters(entry.value)
                return entry
            }, range)
        case .intrinsic(_, _, let range):
            if let text = resolvedText(value) { return .string(text, at: range) }
            if let items = listItems(value) { return .list(items.map { .string($0, at: range) }, range) }
            return value
        }
    }

    /// Each resource's `DeletionPolicy` and `UpdateReplacePolicy` given as a function (`Ref`,
    /// `Fn::FindInMap`, `Fn::If`) replaced by its value when known.
    func resolvingPolicies(_ resources: ExtendedValue) -> ExtendedValue {
        guard case .map(var entries, let range) = resources else { return resources }
        for index in entries.indices {
            guard case .map(var attributes, let resourceRange) = entries[index].value else { continue }
            for attribute in attributes.indices where ["DeletionPolicy", "UpdateReplacePolicy"].contains(attributes[attribute].key) {
                let value = attributes[attribute].value
                guard case .intrinsic = value else { continue }
                if let text = policyText(value) {
                    attributes[attribute].value = .string(text, at: value.range)
                } else {
                    partial = true
                }
            }
            entries[index].value = .map(attributes, resourceRange)
        }
        return .map(entries, range)
    }
}
