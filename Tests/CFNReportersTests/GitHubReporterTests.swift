import CFNCore
import CFNReporters
import Testing

@Suite struct GitHubReporterTests {
    @Test func oneErrorCommandPerFindingWithItsRange() {
        let report = Validator(checksSchemas: false).validate(file: "stacks/t.yaml", bytes: Array("Resources:\n  Fn: {Type: T, Type: U}\n".utf8))
        let output = GitHubReporter().render(ValidationRun(reports: [report]))
        #expect(output == "::error file=stacks/t.yaml,line=2,col=17,endLine=2,endColumn=21,title=yaml.duplicate-key::duplicate key 'Type' (first at line 2)\n")
    }

    @Test func warningsAreWarningsAndInfosAreNotices() {
        let report = handMadeReport("t.yaml", "a: 1\nb: 2\n", [
            ("x.warn", .warning, "careful", 0..<1, nil),
            ("x.info", .info, "fyi", 5..<6, "B"),
        ])
        #expect(GitHubReporter().render(ValidationRun(reports: [report])) == """
            ::warning file=t.yaml,line=1,col=1,endLine=1,endColumn=2,title=x.warn::careful
            ::notice file=t.yaml,line=2,col=1,endLine=2,endColumn=2,title=x.info::fyi

            """)
    }

    @Test func messagesAndPropertiesAreEscapedAsTheActionsToolkitDoes() {
        let report = handMadeReport("dir/a,b:c%.yaml", "key: value\n", [
            ("x:y,z", .error, "100% sure: a, b\nnext\r\nline", 5..<10, nil),
        ])
        #expect(GitHubReporter().render(ValidationRun(reports: [report]))
            == "::error file=dir/a%2Cb%3Ac%25.yaml,line=1,col=6,endLine=1,endColumn=11,title=x%3Ay%2Cz::100%25 sure: a, b%0Anext%0D%0Aline\n")
    }

    @Test func noFindingsPrintNothing() {
        let report = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array("Resources:\n  Fn: {Type: T}\n".utf8))
        #expect(GitHubReporter().render(ValidationRun(reports: [report])) == "")
    }
}
