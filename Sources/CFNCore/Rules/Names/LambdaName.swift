/// The kinds of names and numbers Lambda takes, each with the form and length its API reference
/// documents (https://docs.aws.amazon.com/lambda/latest/api/).
enum LambdaName {
    /// `AWS::Lambda::Function` FunctionName: the name alone. CreateFunction's FunctionName pattern
    /// ends in `([a-zA-Z0-9-_]+)`; cfn-lint E1163 checks `^[a-zA-Z0-9_-]{1,140}$`; the 64-character
    /// limit of a name alone is `lambda.function-name-length`'s.
    case function
    /// A function named by another resource (Version, Alias, Permission, EventSourceMapping,
    /// EventInvokeConfig, Url): a name, a partial ARN (`123456789012:function:name`) or a function
    /// ARN, optionally with a version or alias. CreateAlias, FunctionName: length 1-140, "If you
    /// specify only the function name, it is limited to 64 characters in length", pattern
    /// `(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`.
    case functionReference
    /// `AWS::Lambda::LayerVersion` LayerName. PublishLayerVersion, LayerName: length 1-140, pattern
    /// `(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+`.
    case layer
    /// `AWS::Lambda::Alias` Name. CreateAlias, Name: length 1-128, pattern `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`.
    case alias
    /// A version an alias points to. CreateAlias, FunctionVersion: length 1-1024, pattern `(\$LATEST|[0-9]+)`;
    /// the AWS::Lambda::Alias registry schema (cfn-lint 1.51) also allows `$LATEST.PUBLISHED`.
    case version

    static let functionReferencePattern = #"(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?"#
    static let layerPattern = #"(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+"#
    private static let functionReferenceRegex = SchemaPattern(whole: functionReferencePattern)
    private static let layerRegex = SchemaPattern(whole: layerPattern)

    /// What is wrong with a value of this kind, said of `property`; nil when Lambda accepts it.
    func problem(_ text: String, property: String) -> String? {
        guard let problem = plainProblem(text, property: property) else { return nil }
        // `${AWS::Region}` written without Fn::Sub stays literal text.
        return text.contains("${") ? problem + " (the text has ${…}: did you mean !Sub?)" : problem
    }

    private func plainProblem(_ text: String, property: String) -> String? {
        let length = text.unicodeScalars.count
        let shown = "\(property) '\(text)'"
        switch self {
        case .function:
            if let characters = Self.outsideNameCharacters(text) {
                return "\(shown) has \(characters), which Lambda does not accept in a function name; use letters, digits, hyphens and underscores"
            }
            return length == 0 ? "\(property) is empty; a function name has 1 to 64 characters" : nil
        case .functionReference:
            if length > 140 { return "\(property) is \(length) characters long; Lambda accepts at most 140 (a function ARN) and 64 for a name alone" }
            if Self.functionReferenceRegex.flatMap({ $0.match(text) }) == false {
                return "\(shown) is not a function name, a partial ARN (123456789012:function:name) or a function ARN; a name has only letters, digits, hyphens and underscores"
            }
            if !text.contains(":"), length > 64 { return "\(property) is a function name of \(length) characters; Lambda accepts at most 64" }
            return nil
        case .layer:
            if length > 140 { return "\(property) is \(length) characters long; Lambda accepts at most 140" }
            if Self.layerRegex.flatMap({ $0.match(text) }) == false {
                return "\(shown) is not a layer name or a layer ARN (arn:<partition>:lambda:<region>:<account-id>:layer:<name>); a name has only letters, digits, hyphens and underscores"
            }
            return nil
        case .alias:
            if length > 128 { return "\(property) is \(length) characters long; an alias name has at most 128" }
            if let characters = Self.outsideNameCharacters(text) {
                return "\(shown) has \(characters), which Lambda does not accept in an alias name; use letters, digits, hyphens and underscores"
            }
            if length == 0 { return "\(property) is empty; an alias name has 1 to 128 characters" }
            if text.utf8.allSatisfy({ (48...57).contains($0) }) {
                return "\(shown) is only digits, which Lambda keeps for version numbers; an alias name needs a letter, a hyphen or an underscore"
            }
            return nil
        case .version:
            if text == "$LATEST" || text == "$LATEST.PUBLISHED" || (!text.isEmpty && length <= 1024 && text.utf8.allSatisfy({ (48...57).contains($0) })) { return nil }
            return "\(shown) is not a version: Lambda takes a version number (1, 2, …) or $LATEST"
        }
    }

    /// The characters of a name outside letters, digits, `-` and `_`, as `' ', '/'`; nil when none.
    static func outsideNameCharacters(_ text: String) -> String? {
        var seen: [Character] = []
        for character in text where !(character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")) {
            if !seen.contains(character) { seen.append(character) }
        }
        guard !seen.isEmpty else { return nil }
        let listed = seen.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return seen.count == 1 ? "the character \(listed)" : "the characters \(listed)\(seen.count > 5 ? ", …" : "")"
    }
}
