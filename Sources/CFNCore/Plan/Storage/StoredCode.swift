import CFNLoader

/// One way a function's `Code` or a layer version's `Content` can be in one template, after the
/// resource's `Condition` and the `Fn::If` choices inside: whether the resource exists, how its
/// code is stored, and how big it is.
struct StoredCode: Hashable {
    enum Mode: Hashable {
        case copy, reference
        /// A container image: kept in Amazon ECR, not in Lambda-managed storage.
        case image
        /// `S3ObjectStorageMode`, or the whole value, is not known.
        case unknown
    }

    var guardCondition: Guard
    var exists: Bool
    var mode: Mode
    /// Nil when not known.
    var size: ArtifactSize?
    /// What the plan lists when the size is needed and not known: `s3://…`, a local path as
    /// written, or the logical ID. Kept as its parts; the text is made only when it is listed.
    var labelSource: Label
    /// The `Code`/`Content` value (the alternative of it) and its `S3ObjectStorageMode`, as written.
    var node: NodeID?
    var modeNode: NodeID?
    /// The CDK asset the code is, when it is one and no `--artifact-sizes` entry gave its size.
    var asset: CDKAssetUse?
    /// `size.zipped` is an estimate: a local folder or file measured before it is zipped.
    var zippedEstimated = false

    /// The text of `label`, or the S3 object it names.
    enum Label: Hashable {
        case text(String)
        case location(S3Location)
    }

    /// What the plan lists when the size is needed and not known.
    var label: String {
        switch labelSource {
        case .text(let text): text
        case .location(let location): location.description
        }
    }

    /// Whether the label is an `s3://` URL.
    var labelIsS3: Bool {
        switch labelSource {
        case .text(let text): text.hasPrefix("s3://")
        case .location: true
        }
    }

    /// Whether two labels are the same text; S3 objects are compared by their parts first.
    func hasSameLabel(as other: StoredCode) -> Bool {
        if case .location(let mine) = labelSource, case .location(let theirs) = other.labelSource, mine == theirs { return true }
        return label == other.label
    }

    /// Lambda-managed storage holds this code.
    var isCounted: Bool { exists && mode == .copy }

    /// `Code` for a function, `Content` for a layer version, nil for other types.
    static func property(ofType type: String?) -> String? {
        switch type {
        case LambdaFunction.type?: "Code"
        case LambdaLayerVersion.type?: "Content"
        default: nil
        }
    }

    static let keys: [(String, KeyCombination.Mode)] = [
        ("S3ObjectStorageMode", .value), ("ZipFile", .value), ("ImageUri", .presence),
        ("S3Bucket", .value), ("S3Key", .value), ("S3ObjectVersion", .value),
    ]

    /// Every alternative of a resource's code in a template; a single absent one when the template
    /// (or the resource, or a Lambda type) is not there. A resource whose `Condition` is not known
    /// has an absent alternative under its negation.
    static func alternatives(of id: String, in context: ResolvedTemplate?, artifacts: ArtifactSizes,
                             measure: (String) -> MeasuredAsset?, assets: CDKAssets = CDKAssets()) -> [StoredCode] {
        guard let context, let resource = context.template.resource(named: id),
              let property = property(ofType: resource.type) else {
            return [absent(.always, id)]
        }
        var result: [StoredCode] = []
        let start = context.guardOf(resource)
        if !start.isAlways {
            let negated = start.literals.count == 1
                ? Guard(start.literals.map { ConditionLiteral($0.condition, holds: !$0.holds) }) : Guard.always
            if context.conditionSet.isSatisfiable(negated) { result.append(absent(negated, id)) }
        }
        let isImage = context.properties[id]?["PackageType"]?.text == "Image"
        let cdk = CDKCode(assets: assets, metadataPath: CDKAssets.metadataPath(of: resource, property: property, in: context))
        for reached in context.reachable(resource, path: [property]) {
            result += classify(reached.value, under: reached.guardCondition, id: id, isImage: isImage, context: context,
                               artifacts: artifacts, measure: measure, cdk: cdk)
        }
        return result.isEmpty ? [absent(.always, id)] : result
    }

    static func absent(_ conditions: Guard, _ id: String) -> StoredCode {
        StoredCode(guardCondition: conditions, exists: false, mode: .copy, size: nil, labelSource: .text(id))
    }

