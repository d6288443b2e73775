@testable import CFNCore
import CFNSchemas
import Foundation
import Testing

/// The data files are compiled into the binary (`scripts/embed-data.py`): what is embedded is exactly
/// what `schemas/` holds, every file parses, and every resource schema is found by its type.
@Suite struct EmbeddedDataTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

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

    @Test func everyDataFileIsEmbeddedAsItIs() throws {
        #expect(Self.filesOnDisk.contains("patches.json"))
        #expect(SchemaFiles.paths == Self.filesOnDisk, "run scripts/embed-data.py after changing schemas/")
        for path in Self.filesOnDisk {
            let onDisk = try Data(contentsOf: Self.schemas.appendingPathComponent(path))
            #expect(SchemaFiles.file(path) == onDisk, "\(path): run scripts/embed-data.py after changing schemas/")
        }
        #expect(SchemaFiles.file("resources/none.json") == nil)
    }

    @Test func everyJSONFileParses() throws {
        for path in SchemaFiles.paths where path.hasSuffix(".json") {
            #expect(throws: Never.self, "\(path)") { try JSONValue(data: try #require(SchemaFiles.file(path))) }
        }
    }

    @Test func eachSchemaIsFoundByItsTypeName() throws {
        #expect(SchemaFiles.resourceTypes.count == Self.filesOnDisk.filter { $0.hasPrefix("resources/") }.count)
        for type in SchemaFiles.resourceTypes {
            let schema = try JSONValue(data: try #require(SchemaFiles.data(forType: type)))
            #expect(schema["typeName"]?.string == type)
        }
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
