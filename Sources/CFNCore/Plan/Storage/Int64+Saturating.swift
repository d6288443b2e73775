extension Int64 {
    /// The sum, held at `Int64.max` / `Int64.min` instead of trapping: sizes come from input files.
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}

extension Sequence<Int64> {
    /// The saturating sum of the elements.
    func saturatingSum() -> Int64 { reduce(0) { $0.saturatingAdd($1) } }
}
