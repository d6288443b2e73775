/// A regular expression of the subset that the shipped schemas and the rules' own patterns use,
/// matched without ICU by following every state of its automaton at once: in time linear in the
/// text, and without loading ICU's character data, which `NSRegularExpression` does on first use
/// (a third of the time of validating a small template, measured in docs/performance.md).
///
/// The subset: literal characters and escaped punctuation, `\uHHHH`, `\d \s \w` (and `\D \S \W`),
/// `\p{L} \p{N} \p{Z}`, `.`, classes with ranges and negation, groups `( )` and `(?: )`, `|`, the
/// greedy quantifiers `* + ? {n} {n,} {n,m}`, `^`, `$`, lookahead (`(?=…)`, `(?!…)`) and a
/// lookbehind of one character (`(?<!x)`, `(?<=x)`). Each means what it means to ICU without flags, as tests against
/// `NSRegularExpression` check: `$` also matches before a line terminator that ends the text, and
/// `.` matches no line terminator. A pattern outside the subset gives nil.
struct RegexAutomaton: Sendable {
    enum Step: Sendable {
        /// Consumes one scalar of the set.
        case scalar(ScalarSet)
        case assertion(Assertion)
        /// Continues at both.
        case split(Int, Int)
        case jump(Int)
        case accept
    }

    enum Assertion: Sendable {
        case start
        case end
        case precededBy(ScalarSet)
        case notPrecededBy(ScalarSet)
        case followedBy(RegexAutomaton)
        case notFollowedBy(RegexAutomaton)
    }

    let steps: [Step]

    /// Patterns that expand to more steps than this (large counted repetitions) are not taken.
    static let stepLimit = 4_096

    init?(_ source: String) {
        var parser = RegexParser(Array(source.unicodeScalars))
        guard let expression = parser.parse() else { return nil }
        self.init(expression)
    }

    private init?(_ expression: RegexParser.Expression) {
        var steps: [Step] = []
        guard Self.emit(expression, into: &steps) else { return nil }
        steps.append(.accept)
        self.steps = steps
    }

    /// Whether the pattern, anchors as written, matches somewhere in the text.
    func search(_ text: String) -> Bool {
        run(Array(text.unicodeScalars), from: 0, anywhere: true)
    }

    /// Whether a match starts at `start`, or, `anywhere`, at `start` or after it.
    private func run(_ scalars: [Unicode.Scalar], from start: Int, anywhere: Bool) -> Bool {
        var current: [Int] = []
        var next: [Int] = []
        // The position each step was last added at, so that a step is followed once per position.
        var addedAt = [Int](repeating: -1, count: steps.count)
        var pending: [Int] = []
        for position in start...scalars.count {
            if anywhere || position == start { pending.append(0) }
            while let index = pending.popLast() {
                guard addedAt[index] != position else { continue }
                addedAt[index] = position
                switch steps[index] {
                case .scalar:
                    current.append(index)
                case .assertion(let assertion):
                    if Self.holds(assertion, at: position, in: scalars) { pending.append(index + 1) }
                case .split(let first, let second):
                    pending.append(second)
                    pending.append(first)
                case .jump(let target):
                    pending.append(target)
                case .accept:
                    return true
                }
            }
            guard position < scalars.count else { break }
            let scalar = scalars[position]
            for index in current {
                if case .scalar(let set) = steps[index], set.contains(scalar) { next.append(index + 1) }
            }
            pending = next
            next.removeAll(keepingCapacity: true)
            current.removeAll(keepingCapacity: true)
        }
        return false
    }

    private static func holds(_ assertion: Assertion, at position: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .start:
            return position == 0
        case .end:
            let count = scalars.count
            if position == count { return true }
            // Before a final line terminator, or before a final CR LF, but not between its two.
            if position == count - 1 {
                return ScalarSet.isLineTerminator(scalars[position])
                    && !(scalars[position] == "\n" && position > 0 && scalars[position - 1] == "\r")
            }
            return position == count - 2 && scalars[position] == "\r" && scalars[position + 1] == "\n"
        case .precededBy(let set):
            return position > 0 && set.contains(scalars[position - 1])
        case .notPrecededBy(let set):
            return position == 0 || !set.contains(scalars[position - 1])
        case .followedBy(let automaton):
            return automaton.run(scalars, from: position, anywhere: false)
        case .notFollowedBy(let automaton):
            return !automaton.run(scalars, from: position, anywhere: false)
        }
    }

    /// Appends the steps of an expression; false when they would pass `stepLimit`.
    private static func emit(_ expression: RegexParser.Expression, into steps: inout [Step]) -> Bool {
        guard steps.count < stepLimit else { return false }
        switch expression {
        case .scalar(let set):
            steps.append(.scalar(set))
        case .assertion(let assertion):
            steps.append(.assertion(assertion))
        case .lookahead(let inner, let negative):
            guard let automaton = RegexAutomaton(inner) else { return false }
            steps.append(.assertion(negative ? .notFollowedBy(automaton) : .followedBy(automaton)))
        case .sequence(let parts):
            for part in parts where !emit(part, into: &steps) { return false }
        case .alternation(let branches):
            // split(branch, next split) … ; each branch but the last jumps to the end.
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                let split = steps.count
                if offset < branches.count - 1 { steps.append(.split(split + 1, -1)) }
                guard emit(branch, into: &steps) else { return false }
                if offset < branches.count - 1 {
                    jumps.append(steps.count)
                    steps.append(.jump(-1))
                    steps[split] = .split(split + 1, steps.count)
                }
            }
            for jump in jumps { steps[jump] = .jump(steps.count) }
        case .repetition(let body, let minimum, let maximum):
            for _ in 0..<minimum where !emit(body, into: &steps) { return false }
            if let maximum {
                // Each optional copy may be skipped to the end.
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(steps.count)
                    steps.append(.split(steps.count + 1, -1))
                    guard emit(body, into: &steps) else { return false }
                }
                for split in splits { steps[split] = .split(split + 1, steps.count) }
            } else {
                let loop = steps.count
                steps.append(.split(loop + 1, -1))
                guard emit(body, into: &steps) else { return false }
                steps.append(.jump(loop))
                steps[loop] = .split(loop + 1, steps.count)
            }
        }
        return steps.count <= stepLimit
    }
}
