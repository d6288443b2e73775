import CFNLoader

/// `AWS::Region`, `AWS::AccountId` and the other pseudo parameters, from the run's settings.
public enum PseudoParameters {
    public static let names: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]

    /// The partition of a region: `aws-cn` for China, `aws-us-gov` for GovCloud, `aws-iso*` for the
    /// isolated regions, else `aws`.
    public static func partition(of region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        return "aws"
    }

    public static func urlSuffix(of region: String) -> String {
        switch partition(of: region) {
        case "aws-cn": "amazonaws.com.cn"
        case "aws-iso": "c2s.ic.gov"
        case "aws-iso-b": "sc2s.sgov.gov"
        default: "amazonaws.com"
        }
    }

    /// The value of a pseudo parameter, or nil when `name` is not one. `AWS::NoValue` is `.noValue`.
    public static func resolve(_ name: String, settings: ValidationSettings, at node: NodeID?) -> Resolved? {
        func known(_ text: String?) -> Resolved {
            guard let text else {
                let option = switch name {
                case "AWS::Region", "AWS::Partition", "AWS::URLSuffix": " (give --region)"
                case "AWS::AccountId": " (give --account-id)"
                case "AWS::StackName": " (give --stack-name)"
                default: ""
                }
                return Resolved(.unknown(Unknown(reason: "\(name) is not known\(option)", dependsOn: [name], origin: .pseudo(name))),
                                node: node)
            }
            return Resolved(.scalar(text, isString: true), node: node)
        }
        switch name {
        case "AWS::NoValue": return Resolved(.noValue, node: node)
        case "AWS::Region": return known(settings.region)
        case "AWS::AccountId": return known(settings.accountId)
        case "AWS::StackName": return known(settings.stackName)
        case "AWS::Partition": return known(settings.region.map(partition(of:)))
        case "AWS::URLSuffix": return known(settings.region.map(urlSuffix(of:)))
        case "AWS::StackId":
            return Resolved(.unknown(Unknown(reason: "AWS::StackId is assigned when the stack is created", dependsOn: [name],
                                             origin: .pseudo(name))), node: node)
        case "AWS::NotificationARNs":
            return Resolved(.unknown(Unknown(reason: "AWS::NotificationARNs is set when the stack is deployed", dependsOn: [name],
                                             origin: .pseudo(name))), node: node)
        default: return nil
        }
    }
}
