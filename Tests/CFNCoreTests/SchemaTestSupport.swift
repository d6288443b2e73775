import CFNCore
import CFNLoader

/// Validates every resource's `Properties` (read as written, with `Resolved(literal:in:)`) against
/// its schema, and lists the findings as `rule line:column message`.
func schemaFindings(_ text: String, when reached: Guard = .always,
                    oracle: any ConditionOracle = UnconstrainedConditions(),
                    library: SchemaLibrary = .shared) -> [String] {
    let loaded = LoadedTemplate(bytes: Array(text.utf8))
    guard let template = loaded.template else { return ["no template"] }
    let validator = SchemaValidator(library: library)
    return template.resources.flatMap { resource -> [String] in
        guard let type = resource.type else { return [] }
        let properties = resource.properties.map { Resolved(literal: $0, in: template.tree) }
        return validator.validate(resourceType: type, properties: properties, resource: resource, when: reached,
                                  oracle: oracle, tree: template.tree)
            .map { "\($0.rule) \(loaded.source.lineColumn(at: $0.range.start)) \($0.message)" }
    }
}

/// A valid function (Role on line 5, Code on line 6) with more properties from line 7, each line
/// indented by six spaces in the template.
func function(_ lines: String...) -> String {
    """
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Role: arn:aws:iam::123456789012:role/service
          Code: {ZipFile: "def handler(e, c): pass"}

    """ + lines.map { "      " + $0 + "\n" }.joined()
}

/// A resource of `type` whose properties start on line 5, indented by six spaces.
func resource(_ type: String, _ lines: String...) -> String {
    """
    Resources:
      R:
        Type: \(type)
        Properties:

    """ + lines.map { "      " + $0 + "\n" }.joined()
}

/// An oracle for tests: the listed guards are impossible, as is `C and not C`.
struct ImpossibleConditions: ConditionOracle {
    var impossible: [Guard]

    func isSatisfiable(_ conditions: Guard) -> Bool {
        !conditions.isContradictory && !impossible.contains { Set($0.literals).isSubset(of: Set(conditions.literals)) }
    }
}
