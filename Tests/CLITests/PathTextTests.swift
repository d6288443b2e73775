@testable import cfn_lambda
import Testing

/// `PathText` splits paths as `NSString` does, without its crash on one-character paths.
@Suite struct PathTextTests {
    @Test(arguments: [("a", ""), ("-", ""), ("a/b", "a"), ("a/b/", "a"), ("/a", "/"), ("/", "/"), ("", ""),
                      ("x/", ""), ("dir//f.yaml", "dir"), ("/srv/t/template.yaml", "/srv/t"), ("./t.yaml", ".")])
    func directory(path: String, expected: String) {
        #expect(PathText.directory(of: path) == expected)
    }

    @Test(arguments: [("a", "a"), ("-", "-"), ("a/b", "b"), ("a/b/", "b"), ("/a", "a"), ("/", "/"), ("", ""),
                      ("cdk.out/App.template.json", "App.template.json")])
    func lastComponent(path: String, expected: String) {
        #expect(PathText.lastComponent(of: path) == expected)
    }
}
