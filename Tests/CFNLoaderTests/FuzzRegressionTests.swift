import CFNLoader
import Testing

/// Inputs the fuzzer (`scripts/fuzz.sh loader`) found, minimized, with what they must give now.
@Suite struct FuzzRegressionTests {
    /// The byte range of each diagnostic, as `kind start..<end`.
    func ranges(_ text: String) -> [String] {
        YAMLLoader.load(Array(text.utf8)).diagnostics.map { "\($0.kind) \($0.range.start)..<\($0.range.end)" }
    }

    /// A syntax error at the end of the input ended one byte past it.
    @Test func syntaxErrorAtTheEndOfTheInputEndsThere() {
        #expect(ranges("{\"a\": [") == ["syntax 7..<7"])
        #expect(ranges("a: [b") == ["syntax 5..<5"])
    }

    /// A syntax error on a multi-byte character covered its first byte only.
    @Test func syntaxErrorCoversTheWholeCharacter() {
        let loaded = Loaded("a: [b]é\n")
        #expect(ranges("a: [b]é\n") == ["syntax 6..<8"])
        #expect(loaded.kindsAndPlaces == ["syntax 1:7"])
    }

    /// Whether the roots of two documents are equivalent.
    func equivalent(_ left: String, _ right: String) throws -> Bool {
        let a = try #require(YAMLLoader.load(Array(left.utf8)).tree)
        let b = try #require(YAMLLoader.load(Array(right.utf8)).tree)
        return a.isEquivalent(try #require(a.root), to: try #require(b.root), in: b)
    }

    /// A mapping with a repeated key was not equivalent to itself: each entry was paired with the
    /// other side's first entry of that key (`scripts/fuzz.sh plan`: a template planned against itself
    /// showed an update). Now the k-th entry of a key goes with the k-th, whatever the key order.
    @Test func mappingWithARepeatedKeyIsEquivalentToItself() throws {
        let repeated = "{Category: Source, Owner: AWS, Category: CodeCommit}"
        #expect(try equivalent(repeated, repeated))
        #expect(try equivalent(repeated, "{Owner: AWS, Category: Source, Category: CodeCommit}"))
        #expect(try !equivalent(repeated, "{Category: CodeCommit, Owner: AWS, Category: Source}"))
        #expect(try !equivalent(repeated, "{Category: Source, Owner: AWS, Category: Source}"))
        #expect(try !equivalent(repeated, "{Category: Source, Owner: AWS, Kind: CodeCommit}"))
        #expect(try equivalent("{b: 1, a: [x, {c: 2}]}", "{a: [x, {c: 2}], b: 1}"))
    }
}
