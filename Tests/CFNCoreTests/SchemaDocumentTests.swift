@testable import CFNCore
import CFNSchemas
import Foundation
import Testing

/// A schema read in parts from its packed form is the schema read from its JSON: the same document
/// after the same patches, and a patch on the parts its paths reach does what it does on the whole.
@Suite struct SchemaDocumentTests {
    @Test func eachShippedSchemaReadsAsItsJSONReads() throws {
        let patches = SchemaLibrary.shared.patches
        for type in SchemaFiles.resourceTypes {
            let json = try JSONValue(data: try #require(ShippedJSON.schema(forType: type)))
            let fromJSON = ResourceSchema(typeName: type, document: json, patches: patches)
            let fromPacked = ResourceSchema(typeName: type, packed: PackedJSON(try #require(SchemaFiles.packed(forType: type))), patches: patches)
            #expect(fromPacked.document == fromJSON.document, "\(type)")
            #expect(fromPacked.appliedPatches == fromJSON.appliedPatches, "\(type)")
            #expect(fromPacked.failedPatches == [] && fromJSON.failedPatches == [], "\(type)")
            #expect(fromPacked.attributes == fromJSON.attributes, "\(type)")
            #expect(fromPacked.definitions.keys.sorted() == fromJSON.definitions.keys.sorted(), "\(type)")
            #expect(fromPacked.root.properties.keys.sorted() == fromJSON.root.properties.keys.sorted(), "\(type)")
            #expect(fromPacked.root.required == fromJSON.root.required, "\(type)")
            #expect(fromPacked.member("createOnlyProperties") == json["createOnlyProperties"], "\(type)")
        }
    }

    @Test(arguments: [
        // Within one definition, one top-level member.
        #"[{"op": "add", "path": "/definitions/Code/properties/X", "value": {"type": "string"}}]"#,
        #"[{"op": "replace", "path": "/properties/Handler/maxLength", "value": 5}]"#,
        // A new definition and a new top-level member; one removed.
        #"[{"op": "add", "path": "/definitions/New", "value": {"type": "object"}}, {"op": "add", "path": "/extra", "value": 1}]"#,
        #"[{"op": "remove", "path": "/definitions/Code"}, {"op": "remove", "path": "/handlers"}]"#,
        // Across parts, and the whole of `definitions` or of the document.
        #"[{"op": "move", "from": "/definitions/Code", "path": "/definitions/Moved"}, {"op": "copy", "from": "/definitions/Moved", "path": "/copied"}]"#,
        #"[{"op": "copy", "from": "/properties", "path": "/definitions/Props"}]"#,
        #"[{"op": "replace", "path": "/definitions", "value": {}}]"#,
        #"[{"op": "test", "path": "", "value": 1}]"#,
        #"[{"op": "replace", "path": "", "value": {"properties": {}}}]"#,
        // Fails part-way: nothing applies.
        #"[{"op": "remove", "path": "/definitions/Code"}, {"op": "test", "path": "/definitions/Code", "value": {}}]"#,
        #"[{"op": "add", "path": "/definitions/Missing/properties/X", "value": 1}]"#,
    ])
    func aPatchOnThePartsDoesWhatItDoesOnTheWhole(_ operations: String) throws {
        let patch = try JSONPatch(json: JSONValue(data: Data(operations.utf8)))
        let packed = PackedJSON(try #require(SchemaFiles.packed(forType: "AWS::Lambda::Function")))
        let whole = packed.value
        var parts = SchemaDocument(packed)
        let expected = Result { () throws(JSONPatch.Failure) in try patch.apply(to: whole) }
        let result = Result { () throws(JSONPatch.Failure) in try parts.apply(patch) }
        switch (expected, result) {
        case (.success(let expected), .success):
            #expect(parts.value == expected)
            #expect(SchemaDocument(expected).value == expected)
        case (.failure(let expected), .failure(let failure)):
            #expect(failure == expected)
            #expect(parts.value == whole)
        default:
            Issue.record("the whole: \(expected), the parts: \(result)")
        }
    }
}
