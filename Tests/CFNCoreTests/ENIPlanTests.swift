import CFNCore
import CFNLoader
import Testing

/// A BASE/HEAD pair of templates read into rule contexts, with the resource changes between them.
struct PlanInputPair {
    let base: RuleContext?
    let head: RuleContext
    let headSource: SourceText
    let changes: [ResourceChange]

    init(_ baseText: String?, _ headText: String, base baseSettings: ValidationSettings = ValidationSettings(),
         head headSettings: ValidationSettings = ValidationSettings()) throws {
        let loaded = LoadedTemplate(bytes: Array(headText.utf8))
        head = RuleContext(template: try #require(loaded.template), settings: headSettings)
        headSource = loaded.source
        if let baseText {
            base = RuleContext(template: try #require(LoadedTemplate(bytes: Array(baseText.utf8)).template), settings: baseSettings)
        } else {
            base = nil
        }
        changes = ResourcePlanner(base: base, head: head).changes()
    }

    /// Findings as `line:column rule resource path: message`, in HEAD.
    func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\(headSource.lineColumn(at: $0.range.start)) \($0.rule) \($0.resource ?? "-") \($0.pathString ?? "-"): \($0.message)" }
    }
}

/// A template of functions, each `Name: [subnets] [groups]` (an empty entry leaves VpcConfig out),
/// after `prefix` (Parameters, Conditions, other resources).
func vpcFunctions(_ functions: [(String, String)], prefix: String = "", extra: String = "") -> String {
    var text = prefix + "Resources:\n"
    for (name, vpc) in functions {
        text += "  \(name):\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: app.handler\n"
        if !vpc.isEmpty { text += "      VpcConfig: \(vpc)\n" }
    }
    return text + extra
}

extension ENISummary {
    /// `create`/`reclaim` entries as `subnet [groups] functions`, and `unknown`.
    var lines: [String] {
        func line(_ kind: String, _ combination: ENICombination) -> String {
            "\(kind) \(combination.subnetId) [\(combination.securityGroupIds.joined(separator: ","))] \(combination.functions.joined(separator: ","))"
                + (combination.conditional ? " conditional" : "")
        }
        return create.map { line("create", $0) } + reclaim.map { line("reclaim", $0) }
            + (unknown.isEmpty ? [] : ["unknown \(unknown.joined(separator: ","))"])
    }
}

@Suite struct ENIPlanTests {
    func summary(_ base: String?, _ head: String, base baseSettings: ValidationSettings = ValidationSettings(),
                 head headSettings: ValidationSettings = ValidationSettings(), changes: [ResourceChange]? = nil) throws -> [String] {
        let pair = try PlanInputPair(base, head, base: baseSettings, head: headSettings)
        let (summary, findings) = ENIPlanner(base: pair.base, head: pair.head).summary(changes: changes ?? pair.changes)
        #expect(findings.isEmpty)
        return summary.lines
    }

