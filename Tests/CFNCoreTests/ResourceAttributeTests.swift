@testable import CFNCore
import Testing

/// `TemplateParser` reads a resource's attribute keys from their bytes.
@Suite struct ResourceAttributeTests {
    @Test func everyAttributeIsReadFromItsBytes() {
        for attribute in Resource.Attribute.allCases {
            #expect(Resource.Attribute(utf8: Array(attribute.rawValue.utf8)) == attribute, "\(attribute)")
        }
        // Other case, the same length as an attribute, a prefix, empty.
        for name in ["type", "Typo", "Conditio", "Dependson", "UpdatePolicies", "Propertiez", ""] {
            #expect(Resource.Attribute(utf8: Array(name.utf8)) == nil, "\(name)")
        }
    }
}
