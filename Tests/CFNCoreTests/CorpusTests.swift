import CFNCore
import CFNLoader
import Foundation
import Testing

/// The 199 real templates vendored in `Tests/Corpus` (see its SOURCES.md) and the bundled
/// `templates/`: validate never crashes on any of them, locates every finding inside the file, and
/// finds the same whether the files are checked one after another or all at once (the schemas are
/// read on first use, from many threads).
@Suite struct CorpusTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let files: [URL] = {
        var files: [URL] = []
        for folder in ["Tests/Corpus", "templates"] {
            let root = repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["yaml", "yml", "json", "template"].contains(url.pathExtension) {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }()

    static let settings = ValidationSettings(today: "2026-12-07")

    static func described(_ report: FileReport) -> [String] {
        report.findings.map { "\($0.rule) \($0.severity) \(report.source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)" }
    }

    @Test func theCorpusIsInTheClone() {
        // 199 corpus templates and the bundled ones: a clone without ../shared has them all.
        #expect(Self.files.filter { $0.path.contains("/Tests/Corpus/") }.count == 199)
        #expect(Self.files.count > 199)
    }

    @Test func everyTemplateIsCheckedWithFindingsInsideIt() throws {
        var withErrors = 0
        for file in Self.files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let report = Validator(settings: Self.settings).validate(file: file.lastPathComponent, bytes: bytes)
            for finding in report.findings {
                #expect(finding.range.start <= finding.range.end && finding.range.end <= bytes.count, "\(file.path): \(finding.rule)")
            }
            if report.count(.error) > 0 { withErrors += 1 }
        }
        // The pre-build template with %PLACEHOLDER% tokens is not YAML: a located syntax error.
        let placeholder = try #require(Self.files.first { $0.lastPathComponent == "deployment__custom-control-tower-initiation.template" })
        let report = Validator(settings: Self.settings).validate(file: "t", bytes: try [UInt8](Data(contentsOf: placeholder)))
        #expect(report.findings.contains { $0.rule == "yaml.syntax" && $0.severity == .error })
        // Real templates age (deprecated runtimes) and some are deliberately broken: errors are found.
        #expect(withErrors > 10)
    }

    @Test func allAtOnceFindsWhatOneAtATimeFinds() async throws {
        let inputs = try Self.files.map { ($0.path, try [UInt8](Data(contentsOf: $0))) }
        let together = await withTaskGroup(of: (String, [String]).self) { group in
            for (path, bytes) in inputs {
                group.addTask { (path, Self.described(Validator(settings: Self.settings).validate(file: path, bytes: bytes))) }
            }
            return await group.reduce(into: [String: [String]]()) { $0[$1.0] = $1.1 }
        }
        for (path, bytes) in inputs {
            #expect(Self.described(Validator(settings: Self.settings).validate(file: path, bytes: bytes)) == together[path], "\(path)")
        }
    }
}
