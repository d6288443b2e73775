import CFNLoader

/// The argument an intrinsic function takes, as the CloudFormation intrinsic function reference
/// declares it (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).
struct IntrinsicForm {
    /// What one argument may be.
    enum Slot {
        /// A literal string: a name, a delimiter.
        case name
        /// A string, or a function that gives one.
        case text
        /// A whole number (quoted or not), or a function that gives one.
        case number
        /// A list, or a function that gives one.
        case list
        /// A mapping.
        case mapping
        /// Anything.
        case any

        var expected: String {
            switch self {
            case .name: "a string"
            case .text: "a string or a function"
            case .number: "a number or a function"
            case .list: "a list or a function"
            case .mapping: "a mapping"
            case .any: "a value"
            }
        }

        func admits(_ node: NodeID, _ tree: NodeTree) -> Bool {
            switch (self, tree.kind(node)) {
            case (.any, _), (.name, .scalar), (.text, .scalar), (.text, .intrinsic), (.number, .intrinsic),
                 (.list, .sequence), (.list, .intrinsic), (.mapping, .mapping):
                true
            case (.number, .scalar):
                tree.string(node).map { !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } } ?? false
            default:
                false
            }
        }
    }

    /// How the form reads in a message: `[delimiter, [values]]`.
    let shape: String
    /// A form that is one value (`Ref`, `Fn::Base64`), or nil for a list of arguments.
    let single: Slot?
    /// The arguments of a list form, by name, in order.
    let items: [(name: String, slot: Slot)]
    /// Items at the end that may be left out.
    let optionalItems: Int
    /// Whether a function may give the whole list (`Fn::GetAtt` under AWS::LanguageExtensions).
    var takesAFunction = false

    static func single(_ shape: String, _ slot: Slot) -> IntrinsicForm {
        IntrinsicForm(shape: shape, single: slot, items: [], optionalItems: 0)
    }

    static func list(_ shape: String, _ items: [(String, Slot)], optional: Int = 0, takesAFunction: Bool = false) -> IntrinsicForm {
        IntrinsicForm(shape: shape, single: nil, items: items.map { (name: $0.0, slot: $0.1) }, optionalItems: optional,
                      takesAFunction: takesAFunction)
    }

    /// The form of each function the rule checks; nil for the others (condition and rule functions).
    /// AWS::LanguageExtensions lets `Ref` and `Fn::GetAtt` take functions ("you can use intrinsic
    /// functions as a parameter to Ref and Fn::GetAtt", transform-aws-languageextensions) and adds
    /// `Fn::FindInMap`'s fourth item, `{DefaultValue: …}`.
    static func of(_ function: IntrinsicFunction, languageExtensions: Bool) -> IntrinsicForm? {
        switch function {
        case .ref where languageExtensions: .single("a name or a function", .text)
        case .ref: .single("a name (a string)", .name)
        case .getAtt where languageExtensions:
            .list("[resource, attribute] or 'Resource.Attribute'", [("resource", .text), ("attribute", .text)], takesAFunction: true)
        case .getAtt: .list("[resource, attribute] or 'Resource.Attribute'", [("resource", .name), ("attribute", .text)])
        case .sub: .list("a string or [string, {variables}]", [("string", .name), ("variables", .mapping)])
        case .join: .list("[delimiter, [values]]", [("delimiter", .name), ("values", .list)])
        case .select: .list("[index, list]", [("index", .number), ("list", .list)])
        case .split: .list("[delimiter, text]", [("delimiter", .name), ("text", .text)])
        case .if: .list("[condition name, value if true, value if false]", [("condition name", .name), ("value if true", .any), ("value if false", .any)])
        case .findInMap where languageExtensions:
            .list("[map, top-level key, second-level key, {DefaultValue: value}]",
                  [("map", .text), ("top-level key", .text), ("second-level key", .text), ("default", .mapping)], optional: 1)
        case .findInMap: .list("[map, top-level key, second-level key]", [("map", .text), ("top-level key", .text), ("second-level key", .text)])
        case .base64: .single("a string or a function", .text)
        case .cidr: .list("[ipBlock, count, cidrBits]", [("ipBlock", .text), ("count", .number), ("cidrBits", .number)])
        case .getAZs: .single("a region (a string, '' for the stack's) or a function", .text)
        case .importValue: .single("an export name (a string or a function)", .text)
        default: nil
        }
    }
}
