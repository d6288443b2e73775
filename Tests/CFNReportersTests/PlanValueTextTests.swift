import CFNCore
import CFNReporters
import Testing

/// How the text and Markdown plans show each kind of value.
@Suite struct PlanValueTextTests {
    static func plan(_ before: PlanValue?, _ after: PlanValue?) -> PlanRun {
        PlanSample.run(Plan(changes: [ResourceChange(logicalId: "Fn", type: "T", action: .update, causes: ["P"],
                                                     details: [ChangeDetail(path: "P", before: before, after: after, reason: .direct,
                                                                            requiresReplacement: .never)])],
                            transitions: [], storage: PlanSample.unchanged.storage, enis: PlanSample.unchanged.enis, findings: []))
    }

    @Test(arguments: [
        (PlanValue.string("REFERENCE"), #""REFERENCE""#),
        (.string("say \"hi\""), #""say \"hi\"""#),
        (.number("512"), "512"),
        (.number("0x1F"), "0x1F"),
        (.bool(false), "false"),
        (.list([.string("sg-1"), nil]), #"["sg-1",null]"#),
        (.map([.init(key: "Mode", value: .string("Active")), .init(key: "X", value: nil)]), #"{"Mode":"Active","X":null}"#),
        (.unknown(dependsOn: ["Subnet", "Group"]), "(known after deploy: Group, Subnet)"),
        (.unknown(dependsOn: [], reason: "Fn::ImportValue is known at deploy time"), "(known after deploy: Fn::ImportValue is known at deploy time)"),
        (.replacement(of: "Deps"), "(known after deploy: Deps is replaced)"),
        (.choice(condition: "IsProd", then: .number("1024"), else: nil), "(if IsProd then 1024 else absent)"),
    ])
    func eachKindOfValue(value: PlanValue, text: String) {
        let output = PlanTextReporter().render(Self.plan(value, nil))
        #expect(output.contains("\n      P: \(text) → (absent) (edited)\n"))
    }

    /// A list whose element is the ID of a replaced resource is a list on both sides.
    @Test func aRippledListIsAListOnBothSides() {
        let arn = PlanValue.string("arn:aws:lambda:eu-west-1:123456789012:layer:x:1")
        let run = Self.plan(.list([.unknown(dependsOn: ["Layer"]), arn]), .list([.replacement(of: "Layer"), arn]))
        #expect(PlanTextReporter().render(run).contains(#"""

                  P: [(known after deploy: Layer),"arn:aws:lambda:eu-west-1:123456789012:layer:x:1"] → [(known after deploy: Layer is replaced),"arn:aws:lambda:eu-west-1:123456789012:layer:x:1"] (edited)

            """#))
        #expect(PlanMarkdownReporter().render(run).contains(#"""
            | `P` | `[(known after deploy: Layer),"arn:aws:lambda:eu-west-1:123456789012:layer:x:1"]` | `[(known after deploy: Layer is replaced),"arn:aws:lambda:eu-west-1:123456789012:layer:x:1"]` | edited |
            """#))
    }
}
