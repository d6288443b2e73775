@testable import CFNCore
import Testing

/// `NameTable` finds a name as written. Unlike a `Dictionary`, it does not find a name spelt with
/// other but canonically equivalent code points (`o` and U+0308 for `ö`): CloudFormation compares
/// keys as written too.
@Suite struct NameTableTests {
    @Test func findsEachNameAndNothingElse() {
        let names = ["Code", "Role", "Runtime", "Handler", "VpcConfig", "SecurityGroupIds", "S3ObjectVersion",
                     "#/definitions/Code", "Größe", "", "RuntimeManagementConfig"]
        let table = NameTable(Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }))
        for (index, name) in names.enumerated() {
            #expect(table[name] == index, "\(name)")
        }
        // Same length as a name, a prefix of one, longer than every name, another normalization
        // (which a dictionary finds), another case.
        for absent in ["Cold", "Rol", "Roles", "RuntimeManagementConfigurations", "Gro\u{308}ße", "code"] {
            #expect(table[absent] == nil, "\(absent)")
        }
        #expect(Dictionary(uniqueKeysWithValues: names.map { ($0, 0) })["Gro\u{308}ße"] == 0)
    }

    @Test func emptyTableFindsNothing() {
        let table = NameTable<Int>([:])
        #expect(table[""] == nil)
        #expect(table["Code"] == nil)
    }
}
