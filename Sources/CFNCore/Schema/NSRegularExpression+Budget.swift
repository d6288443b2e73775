import Foundation

extension NSRegularExpression {
    /// Whether the expression matches the text, or nil when matching takes more than `budget` of
    /// ICU's progress reports (each about 10,000 backtracking steps). Counted in steps, not time, so
    /// the answer does not depend on the machine.
    func firstMatch(in text: String, budget: Int) -> Bool? {
        var found = false
        var reports = 0
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if match != nil {
                found = true
                stop.pointee = true
                return
            }
            reports += 1
            if reports > budget { stop.pointee = true }
        }
        return found ? true : reports > budget ? nil : false
    }
}
