import CFNCore
import CFNLoader
import Testing

/// `validate` and `plan` run their work on every core: a large template is resolved in parts, its
/// rules and schema checks are separate jobs, and a plan runs beside HEAD's checks. What they find
/// is what the same work one job after the other finds, wherever it is in the template.
@Suite struct ParallelValidationTests {
    /// 1,100 functions (more than one part to resolve and several schema jobs), with problems
    /// written into the 701st, 901st and 1,051st.
    static let largeTemplate: String = {
        var text = "Resources:\n"
        for index in 0..<1_100 {
            text += """
                  Fn\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: {ZipFile: 'def handler(e, c): pass'}

                """
            if index == 700 { text += "      Timeout: 0\n" }
            if index == 900 { text += "      Bogus: 1\n" }
            if index == 1_050 { text += "      MemorySize: 64\n" }
        }
        return text
    }()

    static let settings = ValidationSettings(today: "2026-12-06")

    func described(_ findings: [Finding], _ text: String) -> [String] {
        let source = SourceText(bytes: Array(text.utf8))
        return findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-")" }
    }

    @Test func largeTemplateFindingsAreWhereTheyAre() {
        let report = Validator(settings: Self.settings).validate(file: "big.yaml", bytes: Array(Self.largeTemplate.utf8))
        #expect(described(report.findings, Self.largeTemplate) == [
            "template.too-many-resources 3502:3 -",
            "lambda.timeout 4909:16 Fn700",
            "schema.additional-property 6310:7 Fn900",
            "lambda.memory-size 7361:19 Fn1050",
        ])
    }

    @Test func repeatedLogicalIdWithoutPropertiesReadsTheKeptProperties() {
        // `Fn` written twice, only the second time with Properties: both copies read those (the
        // Properties kept for the ID), so the first copy has a Role too, and each copy reports the
        // Timeout and MemorySize it reads (at the second copy's values); the loader reports the repeated key.
        let text = """
            Resources:
              Fn: {Type: AWS::Lambda::Function}
              Fn:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.12, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}, Timeout: 0, MemorySize: 64}

            """
        let report = Validator(settings: Self.settings).validate(file: "repeated.yaml", bytes: Array(text.utf8))
        #expect(described(report.findings, text).filter { !$0.hasPrefix("yaml.") && !$0.hasPrefix("resource.") } == [
            "lambda.timeout 5:132 Fn", "lambda.timeout 5:132 Fn",
            "lambda.memory-size 5:147 Fn", "lambda.memory-size 5:147 Fn",
        ])
        #expect(!report.findings.contains { $0.rule == "lambda.role" })
    }

    @Test func checksOnBothCoresFindWhatTheyFindOneAfterTheOther() throws {
        let validator = Validator(settings: Self.settings)
        let prepared = validator.prepare(file: "big.yaml", bytes: Array(Self.largeTemplate.utf8))
        let context = try #require(prepared.resolved)
        // Each resource's resolved Properties are those of its own node, in order.
        let first = try #require(context.properties["Fn0"]?.entries).map(\.key)
        #expect(first == ["Runtime", "Handler", "Role", "Code"])
        #expect(context.properties["Fn700"]?["Timeout"]?.text == "0")
        #expect(context.properties["Fn1050"]?["MemorySize"]?.text == "64")
        #expect(context.properties.count == 1_100)

        let checks = validator.checks(of: prepared)
        let oneAfterTheOther = validator.report(prepared, checked: checks.map { $0() })
        let onBothCores = validator.check(prepared)
        #expect(onBothCores.findings == oneAfterTheOther.findings)
        #expect(onBothCores.findings.count == 4)
    }

    /// Over 256 KiB (so the line index is built beside the parse and `validate` frees in the
    /// background), with parameters, conditions and intrinsics in every function, and problems in
    /// the 801st (an undefined Ref), 1,201st (an attribute functions do not have) and 1,301st (a
    /// Timeout of 0 when IsProd) of 1,400.
    static let largeTemplateWithIntrinsics: String = {
        var text = """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}

            """
        for index in 0..<1_400 {
            let reference = index == 800 ? "Missing" : "Stage"
            let attribute = index == 1_200 ? "Bogus" : "Arn"
            let timeout = index == 1_300 ? "0" : "30"
            text += """
                  Fn\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Role: !GetAtt Role.\(attribute)
                      Code: {ZipFile: 'def handler(e, c): pass'}
                      Timeout: !If [IsProd, \(timeout), 60]
                      Environment: {Variables: {STAGE: !Ref \(reference), NAME: !Sub '${AWS::StackName}-fn\(index)'}}

                """
        }
        return text
    }()

    @Test func largeTemplateWithIntrinsicsFindingsAreWhereTheyAre() throws {
        let bytes = Array(Self.largeTemplateWithIntrinsics.utf8)
        #expect(bytes.count >= Validator.backgroundFreeSize)
        let validator = Validator(settings: Self.settings)
        let report = validator.validate(file: "big.yaml", bytes: bytes)
        // Stage has no default, so IsProd may hold and either Timeout may be deployed.
        #expect(described(report.findings, Self.largeTemplateWithIntrinsics) == [
            "template.too-many-resources 4501:3 -",
            "reference.undefined 7218:45 Fn800",
            "lambda.role 10815:26 Fn1200",
            "reference.attribute 10815:26 Fn1200",
            "lambda.timeout 11717:29 Fn1300",
        ])
        #expect(report.findings.first { $0.rule == "lambda.timeout" }?.message.hasSuffix("(when IsProd)") == true)
        let prepared = validator.prepare(file: "big.yaml", bytes: bytes)
        let oneAfterTheOther = validator.report(prepared, checked: validator.checks(of: prepared).map { $0() })
        #expect(report.findings == oneAfterTheOther.findings)
    }

    /// The rules that read intrinsic calls and references share what the first of them finds; on
    /// both cores they start before, beside and after it. A resource that exists only when IsProd is
    /// referenced by the 1,001st of 1,200 functions unconditionally, and the 1,101st and a role
    /// refer to each other.
    @Test func referenceRulesOnBothCoresFindWhatTheyFindOneAfterTheOther() throws {
        var text = """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Topic: {Type: AWS::SNS::Topic, Condition: IsProd}
              Loop:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                  Path: !Sub '/${Fn1100}/'

            """
        for index in 0..<1_200 {
            let topic = index == 1_000 ? "!Ref Topic" : "!If [IsProd, !Ref Topic, none]"
            let role = index == 1_100 ? "!GetAtt Loop.Arn" : "arn:aws:iam::123456789012:role/r"
            text += """
                  Fn\(index):
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Role: \(role)
                      Code: {ZipFile: 'def handler(e, c): pass'}
                      Environment: {Variables: {TOPIC: \(topic), NAME: !Sub '${AWS::StackName}-fn\(index)'}}

                """
        }
        let validator = Validator(settings: Self.settings)
        let report = validator.validate(file: "big.yaml", bytes: Array(text.utf8))
        // The cycle at Loop's `${Fn1100}` (Loop comes first); the 501st resource (Fn498) is one too
        // many; Fn1000's `!Ref Topic` at its name.
        #expect(described(report.findings, text) == [
            "reference.cycle 11:22 Loop",
            "template.too-many-resources 3996:3 -",
            "reference.conditional-target 8019:45 Fn1000",
        ])
        let prepared = validator.prepare(file: "big.yaml", bytes: Array(text.utf8))
        let oneAfterTheOther = validator.report(prepared, checked: validator.checks(of: prepared).map { $0() })
        #expect(report.findings == oneAfterTheOther.findings)
    }

    @Test func unreadableTemplateHasNoChecks() {
        let validator = Validator(settings: Self.settings)
        let prepared = validator.prepare(file: "bad.yaml", bytes: Array("Resources: [".utf8))
        #expect(prepared.resolved == nil)
        #expect(validator.checks(of: prepared).isEmpty)
        #expect(validator.check(prepared).findings.map(\.rule) == ["yaml.syntax"])
    }

    @Test func planBesideTheChecksIsThePlanAfterThem() throws {
        let base = Self.largeTemplate
        let head = Self.largeTemplate.replacingOccurrences(of: "      Timeout: 0\n", with: "      Timeout: 30\n")
            .replacingOccurrences(of: "  Fn3:\n", with: "  Renamed3:\n")
        let validator = Validator(settings: Self.settings)
        let baseContext = try #require(validator.prepare(file: "base.yaml", bytes: Array(base.utf8)).resolved)
        let prepared = validator.prepare(file: "head.yaml", bytes: Array(head.utf8))
        let (report, plan) = Planner().plan(base: baseContext, head: prepared, validator: validator)
        let made = try #require(plan)

        let sequential = Planner().plan(base: baseContext, head: try #require(prepared.resolved),
                                        headFindings: validator.report(prepared, checked: validator.checks(of: prepared).map { $0() }).findings)
        #expect(made == sequential)
        #expect(Array(made.findings.prefix(report.findings.count)) == report.findings)
        #expect(described(report.findings, head) == [
            "template.too-many-resources 3502:3 -",
            "schema.additional-property 6310:7 Fn900",
            "lambda.memory-size 7361:19 Fn1050",
        ])
        let changed = made.changes.filter { $0.action != .none }.map { "\($0.action) \($0.logicalId)" }
        #expect(changed == ["delete Fn3", "update Fn700", "create Renamed3"])
    }

    @Test func unreadableHeadHasNoPlan() throws {
        let validator = Validator(settings: Self.settings)
        let prepared = validator.prepare(file: "head.yaml", bytes: Array("Resources: [".utf8))
        let (report, plan) = Planner().plan(base: nil, head: prepared, validator: validator)
        #expect(plan == nil)
        #expect(report.findings.map(\.rule) == ["yaml.syntax"])
    }

    @Test func sectionsAndAttributesReadAsTheirMaps() throws {
        let text = """
            AWSTemplateFormatVersion: "2010-09-09"
            Conditions: {C: !Equals [a, b]}
            Outputs: {O: {Value: x}}
            Resources:
              R:
                Type: AWS::Lambda::Function
                Condition: C
                DependsOn: [S]
                Metadata: {}
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
                Properties: {}
              S: {Type: AWS::SNS::Topic}

            """
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        for section in Template.Section.allCases {
            #expect(template.section(section) == template.sections[section], "\(section)")
        }
        #expect(template.sections.count == 4)
        let resource = try #require(template.resource(named: "R"))
        for attribute in Resource.Attribute.allCases {
            #expect(resource[attribute] == resource.attributes[attribute], "\(attribute)")
        }
        #expect(resource.attributes.count == 7)
        #expect(resource.properties == resource.attributes[.properties])
    }
}
