import CFNLoader
import Foundation

/// The values the transform resolves `Ref`s to while it runs: each parameter's given value or
/// `Default` (a `CommaDelimitedList` or `List<…>` split at commas), and the pseudo parameters the
/// settings know. CloudFormation applies the transform with the stack's parameter values, so a
/// value that is neither given nor defaulted is unknown here.
struct LanguageExtensionsParameters {
    enum Value: Equatable {
        case text(String)
        case list([String])
    }

    private(set) var values: [String: Value] = [:]
    /// Parameter names, given a value or not.
    private(set) var declared: Set<String> = []
    /// Parameters of a list type, by name.
    private(set) var listTypes: Set<String> = []

    init(template: Template, settings: ValidationSettings) {
        let tree = template.tree
        for entry in template.entries(of: .parameters) ?? MappingEntries.empty {
            guard let name = tree.string(entry.key) else { continue }
            declared.insert(name)
            let type = tree.kind(entry.value) == .mapping ? tree.value(forKey: "Type", in: entry.value).flatMap { tree.string($0) } : nil
            let isList = type.map { $0 == "CommaDelimitedList" || $0.hasPrefix("List<") } ?? false
            if isList { listTypes.insert(name) }
            // An SSM parameter's value is read at deploy time.
            if type?.hasPrefix("AWS::SSM::Parameter::Value") == true { continue }
            let text = settings.parameters[name]
                ?? (tree.kind(entry.value) == .mapping ? tree.value(forKey: "Default", in: entry.value).flatMap { tree.string($0) } : nil)
            guard let text else { continue }
            values[name] = isList ? .list(Self.split(text)) : .text(text)
        }
        if let region = settings.region {
            values["AWS::Region"] = .text(region)
            values["AWS::Partition"] = .text(SAMParameters.partition(of: region))
        }
        if let account = settings.accountId { values["AWS::AccountId"] = .text(account) }
        if let stack = settings.stackName { values["AWS::StackName"] = .text(stack) }
    }

    /// A `CommaDelimitedList` value's items.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
