@testable import CFNCore
import CFNSchemas
import Foundation
import Testing

/// `JSONValue(data:)` reads with `JSONParser`; the `Decodable` conformance, through `JSONDecoder`,
/// is the reference it must agree with.
@Suite struct JSONParserTests {
    func reference(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    @Test func everyShippedFileReadsAsJSONDecoderReadsIt() throws {
        var files = try SchemaFiles.resourceTypes.map { try #require(ShippedJSON.schema(forType: $0)) }
        files.append(try #require(ShippedJSON.patches))
        files.append(try #require(ShippedJSON.runtimeLifecycle))
        for data in files {
            #expect(try JSONValue(data: data) == reference(data))
        }
    }

    @Test(arguments: [
        #"{"a": [1, -2.5, 3e2, 0.25E-1, true, false, null], "b": {"c": "d"}, "e": [], "f": {}}"#,
        #"  "escapes: \" \\ \/ \b \f \n \r \t \u00e9 \u2028 \ud83d\ude00"  "#,
        #"[-0, 0, 1.5, 123456789012, "é", "\u0000"]"#,
        #"{"a": 1, "a": 2}"#,
    ])
    func valuesReadAsJSONDecoderReadsThem(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(try JSONValue(data: data) == reference(data))
    }

    @Test(arguments: [
        "", "   ", "{", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a": 1,}"#, #"{a: 1}"#, "01", "1.", "-", ".5", "1e",
        "tru", "nul", "[1] x", #""open"#, #""bad \x escape""#, #""\u12G4""#, #""\ud83d alone""#, #""\ude00""#,
        "\"tab\there\"", "1e400", "+1",
    ])
    func malformedTextIsAnError(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONValue(data: Data(text.utf8)) }
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONValue(data: Data(deep.utf8)) }
        let allowed = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(try JSONValue(data: Data(allowed.utf8)).array?.count == 1)
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONValue(data: Data(#"{"a": [1, }"#.utf8)) }
        do {
            _ = try JSONValue(data: Data(#"{"a": [1, }"#.utf8))
        } catch {
            #expect("\(error)" == "invalid JSON at byte 10: a value was expected")
        }
    }
}
