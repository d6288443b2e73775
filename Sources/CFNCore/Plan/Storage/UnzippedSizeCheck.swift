import CFNLoader

/// The code of a function and all its layers, unzipped, must fit in Lambda's limit (250 MB).
///
/// Only sizes known to be unzipped count: the `unzipped` of an `--artifact-sizes` entry, inline
/// `ZipFile` source, and a CDK asset measured on disk. The function's code is judged per alternative; a layer counts when it is a
/// layer version of this template listed in every alternative of its `Layers` element, with the
/// least unzipped size its alternatives have (0 when one is not known). So the total is a lower
/// bound, and a finding is a certain failure.
struct UnzippedSizeCheck {
    let context: ResolvedTemplate
    let artifacts: ArtifactSizes
    let measure: (String) -> MeasuredAsset?
    let limit: Int64
    var assets = CDKAssets()

    func findings(for function: LambdaFunction) -> [Finding] {
        let codes = StoredCode.alternatives(of: function.logicalId, in: context, artifacts: artifacts, measure: measure, assets: assets)
            .filter(\.exists)
        var lists = FunctionLayers.lists(of: function, in: context).map { list in
            (guardCondition: list.guardCondition, layers: list.elements.compactMap(layer))
        }
        if lists.isEmpty { lists = [(context.guardOf(function.resource), [])] }
        var findings: [Finding] = []
        for code in codes {
            for list in lists {
                let conditions = code.guardCondition.and(list.guardCondition)
                guard context.conditionSet.isSatisfiable(conditions) else { continue }
                let own = code.size?.unzipped ?? 0
                let total = ([own] + list.layers.map(\.bytes)).saturatingSum()
                guard total > limit else { continue }
                let parts = [code.size?.unzipped.map { "code \(ByteText.describe($0))" } ?? "code not known (not counted)"]
                    + list.layers.map { "layer \($0.id) \(ByteText.describe($0.bytes))" }
                let message = "function \(function.logicalId) is \(ByteText.describe(total)) unzipped\(list.layers.isEmpty ? "" : " with its layers"), above Lambda's limit of \(ByteText.describe(limit)) for a function and its layers (\(parts.joined(separator: ", "))); Lambda rejects the code"
                let finding = context.locatedFinding(StorageRules.codeSizeUnzipped, conditions.annotate(message), at: code.node,
                                                     in: function.resource, fallbackPath: ["Properties", "Code"])
                if !findings.contains(finding) { findings.append(finding) }
            }
        }
        return findings
    }

    /// A `Layers` element that is, in every alternative, a layer version of this template with a
    /// known unzipped size: its logical ID and its least unzipped size.
    func layer(_ element: PresentAlternatives) -> (id: String, bytes: Int64)? {
        guard element.always else { return nil }
        var found: (id: String, bytes: Int64)?
        for (_, value) in element.present {
            guard case .resource(let id)? = LayerIdentity(value),
                  context.template.resource(named: id)?.type == LambdaLayerVersion.type else { return nil }
            let sizes = StoredCode.alternatives(of: id, in: context, artifacts: artifacts, measure: measure, assets: assets)
                .filter(\.exists).map { $0.size?.unzipped ?? 0 }
            let least = sizes.min() ?? 0
            found = found.map { ($0.bytes <= least ? $0 : (id, least)) } ?? (id, least)
        }
        guard let found, found.bytes > 0 else { return nil }
        return found
    }
}
