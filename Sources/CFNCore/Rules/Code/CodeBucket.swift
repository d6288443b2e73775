import CFNLoader

/// The S3 bucket that self-managed code is in, as far as the template tells: the `AWS::S3::Bucket`
/// it declares (when `S3Bucket` is `!Ref` of it, or a literal equal to its literal `BucketName`),
/// and the bucket's name when known.
struct CodeBucket {
    static let type = "AWS::S3::Bucket"

    /// The bucket resource, when the template declares it.
    let resource: Resource?
    /// The bucket's name, when known.
    let name: String?
    /// The conditions under which the code is in this bucket.
    let guardCondition: Guard

    /// The buckets one combination of self-managed code can be in. A literal S3Bucket that no
    /// declared bucket is named is still a bucket with a known name (policies may name it).
    static func of(_ code: SelfManagedCode, in context: RuleContext) -> [CodeBucket] {
        guard let value = code.bucket else { return [] }
        var result: [CodeBucket] = []
        if case .unknown(let unknown) = value.kind {
            guard case .resource(let name)? = unknown.origin, let bucket = context.template.resource(named: name),
                  bucket.type == type else { return [] }
            for (conditions, bucketName) in context.reachable(bucket, "BucketName") {
                let joint = code.guardCondition.and(conditions)
                if context.conditionSet.isSatisfiable(joint) {
                    result.append(CodeBucket(resource: bucket, name: bucketName?.text, guardCondition: joint))
                }
            }
            return result
        }
        guard let literal = value.text else { return [] }
        for (bucket, conditions) in byName(in: context)[literal] ?? [] {
            let joint = code.guardCondition.and(conditions)
            if context.conditionSet.isSatisfiable(joint) {
                result.append(CodeBucket(resource: bucket, name: literal, guardCondition: joint))
            }
        }
        if result.isEmpty { result.append(CodeBucket(resource: nil, name: literal, guardCondition: code.guardCondition)) }
        return result
    }

    /// The template's buckets by each known `BucketName`, in source order: found once per run, so
    /// that each function's code finds its bucket by name instead of reading every bucket.
    static func byName(in context: RuleContext) -> [String: [(resource: Resource, guardCondition: Guard)]] {
        if let known = context.cache.bucketsByName { return known }
        var result: [String: [(resource: Resource, guardCondition: Guard)]] = [:]
        for bucket in context.resources(ofType: type) {
            for (conditions, bucketName) in context.reachable(bucket, "BucketName") {
                if let name = bucketName?.text { result[name, default: []].append((bucket, conditions)) }
            }
        }
        context.cache.bucketsByName = result
        return result
    }

    /// For messages: "bucket CodeBucket" or "bucket 'my-bucket'".
    var what: String {
        if let resource { return "bucket \(resource.logicalId)" }
        return "bucket '\(name ?? "?")'"
    }

    /// Whether a value names this bucket: `!Ref` of its resource, or a literal equal to its known name.
    func isNamed(by value: Resolved?) -> Bool {
        guard let value else { return false }
        if case .unknown(let unknown) = value.kind, case .resource(let name)? = unknown.origin {
            return name == resource?.logicalId
        }
        guard let text = value.text, let name else { return false }
        return text == name
    }
}
