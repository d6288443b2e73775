import CFNLoader
import Foundation

/// `CodeUri` / `ContentUri` → the `S3Bucket`/`S3Key`/`S3ObjectVersion` mapping Lambda takes
/// (`construct_s3_location_object` in samtranslator/model/s3_utils/uri_parser.py).
enum SAMCodeLocation {
    /// The bucket written for a local path (`CodeUri: src/`), which `sam package` or `sam deploy`
    /// uploads and replaces before CloudFormation sees the template; the key keeps the path.
    static let localBucket = "local-artifact-uploaded-by-sam-package"

    static func s3Object(_ uri: SAMValue, property: String, _ document: SAMDocument, keyRange: SourceRange) throws -> SAMValue {
        let range = document.range(uri)
        if let entries = document.entries(uri) {
            let bucket = entries.last { $0.key == "Bucket" }
            let key = entries.last { $0.key == "Key" }
            guard let bucket, let key, document.isTruthy(bucket.value), document.isTruthy(key.value) else {
                throw SAMError("'\(property)' requires Bucket and Key properties to be specified.", at: keyRange)
            }
            var code = [SAMEntry("S3Bucket", bucket.value, keyRange: bucket.keyRange), SAMEntry("S3Key", key.value, keyRange: key.keyRange)]
            if let version = entries.last(where: { $0.key == "Version" }) {
                code.append(SAMEntry("S3ObjectVersion", version.value, keyRange: version.keyRange))
            }
            return .map(code, at: range)
        }
        if let intrinsic = document.intrinsic(uri) {
            // An intrinsic is a dictionary to the translator, without Bucket or Key, even a `Ref` to
            // a parameter with a value: the transform resolves none in CodeUri (sam_resources.py);
            // `sam build` and `sam package` do, from their parameter overrides, before it runs.
            var message = "'\(property)' requires Bucket and Key properties to be specified."
            if intrinsic.function == .ref, let name = document.string(intrinsic.argument) {
                message += " (the SAM transform does not resolve !Ref \(name) here; sam build and sam package do, "
                    + "so check the template they write, such as .aws-sam/build/template.yaml)"
            }
            throw SAMError(message, at: keyRange)
        }
        guard let text = document.string(uri), case .string = document.python(uri) else {
            throw SAMError("'\(property)' must be of type dict or string.", at: keyRange)
        }
        if text.contains("{{resolve:ssm") || text.contains("{{resolve:secretsmanager"), text.contains("/") {
            throw SAMError("Unsupported dynamic reference detected in '\(property)'. Please consider using alternative 'FunctionCode' object format.", at: range)
        }
        guard text.contains("://") else {
            return .map([SAMEntry("S3Bucket", .string(localBucket, at: range), keyRange: keyRange),
                         SAMEntry("S3Key", .string(text, at: range), keyRange: keyRange)], at: range)
        }
        guard let (bucket, key, version) = parse(text) else {
            throw SAMError("'\(property)' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.", at: range)
        }
        var code = [SAMEntry("S3Bucket", .string(bucket, at: range), keyRange: keyRange),
                    SAMEntry("S3Key", .string(key, at: range), keyRange: keyRange)]
        if let version { code.append(SAMEntry("S3ObjectVersion", .string(version, at: range), keyRange: keyRange)) }
        return .map(code, at: range)
    }

    /// `s3://bucket/key?versionId=v` as Python's `urlparse` reads it: the bucket is the netloc, the
    /// key the path without its leading slashes, the version a single `versionId` query value.
    static func parse(_ uri: String) -> (bucket: String, key: String, version: String?)? {
        guard uri.hasPrefix("s3://") else { return nil }
        var rest = Substring(uri.dropFirst(5))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = String(rest[..<slash])
        let path = rest[slash...]
        // urlparse rejects a bracketed host that is not an IP address (an unresolved CDK token).
        guard !bucket.isEmpty, !bucket.contains("["), !bucket.contains("]"), path.count > 0 else { return nil }
        let key = String(path.drop { $0 == "/" })
        var versions: [String] = []
        for pair in query.split(separator: "&") where pair.hasPrefix("versionId=") {
            let value = String(pair.dropFirst("versionId=".count))
            if !value.isEmpty { versions.append(value.removingPercentEncoding ?? value) }
        }
        return (bucket, key, versions.count == 1 ? versions[0] : nil)
    }
}