    /// One reachable value of `Code`/`Content`: absent, a mapping (split by its own `Fn::If`
    /// choices), a string (`aws cloudformation package` input: a local path or an S3 URL), or unknown.
    static func classify(_ value: Resolved?, under conditions: Guard, id: String, isImage: Bool, context: ResolvedTemplate,
                         artifacts: ArtifactSizes, measure: (String) -> MeasuredAsset?, cdk: CDKCode = CDKCode()) -> [StoredCode] {
        guard let value else {
            // No code at all: `aws cloudformation package` would upload the template's folder.
            return [StoredCode(guardCondition: conditions, exists: true, mode: isImage ? .image : .copy, size: nil, labelSource: .text(id))]
        }
        switch value.kind {
        case .scalar(let text, _):
            if let location = S3Location(url: text) {
                return [StoredCode(guardCondition: conditions, exists: true, mode: .copy, size: artifacts.size(of: location),
                                   labelSource: .location(location), node: value.node)]
            }
            return [local(text, under: conditions, node: value.node, measure: measure)]
        case .map:
            return KeyCombination.of(value, keys: keys, under: conditions, in: context).map { code in
                stored(code, id: id, isImage: isImage, artifacts: artifacts, cdk: cdk, measure: measure)
            }
        default:
            return [StoredCode(guardCondition: conditions, exists: true, mode: .unknown, size: nil, labelSource: .text(id), node: value.node)]
        }
    }

    /// One combination of the keys of a `Code`/`Content` mapping.
    static func stored(_ code: KeyCombination, id: String, isImage: Bool, artifacts: ArtifactSizes, cdk: CDKCode = CDKCode(),
                       measure: (String) -> MeasuredAsset? = { _ in nil }) -> StoredCode {
        var mode: Mode = .copy
        if let written = code["S3ObjectStorageMode"] {
            mode = switch written.text {
            case "COPY"?: .copy
            case "REFERENCE"?: .reference
            default: .unknown
            }
        }
        if isImage || code["ImageUri"] != nil { mode = .image }
        var size: ArtifactSize?
        var label = Label.text(id)
        var asset: CDKAssetUse?
        if let zipFile = code["ZipFile"] {
            size = zipFile.text.map { ArtifactSize.inline(Int64($0.utf8.count)) }
        } else {
            let (bucket, key, version) = (code["S3Bucket"]?.text, code["S3Key"]?.text, code["S3ObjectVersion"])
            if let bucket, let key, version == nil || version?.text != nil {
                let location = S3Location(bucket: bucket, key: key, versionId: version?.text)
                size = artifacts.size(of: location)
                label = .location(location)
            }
            // SAM's stand-in for a local CodeUri/ContentUri (`SAMCodeLocation`): the path, measured.
            if size == nil, bucket == SAMCodeLocation.localBucket, let key, mode != .image {
                var local = local(key, under: code.guardCondition, node: code.map.node, measure: measure)
                local.mode = mode
                local.modeNode = code["S3ObjectStorageMode"]?.node
                return local
            }
            if size == nil, version == nil, mode != .image {
                (size, asset) = cdk.size(bucket: bucket, key: key, artifacts: artifacts)
                if size == nil, let asset, case .text = label { label = .text(asset.path) }
            }
        }
        return StoredCode(guardCondition: code.guardCondition, exists: true, mode: mode, size: size, labelSource: label,
                          node: code.map.node, modeNode: code["S3ObjectStorageMode"]?.node, asset: asset)
    }
}

extension StoredCode {
    /// Code at a local path, as the packagers upload it; its size not known when it cannot be measured.
    static func local(_ path: String, under conditions: Guard, node: NodeID?, measure: (String) -> MeasuredAsset?) -> StoredCode {
        let measured = measure(path)
        var code = StoredCode(guardCondition: conditions, exists: true, mode: .copy, size: measured?.artifactSize,
                              labelSource: .text(path), node: node)
        code.zippedEstimated = measured?.zippedEstimated ?? false
        return code
    }

    /// BASE's code as the deployed stack has it (`plan --state`): Lambda's own size, and its storage
    /// mode when the snapshot could tell it (it wins over the template: someone may have switched
    /// the mode outside CloudFormation).
    func deployed(as code: DeployedCode) -> StoredCode {
        guard exists else { return self }
        var result = self
        // Lambda's CodeSize is the zipped package, the bytes AccountUsage.TotalCodeSize adds up.
        if let size = code.size {
            result.size = ArtifactSize(zipped: size)
            result.asset = nil
        }
        switch code.storage {
        case .copy: result.mode = .copy
        case .reference: result.mode = .reference
        case .image: result.mode = .image
        case .unknown: break
        }
        return result
    }

    /// HEAD's code of unknown size that names the same S3 object as one of BASE's alternatives has
    /// that alternative's size: an unchanged artifact keeps its size.
    func sized(like befores: [StoredCode]) -> StoredCode {
        guard exists, size == nil, labelIsS3,
              let match = befores.first(where: { $0.exists && $0.size != nil && $0.hasSameLabel(as: self) }) else { return self }
        var result = self
        result.size = match.size
        return result
    }
}
