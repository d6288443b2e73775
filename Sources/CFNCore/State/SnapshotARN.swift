/// The parts of an ARN a snapshot needs: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
struct SnapshotARN: Hashable, Sendable {
    let partition: String
    let service: String
    let region: String
    let account: String
    let resource: String

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// A layer version ARN `arn:…:layer:NAME:VERSION` as the layer's ARN and the version number.
    static func layerVersion(_ text: String) -> (layer: String, version: String)? {
        guard let arn = SnapshotARN(text), arn.service == "lambda", arn.resource.hasPrefix("layer:"),
              let colon = text.lastIndex(of: ":")
        else { return nil }
        let version = text[text.index(after: colon)...]
        guard !version.isEmpty, version.allSatisfy({ $0.isASCII && $0.isNumber }), arn.resource.split(separator: ":").count == 3
        else { return nil }
        return (String(text[..<colon]), String(version))
    }

    /// The ARN of function `name` in the stack's partition, region and account.
    func function(_ name: String) -> String {
        if name.hasPrefix("arn:") { return name }
        return "arn:\(partition):lambda:\(region):\(account):function:\(name)"
    }
}
