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
}
