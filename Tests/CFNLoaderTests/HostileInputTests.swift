import CFNLoader
import Testing

/// Every kind of bad input ends in a diagnostic with a place — never a crash, hang or runaway memory.
@Suite struct HostileInputTests {
    @Test func yamlSyntaxErrorIsReportedWhereTheParserStopped() {
        let loaded = Loaded("Resources:\n  Fn:\n    Type: [a, b\n    Properties: {}\n")
        #expect(loaded.tree == nil)
        #expect(loaded.kindsAndPlaces == ["syntax 4:15"])
        #expect(loaded.diagnostics[0].contains("did not find expected ',' or ']'"))
    }

    @Test func jsonSyntaxErrorIsReportedWhereItIs() {
        let loaded = Loaded("{\n  \"Resources\": {\n    \"Fn\": {\"Type\": \"x\",, }\n  }\n}\n")
        #expect(loaded.tree == nil)
        // The second comma.
        #expect(loaded.kindsAndPlaces == ["syntax 3:24"])
    }

    @Test func duplicateKeyNamesTheFirstOccurrence() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  Handler: index.handler
                  Handler: other.handler

            """
        let loaded = Loaded(text)
        #expect(loaded.diagnostics == ["duplicateKey 9:7 duplicate key 'Handler' (first at line 8)"])
        #expect(loaded.result.diagnostics[0].isFatal == false)
        #expect(loaded.place(loaded.tree.flatMap { _ in loaded.node("Resources", "Fn", "Properties", "Handler") }) == "8:16-8:29")
    }

    @Test func duplicateKeyInJSONAndInLargeMappings() {
        #expect(Loaded(#"{"a": 1, "b": 2, "a": 3}"#).diagnostics == ["duplicateKey 1:18 duplicate key 'a' (first at line 1)"])
        // Over a dozen keys the check hashes; the result is the same.
        let keys = (0..<40).map { "K\($0): v" } + ["K7: again"]
        #expect(Loaded(keys.joined(separator: "\n")).diagnostics == ["duplicateKey 41:1 duplicate key 'K7' (first at line 8)"])
    }

    @Test func billionLaughsStopsAtTheAliasBudget() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
        }
        let loaded = Loaded(lines.joined(separator: "\n"))
        #expect(loaded.tree == nil)
        #expect(loaded.result.diagnostics.count == 1)
        #expect(loaded.result.diagnostics[0].kind == .aliasBudget)
        // a4 expands to 111,111 nodes and the aliases of a1...a4 add 123,440 in all; in line 6 the
        // eighth `*a4` (column 10 + 7 * 5) passes a million.
        #expect(loaded.kindsAndPlaces == ["aliasBudget 6:45"])
    }

    @Test func aliasesWithinTheBudgetShareTheAnchoredNode() {
        let loaded = Loaded("Base: &env {A: 1, B: 2}\nOther: *env\n")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.node("Base") == loaded.node("Other"))
    }

    @Test func deepNestingIsCutAtTheLimitWithoutRecursion() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let loaded = Loaded(text)
        #expect(loaded.tree == nil)
        #expect(loaded.kindsAndPlaces == ["depthLimit 1:257"])
        let blockStyle = (0..<300).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
        #expect(Loaded(blockStyle).kindsAndPlaces == ["depthLimit 257:513"])
    }

    @Test func invalidUTF8IsReportedAtTheByte() {
        let loaded = Loaded(bytes: Array("Description: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(loaded.tree == nil)
        // 0xC3 opens a two-byte sequence at column 17; 0x28 at column 18 cannot continue it.
        #expect(loaded.diagnostics == ["invalidCharacter 1:18 invalid trailing UTF-8 octet (byte 0x28)"])
        #expect(Loaded(bytes: [0x61, 0x3A, 0x20, 0xFF]).diagnostics == ["invalidCharacter 1:4 invalid leading UTF-8 octet (byte 0xFF)"])
    }

    @Test func nulByteIsReported() {
        let loaded = Loaded(bytes: Array("Resources:\n  A: b".utf8) + [0] + Array("c\n".utf8))
        #expect(loaded.diagnostics == ["invalidCharacter 2:7 control characters are not allowed (U+0000)"])
    }

    @Test func utf16IsRejected() {
        let loaded = Loaded(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00])
        #expect(loaded.kindsAndPlaces == ["invalidCharacter 1:1"])
        #expect(loaded.result.diagnostics[0].message.contains("UTF-16LE"))
    }

    @Test func emptyInputsAreEmpty() {
        for text in ["", "   \n\n", "# only a comment\n", "---\n", "---\n...\n"] {
            let loaded = Loaded(text)
            #expect(loaded.tree == nil, "\(text.debugDescription)")
            #expect(loaded.result.diagnostics.map(\.kind) == [.empty], "\(text.debugDescription)")
        }
    }

    @Test func secondDocumentIsReportedAndTheFirstKept() {
        let loaded = Loaded("Resources: {}\n---\nResources: {}\n")
        #expect(loaded.kindsAndPlaces == ["multipleDocuments 2:1"])
        #expect(loaded.node("Resources") != nil)
    }

    @Test func undefinedAliasIsReported() {
        let loaded = Loaded("A: *missing\n")
        #expect(loaded.tree == nil)
        #expect(loaded.diagnostics == ["undefinedAlias 1:4 alias '*missing' refers to no anchor defined before it"])
        // An anchor is usable only once its node is complete: no recursive structures.
        #expect(Loaded("A: &self [*self]\n").result.diagnostics.map(\.kind) == [.undefinedAlias])
    }

    @Test func nonScalarKeysAreDroppedAndReported() {
        let loaded = Loaded("? [a, b]\n: 1\n!Ref X: 2\n{c: d}: 3\nok: 4\n")
        #expect(loaded.kindsAndPlaces == ["nonScalarKey 1:3", "nonScalarKey 3:1", "nonScalarKey 4:1"])
        #expect(loaded.tree.map { $0.entries($0.root!).count } == 1)
        #expect(loaded.node("ok") != nil)
    }

    @Test func unknownTagsAreReportedAndTheValueKept() {
        let loaded = Loaded("A: !Foo bar\nB: !!binary aGk=\nC: !Rain::Embed x.txt\nD: !!str 12\n")
        #expect(loaded.kindsAndPlaces == ["unknownTag 1:4", "unknownTag 2:4", "unknownTag 3:4"])
        #expect(loaded.diagnostics[1].contains("'!!binary'"))
        #expect(loaded.tree?.string(loaded.node("A")!) == "bar")
        #expect(loaded.tree?.isExplicitString(loaded.node("D")!) == true)
    }

    @Test func twentyMegabyteScalarLoads() {
        let big = String(repeating: "x", count: 20 << 20)
        let loaded = Loaded("Description: \(big)\nResources: {}\n")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.tree?.bytes(loaded.node("Description")!)?.count == 20 << 20)
        #expect(loaded.place(loaded.node("Resources")) == "2:12-2:14")
    }

    @Test func tenMegabyteLineKeepsExactColumns() {
        // One line of JSON, about 10 MB, with a duplicate key at its very end.
        var line = "{\"Resources\": {"
        for index in 0..<800_000 { line += "\"R\(index)\": 1, " }
        line += "\"R7\": 2}}"
        #expect(line.utf8.count > 10_000_000)
        let loaded = Loaded(line)
        let column = line.utf8.count - "\"R7\": 2}}".utf8.count + 1
        #expect(loaded.diagnostics == ["duplicateKey 1:\(column) duplicate key 'R7' (first at line 1)"])
    }

    @Test func oversizedFileIsNotLoaded() {
        let loaded = Loaded("A: 1234567890\n", limits: LoaderLimits(maxBytes: 8))
        #expect(loaded.result.diagnostics.map(\.kind) == [.tooLarge])
        #expect(loaded.tree == nil)
    }
}
