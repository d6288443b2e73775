/// Rules of `cfn-lambda plan` about the network interfaces Lambda creates for VPC functions.
public enum PlanENIRules {
    public static let eniQuota = RuleDescriptor(
        id: "plan.eni-quota", severity: .warning,
        summary: "HEAD's functions use more subnet and security-group combinations than a VPC allows network interfaces",
        explanation: "Lambda creates one Hyperplane network interface for each unique combination of subnet and security-group set, shared by every function that uses it (seed lambda-vpc-configuration.txt). Lambda's quota of network interfaces per VPC is 500 by default (`--eni-quota`); beyond it Lambda cannot create the interface (ENILimitReachedException) and the function fails. The VPC a subnet belongs to is rarely known from the template, so the combinations of the whole template are counted: the count is an upper bound for any one VPC, and combinations that depend on conditions not known are included. Reported at the function whose combinations take the count past the quota.")

    public static let all: [RuleDescriptor] = [eniQuota]
}
