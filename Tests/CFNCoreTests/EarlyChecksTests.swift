@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// Resolution and schema checks done while a file loads (`EarlyChecks`) find exactly what the
/// usual path finds, and are used only where they hold for the whole template.
@Suite struct EarlyChecksTests {
    static let settings = ValidationSettings(today: "2026-12-06")

    /// Validates `bytes` with the early work done for certain (`validateFollowingTheLoad`), handed
    /// over every `publicationBytes` bytes; also gives how many resources were resolved early and
    /// how many of the template's resources are the objects the follower read.
    static func validatedEarly(_ bytes: [UInt8], publicationBytes: Int = 1, stopsWhenLoaded: Bool = false,
                               validator: Validator = Validator(settings: settings)) -> (report: FileReport, early: Int, readEarly: Int) {
        let (prepared, early) = validator.preparedFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: publicationBytes,
                                                                   stopsWhenLoaded: stopsWhenLoaded)
        let readEarly = prepared.loaded.template?.resources.filter { resource in
            early?.parsedResources.contains { $0.resource === resource } == true
        }.count ?? 0
        if !stopsWhenLoaded {
            #expect(validator.validateFollowingTheLoad(file: "t.yaml", bytes: bytes, publicationBytes: publicationBytes).findings
                    == validator.check(prepared).findings)
        }
        return (validator.check(prepared), prepared.context?.resolvedEarly ?? 0, readEarly)
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
        let (report, early, readEarly) = Self.validatedEarly(bytes)
        // A, B and the bucket; C names the bucket, which a partial template does not have yet.
        #expect(early == 3)
        // Reading a resource's structure needs only its own nodes: all four.
        #expect(readEarly == 4)
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
        let (report, early, _) = Self.validatedEarly(bytes, publicationBytes: 1 << 30)
        #expect(early == 1)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.filter { $0.rule == "lambda.storage-bucket-versioning" }.compactMap(\.resource) == ["F1", "F2"])
    }

    /// `Resources` written twice, the second time with an alias of the first's resource: the same
    /// node at the same position, under another key, which the usual path reads where it is.
    @Test func aResourceReadEarlyIsTakenOnlyUnderItsOwnKey() {
        let text = "Resources:\n  A: &a {Properties: {}}\nResources:\n  A: *a\n"
        let bytes = Array(text.utf8)
        let (report, _, readEarly) = Self.validatedEarly(bytes)
        #expect(readEarly == 0)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.contains { $0.rule == "resource.missing-type" && $0.range.start == 49 })
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
            let (report, early, _) = Self.validatedEarly(bytes)
            #expect(early == 0, "\(text)")
            #expect(report.findings == Self.validated(bytes).findings, "\(text)")
        }
    }

    @Test func aLoadThatStopsMidwayEndsTheFollowerToo() {
        let text = Self.parameters + "Resources:\n" + Self.function("A") + "  B: [unclosed\n" + Self.function("C")
        let bytes = Array(text.utf8)
        let (report, early, _) = Self.validatedEarly(bytes)
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
        for file in files.sorted(by: { $0.path < $1.path }) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let usual = Self.validated(bytes).findings
            // At every entry, every 4 KiB, all at once (one batch: one resolver for every
            // resource), and stopped when the load ends (wherever the follower is then).
            for (publicationBytes, stops) in [(1, false), (4096, false), (1 << 30, false), (1, true)] {
                let (report, early, _) = Self.validatedEarly(bytes, publicationBytes: publicationBytes, stopsWhenLoaded: stops)
                #expect(report.findings == usual, "\(file.path) (handovers every \(publicationBytes) bytes\(stops ? ", stopped" : ""))")
                if publicationBytes == 1, !stops, early > 0 { withEarlyWork += 1 }
            }
        }
        #expect(withEarlyWork > files.count / 2)
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
