import CFNCore
import CFNLoader
import Testing

/// Validates text and lists findings as `rule line:column message`.
func findings(_ text: String) -> [String] {
    let report = Validator(rules: [], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start)) \($0.message)" }
}

/// The same, as `rule line:column` only.
func places(_ text: String) -> [String] {
    let report = Validator(rules: [], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start))" }
}

let function = """
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
          Handler: index.handler
          Role: arn:aws:iam::123456789012:role/service
          Code: {ZipFile: "def handler(e, c): pass"}

    """

@Suite struct TemplateStructureTests {
    @Test func validTemplateHasNoFindings() {
        #expect(findings(function).isEmpty)
        #expect(findings("AWSTemplateFormatVersion: '2010-09-09'\nDescription: d\n" + function).isEmpty)
    }

    @Test func modelKeepsSectionsAndResourceAttributes() throws {
        let text = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters: {Stage: {Type: String}}
            Conditions: {IsProd: !Equals [!Ref Stage, prod]}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Condition: IsProd
                DependsOn: [Layer]
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
                Metadata: {a: b}
                Properties: {Handler: x}
              Layer:
                Type: AWS::Lambda::LayerVersion
            Outputs: {Arn: {Value: !GetAtt Fn.Arn}}

            """
        let loaded = LoadedTemplate(bytes: Array(text.utf8))
        #expect(loaded.findings.isEmpty)
        let template = try #require(loaded.template)
        #expect(Set(template.sections.keys) == [.formatVersion, .parameters, .conditions, .resources, .outputs])
        #expect(template.resources.map(\.logicalId) == ["Fn", "Layer"])
        let fn = try #require(template.resource(named: "Fn"))
        #expect(fn.type == "AWS::Lambda::Function")
        #expect(Set(fn.attributes.keys) == [.type, .condition, .dependsOn, .deletionPolicy, .updateReplacePolicy, .metadata, .properties])
        #expect(loaded.source.lineColumn(at: fn.idRange.start) == LineColumn(line: 5, column: 3))
        let condition = try #require(fn[.condition])
        #expect(template.tree.string(condition) == "IsProd")
        #expect(loaded.source.lineColumn(at: template.tree.range(condition).start) == LineColumn(line: 7, column: 16))
        #expect(template.entries(of: .parameters)?.count == 1)
    }

    @Test func topLevelThatIsNotAMapping() {
        #expect(findings("- a\n- b\n") == ["template.not-a-mapping 1:1 template is a list; expected a mapping of sections such as Resources"])
        #expect(findings("just text\n") == ["template.not-a-mapping 1:1 template is a single value; expected a mapping of sections such as Resources"])
    }

    @Test func emptyTemplate() {
        #expect(findings("# nothing here\n") == ["template.empty 2:1 template is empty: expected a mapping with a Resources section"])
    }

    @Test func unknownSectionsAreErrorsWithSuggestions() {
        #expect(places("Resource:\n  A: {Type: T}\n") == ["template.missing-resources 1:1", "template.unknown-section 1:1"])
        #expect(findings("Parameter: {}\n" + function) == ["template.unknown-section 1:1 unknown top-level section 'Parameter' (did you mean 'Parameters'?)"])
        #expect(findings("Extras: {}\n" + function) == ["template.unknown-section 1:1 unknown top-level section 'Extras'"])
    }

    @Test func transformsMayConsumeOtherSections() {
        #expect(findings("Transform: AWS::Serverless-2016-10-31\nGlobals: {Function: {Timeout: 3}}\n" + function).isEmpty)
    }

    @Test func resourcesSectionIsRequiredAndNonEmpty() {
        #expect(findings("Description: x\n") == ["template.missing-resources 1:1 template has no Resources section"])
        #expect(findings("Resources: {}\n") == ["template.missing-resources 1:12 Resources declares no resource"])
        #expect(findings("Resources: [a]\n") == ["template.section-type 1:12 Resources must be a mapping, not a list"])
    }

    @Test func sectionKinds() {
        #expect(places("Description: [a]\nParameters: x\n" + function) == ["template.section-type 1:14", "template.section-type 2:13"])
        #expect(findings("AWSTemplateFormatVersion: 2012-10-17\n" + function)
                == ["template.format-version 1:27 AWSTemplateFormatVersion is '2012-10-17'; the only valid version is '2010-09-09'"])
    }

    @Test func resourceWithoutType() {
        #expect(findings("Resources:\n  Fn:\n    Properties: {}\n") == ["resource.missing-type 2:3 resource 'Fn' has no Type"])
        #expect(findings("Resources:\n  Fn:\n    Type: !Ref T\n") == ["resource.invalid-type 3:11 Type of 'Fn' must be a non-empty string"])
    }

    @Test func resourceThatIsNotAMapping() {
        #expect(findings("Resources:\n  Fn: AWS::Lambda::Function\n")
                == ["resource.not-a-mapping 2:7 resource 'Fn' is a scalar; expected a mapping with Type and Properties"])
    }

    @Test func propertiesMustBeAMappingOrAnIf() {
        #expect(findings("Resources:\n  Fn:\n    Type: T\n    Properties: [a]\n")
                == ["resource.properties-not-mapping 4:17 Properties of 'Fn' must be a mapping, not a list"])
        #expect(findings("Resources:\n  Fn:\n    Type: T\n    Properties: !If [C, {A: 1}, {A: 2}]\n").isEmpty)
    }

    @Test func unknownResourceAttributeHintsAtIndentation() {
        #expect(findings("Resources:\n  Fn:\n    Type: T\n    Properties: {}\n    Handler: x\n")
                == ["resource.unknown-attribute 5:5 'Handler' is not a resource attribute (a property belongs under Properties)"])
    }

    @Test func logicalIdsMustBeAlphanumericAndShort() {
        #expect(findings("Resources:\n  my-fn: {Type: T}\n")
                == ["resource.invalid-logical-id 2:3 logical ID 'my-fn' has characters other than ASCII letters and digits"])
        #expect(places("Resources:\n  Fünf: {Type: T}\n") == ["resource.invalid-logical-id 2:3"])
        let long = String(repeating: "A", count: 256)
        #expect(findings("Resources:\n  \(long): {Type: T}\n")
                == ["resource.invalid-logical-id 2:3 logical ID '\(long)' is 256 characters long (at most 255)"])
        #expect(findings("Resources:\n  \(String(repeating: "A", count: 255)): {Type: T}\n").isEmpty)
    }

    @Test func atMost500Resources() {
        let resources = (1...501).map { "  R\($0): {Type: T}" }.joined(separator: "\n")
        #expect(findings("Resources:\n\(resources)\n")
                == ["template.too-many-resources 502:3 template declares 501 resources; CloudFormation allows at most 500 (the 501st is here)"])
    }

    @Test func loaderProblemsBecomeFindingsWithRuleIds() {
        #expect(places("Resources:\n  A: {Type: T, Type: U}\n") == ["yaml.duplicate-key 2:16"])
        #expect(places("Resources: [\n") == ["yaml.syntax 2:1"])
        #expect(places("Resources:\n  A: {Type: !Foo T}\n") == ["yaml.unknown-tag 2:13"])
    }

    @Test func loaderFindingsArePlacedInTheTemplate() throws {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: [!Ref A, !If [C, !Bad x, !Ref B]]
                  Environment: {Variables: {K: 1, K: 2}}
            Outputs: {O: {Value: !Nope y}}

            """
        let report = Validator(rules: [], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        let placed = report.findings.map { "\($0.rule) \($0.resource ?? "-") \($0.resourceType ?? "-") \($0.pathString ?? "-")" }
        #expect(placed == [
            "yaml.unknown-tag Fn AWS::Lambda::Function Resources/Fn/Properties/Layers/1/Fn::If/1",
            "yaml.duplicate-key Fn AWS::Lambda::Function Resources/Fn/Properties/Environment/Variables/K",
            "yaml.unknown-tag - - Outputs/O/Value",
        ])
    }

    @Test func everyRuleIdIsUniqueAndDescribed() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(RuleCatalog.all.allSatisfy { !$0.summary.isEmpty && !$0.explanation.isEmpty })
        #expect(ids == ids.sorted())
    }
}
