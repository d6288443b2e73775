@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// Resolution and schema checks done while a file loads (`EarlyChecks`) find exactly what the
/// usual path finds, and are used only where they hold for the whole template.
@Suite struct EarlyChecksTests {
    static let settings = ValidationSettings(today: "2026-12-06")

    /// Validates `bytes` with the early work done for certain (`validateFollowingTheLoad`), handed
    /// over every `publicationBytes` bytes; also gives how many resources were resolved early, how
    /// many of the template's resources are the objects the follower read, and how many functions
    /// the function rules judged early with findings the checks take.
    static func validatedEarly(_ bytes: [UInt8], publicationBytes: Int = 1, stopsWhenLoaded: Bool = false,
                               validator: Validator = Validator(settings: settings))
        -> (report: FileReport, early: Int, readEarly: Int, judgedEarly: Int) {
        let (prepared, early) = validator.preparedFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: publicationBytes,
                                                                   stopsWhenLoaded: stopsWhenLoaded)
        let readEarly = prepared.loaded.template?.resources.filter { resource in
            early?.parsedResources.contains { $0.resource === resource } == true
        }.count ?? 0
        if !stopsWhenLoaded {
            #expect(validator.validateFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: publicationBytes).findings
                    == validator.check(prepared).findings)
        }
        let judgedEarly = prepared.context.map { context in
            context.earlyFunctionRules.isEmpty ? 0 : context.lambda.functions.filter { context.earlyFunctionFindings(of: $0.resource) != nil }.count
        } ?? 0
        return (validator.check(prepared), prepared.context?.resolvedEarly ?? 0, readEarly, judgedEarly)
    }

    static func validated(_ bytes: [UInt8], validator: Validator = Validator(settings: settings)) -> FileReport {
        validator.whileLoadingChecked(false).validate(file: "t.yaml", bytes: bytes)
    }

    static let parameters = """
        Parameters:
          Stage: {Type: String, AllowedValues: [dev, prod]}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Mappings:
          Sizes: {dev: {memory: 128}, prod: {memory: 64}}

        """

    static func function(_ name: String, _ extra: String = "") -> String {
        """
          \(name):
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: 'def handler(e, c): pass'}
              MemorySize: !If [IsProd, !FindInMap [Sizes, prod, memory], 256]
        \(extra)
        """
    }

    @Test func resourcesThatNameNoOtherResourceAreDoneEarly() {
        let text = Self.parameters + "Resources:\n" + Self.function("A", "      Timeout: 0\n") + Self.function("B", "      Bogus: 1\n")
            + Self.function("C", "      Description: !Ref Bucket\n") + "  Bucket:\n    Type: AWS::S3::Bucket\n"
        let bytes = Array(text.utf8)
        let (report, early, readEarly, judgedEarly) = Self.validatedEarly(bytes)
        // A, B and the bucket; C names the bucket, which a partial template does not have yet.
        #expect(early == 3)
        // Reading a resource's structure needs only its own nodes: all four.
        #expect(readEarly == 4)
        // The function rules that read only the function judged A and B as they loaded, and the
        // context's model of A and B is the one made then.
        #expect(judgedEarly == 2)
        let (prepared, follower) = Validator(settings: Self.settings).preparedFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: 1)
        let madeEarly = prepared.context?.lambda.functions.filter { function in
            follower?.parsedResources.contains { $0.function === function } == true
        }
        #expect(madeEarly?.map(\.resource.logicalId) == ["A", "B"])
        #expect(report.findings == Self.validated(bytes).findings)
        let rules = report.findings.map { "\($0.rule) \($0.resource ?? "-")" }
        #expect(rules.contains("lambda.timeout A"))
        #expect(rules.contains("schema.additional-property B"))
        #expect(rules.contains("lambda.memory-size A"))
    }

    /// Two resources name the same resource in one batch: the second is told of the miss too,
    /// though the first one's lookup left its value in the resolver's cache. (Without that, the
    /// second kept an unknown without its origin, and lost its bucket versioning finding.)
    @Test func everyResourceThatNamesAnotherIsLeftForTheUsualPath() {
        let code = "      Code: {S3Bucket: !Ref Bucket, S3Key: a.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n"
        let text = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n" + ["F1", "F2"].map { name in
            "  \(name):\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n"
                + "      Role: arn:aws:iam::123456789012:role/r\n" + code
        }.joined()
        let bytes = Array(text.utf8)
        let (report, early, _, _) = Self.validatedEarly(bytes, publicationBytes: 1 << 30)
        #expect(early == 1)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.filter { $0.rule == "lambda.storage-bucket-versioning" }.compactMap(\.resource) == ["F1", "F2"])
    }

    /// `Resources` written twice, the second time with an alias of the first's resource: the same
    /// node at the same position, under another key, which the usual path reads where it is.
    @Test func aResourceReadEarlyIsTakenOnlyUnderItsOwnKey() {
        let text = "Resources:\n  A: &a {Properties: {}}\nResources:\n  A: *a\n"
        let bytes = Array(text.utf8)
        let (report, _, readEarly, _) = Self.validatedEarly(bytes)
        #expect(readEarly == 0)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.contains { $0.rule == "resource.missing-type" && $0.range.start == 49 })
    }

    /// A rule that says it reads only the function but asks for the roles: in a partial template
    /// that is a miss, so what the rules found early is dropped and the function is judged again
    /// once the file is loaded. (Without the miss, the early count would be 0 roles.)
    struct CountsRolesRule: FunctionRule {
        static var readsOnlyTheFunction: Bool { true }
        static let descriptor = RuleDescriptor(id: "test.counts-roles", severity: .info, summary: "Counts roles",
                                               explanation: "A test rule that reads other resources though it says it does not.")
        static let examples = RuleExamples(triggering: [], nonTriggering: [])

        func check(_ context: RuleContext) -> [Finding] {
            let roles = context.resources(ofType: "AWS::IAM::Role").count
            return context.lambda.functions.map { function in
                context.finding(Self.descriptor, "\(roles) roles", at: nil, in: function.resource, path: [])
            }
        }
    }

    @Test func aRuleThatAsksForAnotherResourceJudgesAgainWhenLoaded() {
        let text = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n" + Self.function("A", "      Timeout: 0\n")
            .replacingOccurrences(of: "      MemorySize: !If [IsProd, !FindInMap [Sizes, prod, memory], 256]\n", with: "")
        let bytes = Array(text.utf8)
        let validator = Validator(settings: Self.settings, rules: RuleRegistry.all + [CountsRolesRule()])
        let (report, early, _, judgedEarly) = Self.validatedEarly(bytes, validator: validator)
        #expect(early == 2)
        #expect(judgedEarly == 0)
        #expect(report.findings == Self.validated(bytes, validator: validator).findings)
        #expect(report.findings.filter { $0.rule == "test.counts-roles" }.map(\.message) == ["1 roles"])
        #expect(report.findings.contains { $0.rule == "lambda.timeout" && $0.resource == "A" })
    }

    /// A disabled rule is not run while loading either; the rules that read other resources (the
    /// role rules, the layer rules that read the template's layers) never are.
    @Test func onlyActiveRulesThatReadOnlyTheFunctionRunWhileLoading() {
        let validator = Validator(settings: Self.settings, configuration: Configuration(disabledRules: ["lambda.timeout"]))
        let early = Set(validator.earlyFunctionRules.map { type(of: $0).descriptor.id })
        #expect(!early.contains("lambda.timeout"))
        #expect(early.contains("lambda.memory-size"))
        for id in ["lambda.role", "lambda.vpc-execution-role", "lambda.layer-architecture", "lambda.layer-runtime"] {
            #expect(RuleRegistry.all.contains { type(of: $0).descriptor.id == id })
            #expect(!early.contains(id), "\(id)")
        }
        let text = Self.parameters + "Resources:\n" + Self.function("A", "      Timeout: 0\n")
        let bytes = Array(text.utf8)
        let (report, _, _, judgedEarly) = Self.validatedEarly(bytes, validator: validator)
        #expect(judgedEarly == 1)
        #expect(report.findings == Self.validated(bytes, validator: validator).findings)
        #expect(!report.findings.contains { $0.rule == "lambda.timeout" })
        #expect(report.findings.contains { $0.rule == "lambda.memory-size" })
    }

    /// Early findings made with other rules than the checks run are not taken: the checks judge
    /// every function again.
    @Test func earlyFindingsOfOtherRulesAreNotTaken() {
        let text = Self.parameters + "Resources:\n" + Self.function("A", "      Timeout: 0\n")
        let bytes = Array(text.utf8)
        let following = Validator(settings: Self.settings, configuration: Configuration(disabledRules: ["lambda.timeout"]))
        let (prepared, _) = following.preparedFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: 1)
        let checking = Validator(settings: Self.settings)
        #expect(checking.check(prepared).findings == Self.validated(bytes).findings)
        #expect(checking.check(prepared).findings.contains { $0.rule == "lambda.timeout" })
    }

    /// Two functions share a node through an alias, and one of them names another resource (so it
    /// is judged after the load): the findings at that node, the same rule and message for both,
    /// come in the same order either way. (They came function judged early first.)
    @Test func findingsAtASharedNodeComeInTheSameOrder() {
        let text = """
            Resources:
              Fn1:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: &rt python3.7
                  Timeout: &t 0
                  Environment: {Variables: {TABLE: !Ref Other}}
              Fn2:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: *rt
                  Timeout: *t
              Other: {Type: AWS::IAM::Role, Properties: {}}

            """
        let bytes = Array(text.utf8)
        let (report, _, _, judgedEarly) = Self.validatedEarly(bytes)
        #expect(judgedEarly == 1)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.filter { $0.rule == "lambda.timeout" }.compactMap(\.resource) == ["Fn1", "Fn2"])
        #expect(report.findings.filter { $0.rule == "lambda.runtime-update-blocked" }.compactMap(\.resource) == ["Fn1", "Fn2"])
    }

    /// Every rule's own examples, each with that rule alone and with every rule, handed over at
    /// every entry and all at once: the same findings as without the follower. The examples are
    /// where each rule's reading of a function is exercised, also the rules that say they read
    /// only the function (the follower cannot tell when such a rule reads `properties` or the
    /// layer versions, which a partial context does not have).
    @Test func everyRuleExampleFindsTheSameWhileLoading() {
        var judged = 0
        for rule in RuleRegistry.all {
            let kind = type(of: rule)
            for example in kind.examples.triggering + kind.examples.nonTriggering {
                let bytes = Array(RuleExamplesTests.stripMarkers(example).0.utf8)
                for validator in [Validator(settings: kind.examples.settings, rules: [rule]), Validator(settings: kind.examples.settings)] {
                    let usual = Self.validated(bytes, validator: validator).findings
                    for publicationBytes in [1, 1 << 30] {
                        let (report, _, _, judgedEarly) = Self.validatedEarly(bytes, publicationBytes: publicationBytes, validator: validator)
                        #expect(report.findings == usual, "\(kind.descriptor.id): \(example.prefix(80))")
                        judged += judgedEarly
                    }
                }
            }
        }
        #expect(judged > 100)
    }

    /// What `readsOnlyTheFunction` promises, rule by rule on its own examples: judged in a context
    /// that holds the template's functions with their values and none of its resources (as the
    /// follower's does), the rule finds what it finds in the whole template, and asks for no
    /// resource. (A rule that reads the layer versions or `properties`, which such a context does
    /// not have, fails here: the follower could not tell.)
    @Test func rulesThatReadOnlyTheFunctionNeedNothingElse() throws {
        var checked = 0
        for rule in RuleRegistry.all where type(of: rule).readsOnlyTheFunction {
            let kind = type(of: rule)
            for example in kind.examples.triggering + kind.examples.nonTriggering {
                let bytes = Array(RuleExamplesTests.stripMarkers(example).0.utf8)
                guard let template = LoadedTemplate(bytes: bytes).template else { continue }
                let whole = RuleContext(template: template, settings: kind.examples.settings)
                let lookups = ResourceLookups()
                let partial = RuleContext(partial: Template.partial(tree: template.tree, sections: template.sections, lookups: lookups),
                                          settings: whole.settings, parameters: whole.parameters, conditionSet: whole.conditionSet,
                                          resolver: whole.resolver, cache: RuleContextCache(), functions: whole.lambda.functions)
                #expect(rule.check(partial).sorted(by: Finding.sourceOrder) == rule.check(whole).sorted(by: Finding.sourceOrder),
                        "\(kind.descriptor.id): \(example.prefix(80))")
                #expect(!lookups.missed, "\(kind.descriptor.id): \(example.prefix(80))")
                checked += 1
            }
        }
        #expect(checked > 60)
    }

    @Test func sectionsAfterResourcesOrAgainDiscardTheEarlyWork() {
        let resources = "Resources:\n" + Self.function("A", "      Timeout: 0\n")
        for text in [
            resources + Self.parameters,
            Self.parameters + resources + "Conditions:\n  IsProd: !Equals [a, a]\n",
            Self.parameters + resources + "  A:\n    Type: AWS::Lambda::Function\n",
            "Transform: AWS::Serverless-2016-10-31\n" + Self.parameters + resources,
        ] {
            let bytes = Array(text.utf8)
            let (report, early, _, _) = Self.validatedEarly(bytes)
            #expect(early == 0, "\(text)")
            #expect(report.findings == Self.validated(bytes).findings, "\(text)")
        }
    }

    @Test func aLoadThatStopsMidwayEndsTheFollowerToo() {
        let text = Self.parameters + "Resources:\n" + Self.function("A") + "  B: [unclosed\n" + Self.function("C")
        let bytes = Array(text.utf8)
        let (report, early, _, _) = Self.validatedEarly(bytes)
        #expect(early == 0)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.contains { $0.rule == "yaml.syntax" })
    }

    @Test func theFollowerIsDroppedWhenTheLoadEndsFirst() {
        let progress = LoadProgress(publicationBytes: 1)
        let result = YAMLLoader.load(Array((Self.parameters + "Resources:\n" + Self.function("A")).utf8), progress: progress)
        #expect(result.tree != nil)
        #expect(!progress.follow())
        #expect(EarlyChecks.follow(progress, settings: Self.settings, checksSchemas: true) == nil)
    }

    /// Every template of the corpus and of `templates/`, with handovers at every entry and every
    /// 4 KiB: the same findings as the usual path, and early work on most of them.
    @Test func theCorpusFindsTheSameEitherWay() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let roots = [repository.appendingPathComponent("templates"), repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")]
        var files: [URL] = []
        for root in roots {
            let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in walker where ["yaml", "yml", "json", "template"].contains(url.pathExtension) {
                files.append(url)
            }
        }
        #expect(files.count > 150)
        var withEarlyWork = 0
        var withFunctionsJudgedEarly = 0
        for file in files.sorted(by: { $0.path < $1.path }) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let usual = Self.validated(bytes).findings
            // At every entry, every 4 KiB, all at once (one batch: one resolver for every
            // resource), and stopped when the load ends (wherever the follower is then).
            for (publicationBytes, stops) in [(1, false), (4096, false), (1 << 30, false), (1, true)] {
                let (report, early, _, judged) = Self.validatedEarly(bytes, publicationBytes: publicationBytes, stopsWhenLoaded: stops)
                #expect(report.findings == usual, "\(file.path) (handovers every \(publicationBytes) bytes\(stops ? ", stopped" : ""))")
                if publicationBytes == 1, !stops, early > 0 { withEarlyWork += 1 }
                if publicationBytes == 1, !stops, judged > 0 { withFunctionsJudgedEarly += 1 }
            }
        }
        #expect(withEarlyWork > files.count / 2)
        // 128 of 207 when this was written.
        #expect(withFunctionsJudgedEarly > files.count / 2)
    }

    /// Through `Validator.prepare` itself, on a template large enough that the follower runs
    /// beside the load when a core is free.
    @Test func prepareFindsTheSameWithAndWithoutTheFollower() {
        var text = Self.parameters + "Resources:\n"
        for index in 0..<1_000 {
            text += Self.function("Fn\(index)", index == 500 ? "      Timeout: 0\n" : index == 700 ? "      Bogus: 1\n" : "")
        }
        let bytes = Array(text.utf8)
        #expect(bytes.count >= Validator.earlyChecksSize)
        let report = Validator(settings: Self.settings).validate(file: "t.yaml", bytes: bytes)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.contains { $0.rule == "lambda.timeout" && $0.resource == "Fn500" })
        #expect(report.findings.contains { $0.rule == "schema.additional-property" && $0.resource == "Fn700" })
    }
}
