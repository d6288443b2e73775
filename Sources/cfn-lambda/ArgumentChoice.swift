import ArgumentParser

/// An option's choices, spelled as their raw values. ArgumentParser's own defaults read the values
/// through a key path and `String(describing:)`, and it asks the default of an option whether it is
/// `CaseIterable`: each first such question of a type makes the runtime search the conformances of
/// the whole binary, at every start. So the choices are listed by `choices`, not `CaseIterable`
/// (an option with a default then costs one search, not two), and these give the same strings.
protocol ArgumentChoice: ExpressibleByArgument, RawRepresentable where RawValue == String {
    /// Every case, in the order help and completions list them.
    static var choices: [Self] { get }
}

extension ArgumentChoice {
    var defaultValueDescription: String { rawValue }

    static var allValueStrings: [String] { choices.map(\.rawValue) }

    /// No choice has a description of its own.
    static var allValueDescriptions: [String: String] { [:] }

    /// Shells complete the choices, as for a `CaseIterable` type.
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
