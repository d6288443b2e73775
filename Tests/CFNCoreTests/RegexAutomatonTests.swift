@testable import CFNCore
import CFNSchemas
import Foundation
import Testing

/// `RegexAutomaton` must answer as ICU (`NSRegularExpression`) does on every pattern it takes: the
/// shipped schemas' and the rules' patterns on texts made from each pattern and changed a little,
/// and its character classes on every scalar.
@Suite struct RegexAutomatonTests {
    /// Every `pattern` and `patternProperties` name of the shipped schemas and patches.
    static let schemaPatterns: [String] = {
        var found: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "pattern", let text = member.string { found.insert(text) }
                    if key == "patternProperties", let names = member.object?.keys { found.formUnion(names) }
                    collect(member)
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        let files = (SchemaFiles.resourceTypes.map(ShippedJSON.schema(forType:)) + [ShippedJSON.patches]).compactMap { $0 }
        for data in files {
            if let document = try? JSONValue(data: data) { collect(document) }
        }
        return found.sorted()
    }()

    /// The rules' own patterns, as they match them (whole).
    static let rulePatterns = [
        RoleRule.arnPattern, RoleRule.namePattern, LambdaName.functionReferencePattern, LambdaName.layerPattern,
        LayerPermissionRule.accountPattern, LayerPermissionRule.rootPattern, LayerPermissionRule.organizationPattern,
        LayerPermissionRule.layerArnPattern, LayerPermissionRule.layerArnPattern + ":[0-9]+",
    ].map { "^(?:" + $0 + ")$" }

    func icu(_ pattern: String, _ text: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }

    @Test func everyShippedPatternIsInTheSubset() {
        #expect(Self.schemaPatterns.count >= 26)
        for pattern in Self.schemaPatterns + Self.rulePatterns {
            #expect(RegexAutomaton(pattern) != nil, "\(pattern)")
            #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(pattern)")
        }
    }

