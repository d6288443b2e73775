@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// Resolution and schema checks done while a file loads (`EarlyChecks`) find exactly what the
/// usual path finds, and are used only where they hold for the whole template.
@Suite struct EarlyChecksTests {
    static let settings = ValidationSettings(today: "2026-12-06")

    /// Validates `text` with the early work done for certain: the follower follows from the first
    /// byte (on this thread) while the loader runs on another; the handovers come every
    /// `publicationBytes` bytes. Also gives how many resources were resolved early.
    static func validatedEarly(_ bytes: [UInt8], publicationBytes: Int = 1,
                               validator: Validator = Validator(settings: settings)) -> (report: FileReport, early: Int, readEarly: Int) {
        let progress = LoadProgress(publicationBytes: publicationBytes)
        _ = progress.follow()
        let loaded = LoadBox()
        let done = DispatchSemaphore(value: 0)
        let loader = Thread {
            loaded.result = YAMLLoader.load(bytes, limits: validator.limits, progress: progress)
            done.signal()
        }
        loader.start()
        let early = EarlyChecks.follow(progress, settings: validator.settings, checksSchemas: validator.checksSchemas)
        done.wait()
        let result = loaded.result ?? YAMLLoader.load([])
        let prepared = validator.prepared("t.yaml", LoadedTemplate(loaded: result, source: SourceText(bytes: bytes), early: early),
                                          early: early)
        // The resources of the template that are the very objects the follower read.
        let readEarly = prepared.loaded.template?.resources.filter { resource in
            early?.parsedResources.contains { $0.resource === resource } == true
        }.count ?? 0
        return (validator.check(prepared), prepared.context?.resolvedEarly ?? 0, readEarly)
    }

    static func validated(_ bytes: [UInt8], validator: Validator = Validator(settings: settings)) -> FileReport {
        validator.whileLoadingChecked(false).validate(file: "t.yaml", bytes: bytes)
    }

    final class LoadBox: @unchecked Sendable {
        var result: LoadResult?
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
            for publicationBytes in [1, 4096] {
                let (report, early, _) = Self.validatedEarly(bytes, publicationBytes: publicationBytes)
                #expect(report.findings == usual, "\(file.path) (handovers every \(publicationBytes) bytes)")
                if publicationBytes == 1, early > 0 { withEarlyWork += 1 }
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
        #expect(bytes.count >= Validator().earlyChecksSize)
        let report = Validator(settings: Self.settings).validate(file: "t.yaml", bytes: bytes)
        #expect(report.findings == Self.validated(bytes).findings)
        #expect(report.findings.contains { $0.rule == "lambda.timeout" && $0.resource == "Fn500" })
        #expect(report.findings.contains { $0.rule == "schema.additional-property" && $0.resource == "Fn700" })
    }
}
