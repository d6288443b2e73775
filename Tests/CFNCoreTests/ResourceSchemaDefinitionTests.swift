import CFNCore
import Foundation
import Testing

/// A schema's definitions are built when a `$ref` first reaches them: once, the same node for every
/// reference, and still all of them for the questions about the whole schema.
@Suite struct ResourceSchemaDefinitionTests {
    static let document = """
        {"typeName": "Test::Lazy::Thing",
         "properties": {"Code": {"$ref": "#/definitions/Code"}, "Other": {"$ref": "#/definitions/Other"}},
         "definitions": {
           "Code": {"type": "object", "properties": {"Key": {"type": "string", "pattern": "^[a-z]+$"}}},
           "Other": {"type": "object", "properties": {"Name": {"type": "string", "pattern": "(unclosed"}}}
         }}
        """

    static func schema() throws -> ResourceSchema {
        ResourceSchema(typeName: "Test::Lazy::Thing", document: try JSONValue(data: Data(document.utf8)))
    }

    @Test func aReferenceGivesTheSameNodeEveryTime() throws {
        let schema = try Self.schema()
        let first = try #require(schema.resolve("#/definitions/Code"))
        #expect(schema.resolve("#/definitions/Code") === first)
        #expect(schema.definitions["Code"] === first)
        #expect(first.properties["Key"]?.pattern?.matches("abc") == true)
        #expect(first.properties["Key"]?.pattern?.matches("ABC") == false)
        #expect(schema.resolve("#/definitions/Missing") == nil)
    }

    @Test func aDefinitionNoReferenceReachedStillCounts() throws {
        let schema = try Self.schema()
        #expect(schema.definitions.keys.sorted() == ["Code", "Other"])
        #expect(schema.invalidPatterns == ["(unclosed"])
        #expect(schema.unresolvedReferences == [])
    }

    @Test func theShippedFunctionSchemaResolvesTheSameEitherWay() throws {
        let schema = try #require(SchemaLibrary.shared.schema(forType: "AWS::Lambda::Function"))
        for (name, node) in schema.definitions {
            #expect(schema.resolve("#/definitions/" + name) === node, "\(name)")
        }
    }
}
