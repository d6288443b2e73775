@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `expand --format json` writes a plain scalar bare only when JSON reads it as a number,
/// a boolean or null; anything else is quoted, so the output always parses.
struct TemplateTextTests {
    @Test(arguments: ["0", "12", "-3", "1.5", "1e5", "1E+5", "2.5e-3", "true", "false", "null"])
    func numbersBooleansAndNullAreBare(_ text: String) {
        #expect(TemplateText.isBare(text))
    }

    @Test(arguments: ["1+2", "1-2", "+1", "01", "1.", ".5", "1e", "1e+", "1.2.3", "0x1F", "yes", ""])
    func otherPlainScalarsAreNot(_ text: String) {
        #expect(!TemplateText.isBare(text))
    }

    @Test func aSignOutsideAnExponentIsQuotedInJSON() throws {
        let tree = try #require(YAMLLoader.load(Array("Description: 1+2\nTimeout: 1e+2\n".utf8)).tree)
        let json = TemplateText.render(tree, format: .json)
        #expect(json == "{\n  \"Description\": \"1+2\",\n  \"Timeout\": 1e+2\n}\n")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }
}
