import CFNCore
import CFNSchemas
import Foundation
import Testing

/// The shipped files, the documented patches on top of them, and the JSON Patch they are written in.
@Suite struct SchemaPatchTests {
    @Test func resourcesLoadFromTheBundle() throws {
        #expect(SchemaFiles.resourceTypes.count == 10)
        for type in SchemaFiles.resourceTypes {
            let data = try #require(ShippedJSON.schema(forType: type), "\(type)")
            #expect(try JSONValue(data: data)["typeName"] == .string(type))
            #expect(SchemaLibrary.shared.schema(forType: type)?.typeName == type)
        }
        #expect(ShippedJSON.schema(forType: "AWS::SQS::Queue") == nil)
        #expect(SchemaLibrary.shared.schema(forType: "AWS::SQS::Queue") == nil)
        let lifecycle = try JSONValue(data: try #require(ShippedJSON.runtimeLifecycle))
        #expect(lifecycle["python3.12"]?["deprecated"] == .string("2028-10-31"))
        #expect(SchemaLibrary.shared.patchFileProblem == nil)
    }

    @Test func everyPatchIsDocumentedAndApplies() {
        let patches = SchemaLibrary.shared.patches
        #expect(patches.map(\.id) == ["function-code-s3objectstoragemode", "layerversion-content-s3objectstoragemode",
                                       "layerversionpermission-principal-anchored"])
        #expect(patches.allSatisfy { !$0.reason.isEmpty && !$0.source.isEmpty })
        for type in SchemaFiles.resourceTypes {
            let schema = SchemaLibrary.shared.schema(forType: type)
            #expect(schema?.failedPatches == [], "\(type)")
            #expect(schema?.appliedPatches == patches.filter { $0.resourceType == type }.map(\.id), "\(type)")
        }
    }

    @Test func layerVersionAcceptsS3ObjectStorageMode() {
        #expect(schemaFindings(resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: b-1, S3Key: k, S3ObjectStorageMode: REFERENCE}")).isEmpty)
        #expect(schemaFindings(resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: b-1, S3Key: k, S3ObjectStorageMode: LINK}")) == [
            "schema.enum 5:63 Content.S3ObjectStorageMode 'LINK' is not one of: COPY, REFERENCE",
        ])
        // Without the patch (the copy as shipped), the property is unknown.
        let unpatched = SchemaLibrary(patches: Data(#"{"patches": {}}"#.utf8))
        #expect(schemaFindings(resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: b-1, S3Key: k, S3ObjectStorageMode: REFERENCE}"),
                               library: unpatched) == [
            "schema.additional-property 5:42 unknown property 'S3ObjectStorageMode' in Content",
        ])
    }

    @Test func functionCodeHasS3ObjectStorageModeWithOrWithoutTheCopy() throws {
        let code = "Code: {S3Bucket: b-1, S3Key: k, S3ObjectVersion: v, S3ObjectStorageMode: "
        let text = { (mode: String) in
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: arn:aws:iam::123456789012:role/r\n      \(code)\(mode)}\n"
        }
        #expect(schemaFindings(text("REFERENCE")).isEmpty)
        #expect(schemaFindings(text("LINK")) == ["schema.enum 6:80 Code.S3ObjectStorageMode 'LINK' is not one of: COPY, REFERENCE"])
        // A refreshed copy without the property (cfn-lint's eu-south-1 schema, newer releases): the patch keeps it.
        let function = try #require(ShippedJSON.schema(forType: "AWS::Lambda::Function"))
        var document = try #require(try JSONSerialization.jsonObject(with: function) as? [String: Any])
        var definitions = try #require(document["definitions"] as? [String: Any])
        var codeSchema = try #require(definitions["Code"] as? [String: Any])
        var properties = try #require(codeSchema["properties"] as? [String: Any])
        #expect(properties.removeValue(forKey: "S3ObjectStorageMode") != nil)
        codeSchema["properties"] = properties
        definitions["Code"] = codeSchema
        document["definitions"] = definitions
        let refreshed = try JSONSerialization.data(withJSONObject: document)
        let files: @Sendable (String) -> Data? = { $0 == "AWS::Lambda::Function" ? refreshed : ShippedJSON.schema(forType: $0) }
        let patched = SchemaLibrary(files: files)
        #expect(patched.schema(forType: "AWS::Lambda::Function")?.appliedPatches == ["function-code-s3objectstoragemode"])
        #expect(schemaFindings(text("REFERENCE"), library: patched).isEmpty)
        #expect(schemaFindings(text("LINK"), library: patched) == ["schema.enum 6:80 Code.S3ObjectStorageMode 'LINK' is not one of: COPY, REFERENCE"])
        let unpatched = SchemaLibrary(files: files, patches: Data(#"{"patches": {}}"#.utf8))
        #expect(schemaFindings(text("REFERENCE"), library: unpatched) == [
            "schema.additional-property 6:59 unknown property 'S3ObjectStorageMode' in Code",
        ])
    }

    @Test func layerVersionPermissionPrincipalIsAnchoredAsAWhole() {
        let permission = { (principal: String) in
            resource("AWS::Lambda::LayerVersionPermission",
                     "LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:layer:l:1",
                     "Action: lambda:GetLayerVersion",
                     "Principal: \(principal)")
        }
        for principal in ["'123456789012'", "'*'", "arn:aws:iam::123456789012:root"] {
            #expect(schemaFindings(permission(principal)).isEmpty, "\(principal)")
        }
        #expect(schemaFindings(permission("123456789012-x")) == [
            #"schema.pattern 7:18 Principal '123456789012-x' does not match the pattern ^(\d{12}|\*|arn:(aws[a-zA-Z-]*):iam::\d{12}:root)$"#,
        ])
        #expect(schemaFindings(permission("'x*y'")).count == 1)
        // The shipped pattern lets both through.
        let unpatched = SchemaLibrary(patches: Data(#"{"patches": {}}"#.utf8))
        #expect(schemaFindings(permission("123456789012-x"), library: unpatched).isEmpty)
        #expect(schemaFindings(permission("'x*y'"), library: unpatched).isEmpty)
    }

    @Test func aPatchWhoseTestFailsIsNotApplied() throws {
        let patches = Data("""
            {"patches": {"AWS::Lambda::LayerVersionPermission": [{
              "id": "stale", "reason": "r", "source": "s",
              "operations": [
                {"op": "replace", "path": "/properties/Action/pattern", "value": "^x$"},
                {"op": "test", "path": "/properties/Principal/pattern", "value": "something else"}
              ]}]}}
            """.utf8)
        let library = SchemaLibrary(patches: patches)
        let schema = try #require(library.schema(forType: "AWS::Lambda::LayerVersionPermission"))
        #expect(schema.appliedPatches == [])
        #expect(schema.failedPatches == ["stale: test: /properties/Principal/pattern is not the expected value"])
        #expect(schema.document["properties"]?["Action"]?["pattern"] == .string("^lambda:GetLayerVersion$"))
    }

    @Test func aMalformedPatchFileIsReportedNotApplied() {
        let library = SchemaLibrary(patches: Data(#"{"patches": {"AWS::IAM::Role": [{"id": "x", "operations": []}]}}"#.utf8))
        #expect(library.patches.isEmpty)
        #expect(library.patchFileProblem == "a patch for AWS::IAM::Role lacks id, reason, source or operations")
    }

    @Test func jsonPatchOperations() throws {
        let document = try JSONValue(data: Data(#"{"a": {"b": [1, 2]}, "c": "x", "d~/e": true}"#.utf8))
        let patch = try JSONPatch(json: JSONValue(data: Data("""
            [
              {"op": "add", "path": "/a/b/1", "value": 9},
              {"op": "add", "path": "/a/b/-", "value": 3},
              {"op": "remove", "path": "/a/b/0"},
              {"op": "replace", "path": "/c", "value": "y"},
              {"op": "copy", "from": "/c", "path": "/f"},
              {"op": "move", "from": "/d~0~1e", "path": "/g"},
              {"op": "test", "path": "/a/b", "value": [9, 2, 3]}
            ]
            """.utf8)))
        let expected = try JSONValue(data: Data(#"{"a": {"b": [9, 2, 3]}, "c": "y", "f": "y", "g": true}"#.utf8))
        #expect(try patch.apply(to: document) == expected)
        #expect(throws: JSONPatch.Failure.self) { try JSONPatch([.remove(JSONPointer(tokens: ["missing"]))]).apply(to: document) }
        #expect(throws: JSONPatch.Failure.self) { try JSONPatch(json: .array([.object(["op": .string("frob"), "path": .string("")])])) }
    }

    @Test func schemasAreCachedAndSafeToShare() async {
        let library = SchemaLibrary()
        let roots = await withTaskGroup(of: ObjectIdentifier?.self) { group in
            for _ in 0..<16 {
                group.addTask { library.schema(forType: "AWS::S3::Bucket").map { ObjectIdentifier($0.root) } }
            }
            var roots: Set<ObjectIdentifier?> = []
            for await root in group { roots.insert(root) }
            return roots
        }
        #expect(roots.count == 1)
        #expect(roots.first.flatMap { $0 } != nil)
    }
}
