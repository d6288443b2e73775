@testable import CFNCore
import Testing

/// `Resolved.contains(text:)`, which decides whether a function's or layer's code can be
/// self-managed at all: a scalar found at any depth, through lists, mappings and both branches of a
/// choice, never inside an unknown.
@Suite struct ResolvedContainsTests {
    static func scalar(_ text: String) -> Resolved { Resolved(.scalar(text, isString: true), node: nil) }
    static func map(_ entries: [(String, Resolved)]) -> Resolved {
        Resolved(.map(entries.map { ResolvedEntry(key: $0.0, keyNode: nil, value: $0.1) }), node: nil)
    }

    @Test func findsAScalarAtAnyDepth() {
        let flat = Self.map([("S3Bucket", Self.scalar("b")), ("S3ObjectStorageMode", Self.scalar("REFERENCE"))])
        #expect(flat.contains(text: "REFERENCE"))
        #expect(!flat.contains(text: "S3ObjectStorageMode"))
        #expect(Self.scalar("REFERENCE").contains(text: "REFERENCE"))
        let nested = Self.map([("A", Resolved(.list([Self.scalar("x"), Self.map([("B", Self.scalar("REFERENCE"))])]), node: nil))])
        #expect(nested.contains(text: "REFERENCE"))
        #expect(!nested.contains(text: "y"))
        let chosen = Resolved(.choice(condition: "C", then: Self.scalar("COPY"), else: Self.map([("M", Self.scalar("REFERENCE"))])), node: nil)
        #expect(chosen.contains(text: "REFERENCE"))
        #expect(chosen.contains(text: "COPY"))
        let hidden = Self.map([("M", .unknown("not known", dependsOn: ["P"])), ("N", Resolved(.noValue, node: nil))])
        #expect(!hidden.contains(text: "not known"))
        #expect(!hidden.contains(text: "P"))
    }
}