    @Test func aNewStackCreatesOneInterfacePerCombinationSharedByItsFunctions() throws {
        let head = vpcFunctions([
            ("Orders", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-2, sg-1]}"),
            ("Billing", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1, sg-2]}"),
            ("Audit", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"),
            ("Plain", ""),
        ])
        #expect(try summary(nil, head) == [
            "create subnet-1 [sg-1] Audit",
            "create subnet-1 [sg-1,sg-2] Billing,Orders",
            "create subnet-2 [sg-1,sg-2] Orders",
        ])
    }

    @Test func reorderedSecurityGroupsAndSubnetsAreTheSameSets() throws {
        let base = vpcFunctions([("Orders", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1, sg-2]}")])
        let head = vpcFunctions([("Orders", "{SecurityGroupIds: [sg-2, sg-1], SubnetIds: [subnet-2, subnet-1]}")])
        #expect(try summary(base, head) == [])
        #expect(try summary(base, base) == [])
    }

    @Test func aNewSubnetIsANewCombination() throws {
        let base = vpcFunctions([("Orders", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}")])
        let head = vpcFunctions([("Orders", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}")])
        #expect(try summary(base, head) == ["create subnet-2 [sg-1] Orders"])
        #expect(try summary(head, base) == ["reclaim subnet-2 [sg-1] Orders"])
    }

    @Test func anAddedSecurityGroupIsANewSetAndFreesTheOldOne() throws {
        let base = vpcFunctions([("Orders", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}")])
        let head = vpcFunctions([("Orders", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1, sg-2]}")])
        #expect(try summary(base, head) == ["create subnet-1 [sg-1,sg-2] Orders", "reclaim subnet-1 [sg-1] Orders"])
    }

    @Test func anInterfaceIsReclaimedOnlyWhenNoFunctionUsesIt() throws {
        let both = vpcFunctions([
            ("Orders", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"),
            ("Billing", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"),
        ])
        let one = vpcFunctions([("Orders", "{SubnetIds: [], SecurityGroupIds: []}"),
                                ("Billing", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}")])
        let none = vpcFunctions([("Orders", ""), ("Other", "{SubnetIds: [subnet-9], SecurityGroupIds: [sg-1]}")])
        #expect(try summary(both, one) == [])
        #expect(try summary(both, none) == ["create subnet-9 [sg-1] Other", "reclaim subnet-1 [sg-1] Billing,Orders"])
        // A function joining a combination another function already uses creates nothing.
        #expect(try summary(one, both) == [])
    }

    @Test func subnetsAndGroupsOfTheTemplateAndExportsAreKnownByName() throws {
        let resources = """
              Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}}
              Group: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: vpc-1}}

            """
        let base = vpcFunctions([("Orders", "{SubnetIds: [!Ref Subnet, !ImportValue shared-subnet], SecurityGroupIds: [!Ref Group]}")],
                                extra: resources)
        let head = vpcFunctions([("Orders", "{SubnetIds: [!ImportValue shared-subnet, !GetAtt Subnet.SubnetId], SecurityGroupIds: [!GetAtt Group.GroupId]}")],
                                extra: resources)
        #expect(try summary(nil, base) == [
            "create !ImportValue shared-subnet [!Ref Group] Orders",
            "create !Ref Subnet [!Ref Group] Orders",
        ])
        #expect(try summary(base, head) == [])
        // A replaced subnet gets a new ID: its combinations are new, the old ones are freed.
        let replaced = [ResourceChange(logicalId: "Subnet", type: "AWS::EC2::Subnet", action: .replace)]
        #expect(try summary(base, head, changes: replaced) == [
            "create !Ref Subnet (replaced) [!Ref Group] Orders",
            "reclaim !Ref Subnet [!Ref Group] Orders",
        ])
    }

    @Test func functionsWithSubnetsOrGroupsNotKnownAreListedAsUnknown() throws {
        let prefix = """
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Group: {Type: AWS::EC2::SecurityGroup::Id}

            """
        let base = vpcFunctions([
            ("Orders", "{SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-1]}"),
            ("Billing", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"),
        ], prefix: prefix)
        let head = vpcFunctions([
            ("Billing", "{SubnetIds: [subnet-1], SecurityGroupIds: [!Ref Group]}"),
            ("Audit", "{SubnetIds: !Split [',', !ImportValue subnets], SecurityGroupIds: [sg-1]}"),
        ], prefix: prefix)
        #expect(try summary(base, head) == ["reclaim subnet-1 [sg-1] Billing", "unknown Audit,Billing,Orders"])
        // With the parameters given, the same templates are known.
        let given = ValidationSettings(parameters: ["Subnets": "subnet-1,subnet-2", "Group": "sg-1"])
        #expect(try summary(base, head, base: given, head: given) == [
            "reclaim subnet-2 [sg-1] Orders", "unknown Audit",
        ])
    }

    static let stage = """
        Parameters:
          Stage: {Type: String, AllowedValues: [dev, prod]}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]

        """

    @Test func combinationsUnderKnownConditionsAreCertain() throws {
        let head = vpcFunctions([("Orders", "!If [IsProd, {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]")],
                                prefix: Self.stage)
        #expect(try summary(nil, head, head: ValidationSettings(parameters: ["Stage": "prod"])) == ["create subnet-1 [sg-1] Orders"])
        #expect(try summary(nil, head, head: ValidationSettings(parameters: ["Stage": "dev"])) == [])
    }

    @Test func combinationsUnderConditionsNotKnownArePossibleAndMarked() throws {
        let conditional = vpcFunctions([
            ("Orders", "{SubnetIds: !If [IsProd, [subnet-1, subnet-2], [subnet-1]], SecurityGroupIds: [sg-1]}"),
        ], prefix: Self.stage)
        // subnet-1 is used under both branches, so it is certain; subnet-2 only in prod.
        #expect(try summary(nil, conditional) == [
            "create subnet-1 [sg-1] Orders",
            "create subnet-2 [sg-1] Orders conditional",
        ])
        let certain = vpcFunctions([("Orders", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}")], prefix: Self.stage)
        // BASE certainly uses subnet-2, HEAD only maybe: it may be reclaimed.
        #expect(try summary(certain, conditional) == ["reclaim subnet-2 [sg-1] Orders conditional"])
        // HEAD certainly uses it, BASE only maybe: it may be created.
        #expect(try summary(conditional, certain) == ["create subnet-2 [sg-1] Orders conditional"])
    }

    @Test func aFunctionsConditionMakesItsCombinationsPossible() throws {
        let head = Self.stage + """
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
              Billing:
                Type: AWS::Lambda::Function
                Properties:
                  VpcConfig: {SubnetIds: [subnet-2], SecurityGroupIds: [sg-1]}

            """
        #expect(try summary(nil, head) == ["create subnet-1 [sg-1] Orders conditional", "create subnet-2 [sg-1] Billing"])
        #expect(try summary(nil, head, head: ValidationSettings(parameters: ["Stage": "dev"])) == ["create subnet-2 [sg-1] Billing"])
    }

    @Test func moreCombinationsThanTheQuotaIsAWarningAtTheFunctionThatPassesIt() throws {
        let head = vpcFunctions([
            ("Orders", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}"),
            ("Billing", "{SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}"),
            ("Audit", "{SubnetIds: [subnet-3], SecurityGroupIds: [sg-1]}"),
            ("Report", "{SubnetIds: [subnet-1], SecurityGroupIds: [sg-2]}"),
            ("Unknown", "{SubnetIds: !Split [',', !ImportValue subnets], SecurityGroupIds: [sg-1]}"),
        ])
        let pair = try PlanInputPair(nil, head)
        let planner = ENIPlanner(base: pair.base, head: pair.head)
        #expect(planner.summary(eniQuota: 4).1.isEmpty)
        #expect(pair.describe(planner.summary(eniQuota: 2).1) == [
            "16:18 plan.eni-quota Audit Resources/Audit/Properties/VpcConfig: the functions of this template use up to 4 combinations of subnet and security groups, and Lambda creates a network interface for each: more than the 2 network interfaces a VPC allows (not counting 1 function whose subnets or security groups are not known); with this function the count passes 2. The subnets' VPCs are not known here: where more than 2 combinations fall in one VPC, Lambda cannot create the network interfaces beyond the quota (ENILimitReachedException) and the functions using them fail; share security-group sets between functions, or raise the quota",
        ])
    }
}
