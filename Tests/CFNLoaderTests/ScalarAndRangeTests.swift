import CFNLoader
import Testing

/// Scalars keep their text and style; every node keeps an exact source range.
@Suite struct ScalarAndRangeTests {
    @Test func implicitlyTypedLookingScalarsStayText() throws {
        let loaded = Loaded("V: 2012-10-17\nZ: 0123\nY: yes\nO: on\nE: 1e3\nN: ~\nH: 0x1F\n")
        let tree = try #require(loaded.tree)
        for (key, text) in [("V", "2012-10-17"), ("Z", "0123"), ("Y", "yes"), ("O", "on"), ("E", "1e3"), ("N", "~"), ("H", "0x1F")] {
            let node = try #require(loaded.node(key))
            #expect(tree.string(node) == text)
            #expect(tree.style(node) == .plain)
            #expect(tree.isExplicitString(node) == false)
        }
    }

    @Test func quotedAndBareTrueStayDistinguishable() throws {
        let loaded = Loaded("A: true\nB: \"true\"\nC: 'true'\nD: !!str true\nE: |\n  true\n")
        let tree = try #require(loaded.tree)
        let styles = try ["A", "B", "C", "D", "E"].map { tree.style(try #require(loaded.node($0))) }
        #expect(styles == [.plain, .doubleQuoted, .singleQuoted, .plain, .literal])
        let explicit = try ["A", "B", "C", "D", "E"].map { tree.isExplicitString(try #require(loaded.node($0))) }
        #expect(explicit == [false, true, true, true, true])
        #expect(tree.string(try #require(loaded.node("E"))) == "true\n")
        // Equal text, but one is a boolean to a type checker and one is a string.
        let a = try #require(loaded.node("A"))
        let b = try #require(loaded.node("B"))
        #expect(!tree.isEquivalent(a, to: b, in: tree))
        // For ordinary words quoting makes no difference.
        let words = Loaded("A: hello\nB: 'hello'\n")
        let wordTree = try #require(words.tree)
        #expect(wordTree.isEquivalent(try #require(words.node("A")), to: try #require(words.node("B")), in: wordTree))
    }

    @Test func jsonNumbersArePlainAndStringsQuoted() throws {
        let loaded = Loaded(#"{"M": 128, "S": "128", "B": false}"#)
        let tree = try #require(loaded.tree)
        #expect(tree.style(try #require(loaded.node("M"))) == .plain)
        #expect(tree.style(try #require(loaded.node("S"))) == .doubleQuoted)
        #expect(tree.string(try #require(loaded.node("B"))) == "false")
    }

    @Test func escapesAreDecoded() throws {
        let loaded = Loaded(#"{"A": "tab\there \u00e9 \"q\""}"#)
        #expect(loaded.tree?.string(try #require(loaded.node("A"))) == "tab\there é \"q\"")
    }

    @Test func yamlRangesCountCharactersAfterMultiByteText() {
        // "é" and "€" are 2 and 3 bytes; columns count them as one each.
        let loaded = Loaded("Description: héllo € wörld\nResources:\n  Fn: {Type: ünïcode, X: !Bad y}\n")
        #expect(loaded.place(loaded.node("Description")) == "1:14-1:27")
        #expect(loaded.place(loaded.node("Resources", "Fn", "Type")) == "3:14-3:21")
        #expect(loaded.kindsAndPlaces == ["unknownTag 3:26"])
    }

    @Test func jsonRangesCountCharactersAfterMultiByteText() {
        let text = "{\n  \"Déscription\": \"日本語\",\n  \"Resources\": {\"Fn\": {\"Type\": 1, \"Type\": 2}}\n}\n"
        let loaded = Loaded(text)
        #expect(loaded.place(loaded.node("Déscription")) == "2:18-2:23")
        #expect(loaded.diagnostics == ["duplicateKey 3:35 duplicate key 'Type' (first at line 3)"])
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let loaded = Loaded(bytes: [0xEF, 0xBB, 0xBF] + Array("A: é\nB: [1, !X 2]\n".utf8))
        #expect(loaded.place(loaded.node("A")) == "1:4-1:5")
        #expect(loaded.kindsAndPlaces == ["unknownTag 2:8"])
    }

    @Test func crlfLineEndsCountAsOneBreak() {
        let loaded = Loaded("A: 1\r\nB: !X 2\r\n")
        #expect(loaded.kindsAndPlaces == ["unknownTag 2:4"])
    }

    @Test func containersSpanTheirContent() {
        let loaded = Loaded("Resources:\n  Fn:\n    Type: T\n    Properties: {A: [1, 2]}\n")
        #expect(loaded.place(loaded.node("Resources", "Properties")) == "none")
        #expect(loaded.place(loaded.node("Resources", "Fn", "Properties")) == "4:17-4:28")
        #expect(loaded.place(loaded.node("Resources", "Fn", "Properties", "A")) == "4:21-4:27")
        #expect(loaded.place(loaded.node("Resources", "Fn", "Properties", "A", "1")) == "4:25-4:26")
    }
}
