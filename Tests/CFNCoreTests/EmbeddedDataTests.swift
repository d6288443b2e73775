@testable import CFNCore
import CFNSchemas
import Foundation
import Testing

/// The data files are compiled into the binary (`scripts/embed-data.py`) in a packed form: what is
/// embedded is exactly the JSON `schemas/` holds, and every resource schema is found by its type.
@Suite struct EmbeddedDataTests {
    static let schemas = ShippedJSON.folder

    static let filesOnDisk: [String] = {
        let walker = FileManager.default.enumerator(at: schemas, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = walker?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(schemas.standardizedFileURL.path.count + 1))
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
               url.pathExtension != "md", !url.lastPathComponent.hasPrefix("LICENSE"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                paths.append(relative)
            }
        }
        return paths.sorted()
    }()

    /// The packed form cannot drift from the JSON: each file decodes to the value `JSONParser` reads
    /// from the file in `schemas/`, whole and member by member.
    @Test func everyDataFileIsEmbeddedAsTheJSONItCameFrom() throws {
        #expect(Self.filesOnDisk.contains("patches.json"))
        #expect(SchemaFiles.paths == Self.filesOnDisk, "run scripts/embed-data.py after changing schemas/")
        for path in Self.filesOnDisk {
            let onDisk = try JSONValue(data: Data(contentsOf: Self.schemas.appendingPathComponent(path)))
            let packed = PackedJSON(try #require(SchemaFiles.packed(path), "\(path)"))
            #expect(packed.value == onDisk, "\(path): run scripts/embed-data.py after changing schemas/")
            let members = try #require(onDisk.object, "\(path)")
            #expect(packed.isObject)
            #expect(packed.members.map(\.name).sorted() == members.keys.sorted(), "\(path)")
            for (name, member) in members {
                #expect(packed[name]?.value == member, "\(path) \(name)")
                #expect(packed[name]?.string == member.string, "\(path) \(name)")
            }
            #expect(packed["not a member"] == nil)
        }
        #expect(SchemaFiles.packed("resources/none.json") == nil)
    }

    @Test func eachSchemaIsFoundByItsTypeName() throws {
        #expect(SchemaFiles.resourceTypes.count == Self.filesOnDisk.filter { $0.hasPrefix("resources/") }.count)
        for type in SchemaFiles.resourceTypes {
            let schema = PackedJSON(try #require(SchemaFiles.packed(forType: type)))
            #expect(schema["typeName"]?.string == type)
        }
        #expect(SchemaFiles.packed(forType: "AWS::SQS::Queue") == nil)
    }

    /// The runtime dates and patches the checks need are there: without them runtime and schema
    /// findings would silently go.
    @Test func theChecksHaveTheirData() {
        #expect(RuntimeLifecycle.shipped.runtimes["python2.7"] != nil)
        #expect(SchemaLibrary.shared.patchFileProblem == nil)
        #expect(!SchemaLibrary.shared.patches.isEmpty)
        #expect(SAMData.shipped.isAvailable)
    }
}
