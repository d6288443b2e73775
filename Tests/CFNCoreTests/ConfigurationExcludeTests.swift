import CFNCore
import Testing

/// `exclude:` in .cfn-lambda.yaml: the globs a folder search skips.
@Suite struct ConfigurationExcludeTests {
    @Test func globsAreKeptInOrder() {
        let (configuration, findings) = Configuration.parse(file: "c", bytes: Array("exclude: [cdk.out, 'tests/*']\n".utf8))
        #expect(configuration.excludes == ["cdk.out", "tests/*"])
        #expect(findings.isEmpty)
        #expect(Configuration.parse(file: "c", bytes: Array("exclude:\n".utf8)).0.excludes == [])
    }

    @Test func anotherShapeIsReportedAndItsGlobsKept() {
        let (configuration, findings) = Configuration.parse(file: "c", bytes: Array("exclude: [cdk.out, {a: b}]\n".utf8))
        #expect(configuration.excludes == ["cdk.out"])
        #expect(findings.map { "\($0.rule) \($0.range.start) \($0.message)" } == [
            "config.invalid 19 entries of exclude must be globs, not a mapping",
        ])
        let scalar = Configuration.parse(file: "c", bytes: Array("exclude: cdk.out\n".utf8))
        #expect(scalar.0.excludes == [])
        #expect(scalar.1.map(\.message) == ["exclude must be a list of globs such as 'cdk.out/**', not a scalar"])
    }
}
