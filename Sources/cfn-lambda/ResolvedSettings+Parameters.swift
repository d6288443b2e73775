import CFNCore

extension ResolvedSettings {
    /// A `--parameters` name no template declares is most likely a typo: say so on standard error,
    /// with the closest declared name. Read only when names were given.
    func warnAboutUndeclaredParameters(in templates: [[UInt8]]) {
        guard !givenParameterNames.isEmpty else { return }
        let declared = templates.compactMap(DeclaredParameters.names(in:))
        var seen = Set<String>()
        let given = givenParameterNames.filter { seen.insert($0).inserted }
        for warning in DeclaredParameters.warnings(given: given, declared: declared) {
            Console.error("cfn-lambda: warning: \(warning)")
        }
    }
}
