/// A problem found while loading a template's bytes into a `NodeTree`.
///
/// The loader never throws on bad input: everything it cannot accept becomes one of these,
/// with the byte range where it is. `CFNCore` turns them into findings with stable rule ids.
public struct LoadDiagnostic: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// libyaml's scanner or parser rejected the text (YAML or JSON syntax).
        case syntax
        /// Bytes that are not UTF-8, control characters such as NUL, or a UTF-16/32 file.
        case invalidCharacter
        /// The same key twice in one mapping; CloudFormation rejects the template.
        case duplicateKey
        /// A tag that is neither a CloudFormation short form nor a standard YAML tag.
        case unknownTag
        /// An alias to an anchor that is not (yet) defined.
        case undefinedAlias
        /// Aliases would expand the document beyond `LoaderLimits.aliasExpansionBudget` nodes.
        case aliasBudget
        /// Nesting deeper than `LoaderLimits.maxDepth`.
        case depthLimit
        /// A mapping key that is a mapping or a sequence.
        case nonScalarKey
        /// More than one YAML document in the file.
        case multipleDocuments
        /// No document, or a document with no content.
        case empty
        /// The file is larger than `LoaderLimits.maxBytes`.
        case tooLarge
    }

    public var kind: Kind
    public var range: SourceRange
    public var message: String
    /// Whether loading stopped here: a fatal diagnostic leaves no tree, or the tree up to this point.
    public var isFatal: Bool

    public init(kind: Kind, range: SourceRange, message: String, isFatal: Bool) {
        self.kind = kind
        self.range = range
        self.message = message
        self.isFatal = isFatal
    }
}

/// The bounds that keep hostile input from costing unbounded time or memory.
public struct LoaderLimits: Sendable, Hashable {
    /// The deepest nesting of mappings and sequences accepted. CloudFormation templates rarely pass 30.
    public var maxDepth: Int
    /// How many nodes aliases may add to the document in total (a "billion laughs" stops here).
    public var aliasExpansionBudget: Int
    /// The largest file loaded at all.
    public var maxBytes: Int

    public init(maxDepth: Int = 256, aliasExpansionBudget: Int = 1_000_000, maxBytes: Int = 256 << 20) {
        self.maxDepth = maxDepth
        self.aliasExpansionBudget = aliasExpansionBudget
        self.maxBytes = maxBytes
    }

    public static let `default` = LoaderLimits()
}