    @Test func shippedPatternsAnswerAsICUDoes() throws {
        var random = SplitMix(seed: 18)
        var compared = 0
        for pattern in Self.schemaPatterns + Self.rulePatterns {
            var parser = RegexParser(Array(pattern.unicodeScalars))
            let parsed = parser.parse()
            let expression = try #require(parsed)
            let automaton = try #require(RegexAutomaton(pattern))
            var texts = ["", "a", "\n", "-", "arn:aws:iam::123456789012:role/x", "index.handler", "a b", "é"]
            for _ in 0..<60 {
                let matching = Self.sample(expression, &random)
                texts.append(matching)
                texts.append(Self.mutate(matching, &random))
                texts.append(Self.mutate(Self.mutate(matching, &random), &random))
            }
            for text in texts {
                #expect(automaton.search(text) == (try icu(pattern, text)), "\(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 5_000)
    }

    /// Anchors, line terminators, `.`, dashes in classes and the lookbehind, each against ICU.
    @Test func edgesAnswerAsICUDoes() throws {
        let cases: [(String, [String])] = [
            ("^[^\\s]+$", ["abc", "abc\n", "abc\r\n", "abc\r", "abc\u{2028}", "abc\u{85}", "abc\u{B}", "abc\u{C}", "abc\n\n", "abc\n ", " abc", "a\tb"]),
            ("c\r$", ["abc\r\n", "abc\r", "abc\r\r"]),
            ("c$", ["abc\r\n", "abc\n\r", "c\u{2029}", "c\u{2029}x"]),
            ("^a.c$", ["abc", "a\nc", "a\rc", "a\u{85}c", "a\u{2028}c", "a\u{B}c", "aéc", "a\u{1F600}c", "a\tc"]),
            ("^[a-zA-Z0-9-_]+$", ["a-b_c", "a.b", "-", "_", "a b"]),
            ("^[-a-z]+$", ["-a", "A"]),
            ("^[\\w+=,.@-]+$", ["a+b=c,d.e@f-g", "a/b", "é_1", "a\u{300}", "٣"]),
            ("^[0-9A-Za-z\\.\\-_]*(?<!\\.)$", ["bucket", "bucket.", "a.b", "", "."]),
            ("(?<=a)b", ["ab", "cb", "b"]),
            ("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", ["Ünïcode 42", "tab\there", "x\u{3000}y", "½", "a!"]),
            ("^\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root$", ["123456789012", "*", "x*", "arn:aws:iam::123456789012:root", "١٢٣٤٥٦٧٨٩٠١٢"]),
            ("^(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)$", ["/", "x/a/", "/a/", "//"]),
            ("a{2,3}", ["a", "aa", "aaaa"]),
            ("^(a|)+$", ["", "aaa", "ab"]),
            ("^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$", ["live", "123", "v2", "2v", "", "12\n", "a\n"]),
            ("a(?=b)|c(?!d)", ["ab", "ac", "cd", "ce", "c"]),
        ]
        for (pattern, texts) in cases {
            let automaton = try #require(RegexAutomaton(pattern), "\(pattern)")
            for text in texts {
                #expect(automaton.search(text) == (try icu(pattern, text)), "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    /// What the subset does not take goes to ICU, which still judges it.
    @Test func patternsOutsideTheSubsetAreLeftToICU() throws {
        for pattern in ["(?<=ab)c", "\\bx", "a*?", "a{2,1}", "[[a]]", "[a&&b]", "(?i)a", "\\p{Lu}", "a)|(b", "*a", "[z-a]", "\\1"] {
            #expect(RegexAutomaton(pattern) == nil, "\(pattern)")
        }
        let caseless = try #require(SchemaPattern("(?i)abc"))
        #expect(caseless.match("xABC") == true)
        #expect(caseless.match("ab") == false)
        #expect(SchemaPattern("a)|(b") == nil)
    }

    /// `\d \s \w \p{L} \p{N} \p{Z}` and `.` hold the scalars ICU's hold, over the planes with
    /// assigned characters other than private use (0–3 and 14).
    @Test func classesHoldWhatICUsHold() throws {
        let all = (Array(0...0x3FFFF) + Array(0xE0000...0xEFFFF)).compactMap(Unicode.Scalar.init(_:))
        var text = String.UnicodeScalarView()
        text.append(contentsOf: all)
        let string = String(text)
        let nsString = string as NSString
        for pattern in ["\\d", "\\s", "\\w", "\\p{L}", "\\p{N}", "\\p{Z}", "."] {
            // Runs of the class, so that `.` is not a million matches.
            let expression = try NSRegularExpression(pattern: pattern + "+")
            var icuHolds = Set<UInt32>()
            for match in expression.matches(in: string, range: NSRange(location: 0, length: nsString.length)) {
                let piece = nsString.substring(with: match.range)
                icuHolds.formUnion(piece.unicodeScalars.map(\.value))
            }
            var parser = RegexParser(Array(pattern.unicodeScalars))
            guard case .sequence(let parts)? = parser.parse(), case .scalar(let set)? = parts.first else {
                Issue.record("\(pattern) is not one class")
                continue
            }
            let differing = all.filter { set.contains($0) != icuHolds.contains($0.value) }
            #expect(differing.isEmpty, "\(pattern): \(differing.prefix(10).map { String($0.value, radix: 16) })")
        }
    }

    /// A text the expression matches, chosen at random.
    static func sample(_ expression: RegexParser.Expression, _ random: inout SplitMix) -> String {
        var scalars = String.UnicodeScalarView()
        func walk(_ expression: RegexParser.Expression) {
            switch expression {
            case .scalar(let set):
                if let scalar = pick(set, &random) { scalars.append(scalar) }
            case .assertion, .lookahead:
                break
            case .sequence(let parts):
                parts.forEach(walk)
            case .alternation(let branches):
                walk(branches[Int(random.next() % UInt64(branches.count))])
            case .repetition(let body, let minimum, let maximum):
                let count = minimum + Int(random.next() % UInt64((maximum ?? minimum + 4) - minimum + 1))
                for _ in 0..<count { walk(body) }
            }
        }
        walk(expression)
        return String(scalars)
    }

    /// A scalar of the set, from a pool of likely and unlikely ones.
    static func pick(_ set: ScalarSet, _ random: inout SplitMix) -> Unicode.Scalar? {
        let pool = Array("aZ09-_.:/@=+,#*$ \t\néÜ٣½\u{300}\u{3000}\u{2028}!~".unicodeScalars)
            + set.ranges.flatMap { [$0.lowerBound, $0.upperBound] }.compactMap(Unicode.Scalar.init(_:))
        let candidates = pool.filter(set.contains)
        return candidates.isEmpty ? nil : candidates[Int(random.next() % UInt64(candidates.count))]
    }

    /// The text with one scalar inserted, removed or replaced, or a line feed appended.
    static func mutate(_ text: String, _ random: inout SplitMix) -> String {
        var scalars = Array(text.unicodeScalars)
        let noise = Array("a0-.:/ \n\r\u{2028}é_".unicodeScalars)
        let scalar = noise[Int(random.next() % UInt64(noise.count))]
        let position = Int(random.next() % UInt64(scalars.count + 1))
        switch random.next() % 4 {
        case 0: scalars.insert(scalar, at: position)
        case 1 where !scalars.isEmpty: scalars.remove(at: min(position, scalars.count - 1))
        case 2 where !scalars.isEmpty: scalars[min(position, scalars.count - 1)] = scalar
        default: scalars.append("\n")
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// A small seeded generator, so that the texts are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
