/// The actions of the AWS managed policies a Lambda execution role commonly has, as published in
/// the AWS Managed Policy Reference Guide. A policy not listed here is not known: it is not judged.
enum AWSManagedPolicies {
    /// Actions by the policy's path and name (what follows `policy/` in its ARN).
    static let actions: [String: [String]] = [
        "service-role/AWSLambdaVPCAccessExecutionRole": [
            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        ],
        "service-role/AWSLambdaENIManagementAccess": [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        ],
        "service-role/AWSLambdaBasicExecutionRole": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        "AWSXRayDaemonWriteAccess": [
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "xray:GetSamplingStatisticSummaries",
        ],
        "AdministratorAccess": ["*"],
    ]

    /// The path and name of an AWS managed policy ARN in any partition
    /// (`arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` →
    /// `service-role/AWSLambdaBasicExecutionRole`); nil for a customer managed policy or another ARN.
    static func name(ofArn arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "iam", parts[3].isEmpty,
              parts[4] == "aws", parts[5].hasPrefix("policy/") else { return nil }
        return String(parts[5].dropFirst("policy/".count))
    }
}
