import ArgumentParser

/// An option's choices, spelled as their raw values. ArgumentParser's own defaults read the values
/// through a key path and `String(describing:)`, which make the runtime search the conformances of
/// the whole binary at every start: a tenth of what parsing `validate`'s options costs. These give
/// the same strings.
protocol ArgumentChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ArgumentChoice {
    var defaultValueDescription: String { rawValue }

    static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// No choice has a description of its own.
    static var allValueDescriptions: [String: String] { [:] }
}
