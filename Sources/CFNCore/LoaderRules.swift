import CFNLoader

/// Rules for problems found while reading a file's bytes as YAML or JSON.
public enum LoaderRules {
    public static let syntax = RuleDescriptor(
        id: "yaml.syntax", severity: .error, summary: "The file is not valid YAML or JSON",
        explanation: "libyaml could not parse the text. The location is where the parser stopped; the message names what it expected.")
    public static let invalidCharacter = RuleDescriptor(
        id: "yaml.invalid-character", severity: .error, summary: "Bytes that are not UTF-8 text",
        explanation: "Templates must be UTF-8 without control characters such as NUL. UTF-16 files and invalid UTF-8 sequences are rejected at the first bad byte.")
    public static let duplicateKey = RuleDescriptor(
        id: "yaml.duplicate-key", severity: .error, summary: "A key appears twice in one mapping",
        explanation: "CloudFormation rejects templates with duplicate keys; YAML parsers that keep the last value hide the mistake.")
    public static let unknownTag = RuleDescriptor(
        id: "yaml.unknown-tag", severity: .error, summary: "A YAML tag CloudFormation does not know",
        explanation: "Only the short forms of intrinsic functions (!Ref, !GetAtt, !Sub, !Join, !Select, !Split, !If, !Equals, !And, !Or, !Not, !Condition, !FindInMap, !ImportValue, !GetAZs, !Base64, !Cidr, !Transform, !Length, !ToJsonString), the rule functions (!Contains, !EachMemberEquals, !EachMemberIn, !RefAll, !ValueOf, !ValueOfAll) and !!str are accepted. Pre-processor tags such as rain's !Rain::Embed must be expanded before deployment.")
    public static let undefinedAlias = RuleDescriptor(
        id: "yaml.undefined-alias", severity: .error, summary: "An alias refers to no anchor",
        explanation: "A YAML alias (*name) must follow the anchor (&name) it refers to.")
    public static let aliasBudget = RuleDescriptor(
        id: "yaml.alias-budget", severity: .error, summary: "Aliases expand to too many nodes",
        explanation: "Aliases that expand to more than a million nodes (a 'billion laughs' document) are refused instead of expanded.")
    public static let depthLimit = RuleDescriptor(
        id: "yaml.depth-limit", severity: .error, summary: "Nesting is too deep",
        explanation: "Mappings and sequences nested deeper than 256 levels are not loaded.")
    public static let nonScalarKey = RuleDescriptor(
        id: "yaml.non-scalar-key", severity: .error, summary: "A mapping key that is not a string",
        explanation: "CloudFormation keys are strings; a mapping, sequence or intrinsic function as a key is dropped and reported.")
    public static let multipleDocuments = RuleDescriptor(
        id: "yaml.multiple-documents", severity: .error, summary: "More than one YAML document in a file",
        explanation: "A template is a single document; only the first is checked.")
    public static let tooLarge = RuleDescriptor(
        id: "file.too-large", severity: .error, summary: "The file is too large to load",
        explanation: "Files over 256 MiB are not loaded.")

    public static let all: [RuleDescriptor] = [
        syntax, invalidCharacter, duplicateKey, unknownTag, undefinedAlias, aliasBudget, depthLimit,
        nonScalarKey, multipleDocuments, tooLarge,
    ]

    static func descriptor(for kind: LoadDiagnostic.Kind) -> RuleDescriptor {
        switch kind {
        case .syntax: syntax
        case .invalidCharacter: invalidCharacter
        case .duplicateKey: duplicateKey
        case .unknownTag: unknownTag
        case .undefinedAlias: undefinedAlias
        case .aliasBudget: aliasBudget
        case .depthLimit: depthLimit
        case .nonScalarKey: nonScalarKey
        case .multipleDocuments: multipleDocuments
        case .empty: TemplateRules.empty
        case .tooLarge: tooLarge
        }
    }
}
