@testable import CFNCore
import CFNLoader
import Testing

/// `AWS::Serverless::StateMachine` (samtranslator/model/stepfunctions/generators.py); the
/// expected resources and messages are the translator's for the same templates.
@Suite struct SAMStateMachineTests {
    @Test func theDefinitionIsJoinedJSONWithItsIntrinsicsSubstituted() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionSubstitutions: {Given: x}
                  Definition:
                    StartAt: B
                    States:
                      B: {Type: Task, Resource: !Ref Fn, Parameters: {Secret: '{{resolve:ssm:/p}}', List: [1, 2.5, true, null]}, End: true}
                      A: {Type: Pass, Result: "é", Next: B}
                  AutoPublishAlias: live
                  UseAliasAsEventTarget: true
                  PropagateTags: true
                  Tags: {team: a}
                  Events:
                    Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
            """)
        #expect(!expansion.findings.contains { $0.rule == "sam.not-expanded" })
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Flow", "FlowAliaslive", "FlowNightly", "FlowNightlyRole", "FlowRole", "FlowVersion"])
        #expect(expandedProperty(expansion, "Flow", "DefinitionString") == #"""
            {"Fn::Join":["\n",["{","    \"StartAt\": \"B\",","    \"States\": {","        \"A\": {","            \"Next\": \"B\",",\#
            "            \"Result\": \"\\u00e9\",","            \"Type\": \"Pass\"","        },","        \"B\": {","            \"End\": true,",\#
            "            \"Parameters\": {","                \"List\": [","                    1,","                    2.5,","                    true,",\#
            "                    null","                ],","                \"Secret\": \"${definition_substitution_1}\"","            },",\#
            "            \"Resource\": \"${definition_substitution_2}\",","            \"Type\": \"Task\"","        }","    }","}"]]}
            """#)
        #expect(expandedProperty(expansion, "Flow", "DefinitionSubstitutions")
            == #"{"definition_substitution_1":"{{resolve:ssm:/p}}","definition_substitution_2":{"Ref":"Fn"},"Given":"x"}"#)
        // PropagateTags replaces SAM's own tag, as the translator's `assign_tags` does.
        #expect(expandedProperty(expansion, "Flow", "Tags") == #"[{"Key":"team","Value":"a"}]"#)
        #expect(expandedProperty(expansion, "FlowAliaslive", "DeploymentPreference") == #"{"StateMachineVersionArn":{"Ref":"FlowVersion"},"Type":"ALL_AT_ONCE"}"#)
        #expect(expandedProperty(expansion, "FlowNightly", "Targets") == #"""
            [{"Arn":{"Ref":"FlowAliaslive"},"Id":"FlowNightlyStepFunctionsTarget","RoleArn":{"Fn::GetAtt":["FlowNightlyRole","Arn"]}}]
            """#)
        #expect(expandedProperty(expansion, "FlowNightlyRole", "Policies") == #"""
            [{"PolicyDocument":{"Statement":[{"Action":"states:StartExecution","Effect":"Allow","Resource":{"Ref":"FlowAliaslive"}}]},"PolicyName":"FlowNightlyRoleStartExecutionPolicy"}]
            """#)
    }

    @Test func theRoleTakesManagedPoliciesDocumentsTemplatesAndXRay() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/flow.json?versionId=3
                  Tracing: {Enabled: true}
                  Policies:
                    - AmazonS3ReadOnlyAccess
                    - LambdaInvokePolicy: {FunctionName: fn}
                    - Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: '*'}]
            """)
        #expect(expandedProperty(expansion, "Flow", "DefinitionS3Location") == #"{"Bucket":"bucket","Key":"flow.json","Version":"3"}"#)
        #expect(expandedProperty(expansion, "FlowRole", "ManagedPolicyArns")
            == #"["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess","arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"]"#)
        let policies = expandedProperty(expansion, "FlowRole", "Policies")
        #expect(policies.contains(#""PolicyName":"FlowRolePolicy1""#) && policies.contains(#""PolicyName":"FlowRolePolicy2""#))
        #expect(policies.contains("lambda:InvokeFunction"))
        #expect(expandedProperty(expansion, "FlowRole", "AssumeRolePolicyDocument").contains("states.amazonaws.com"))
    }

    @Test func aBadStateMachineGetsTheTranslatorsErrorsAtTheKey() {
        let machines: [(name: String, properties: String)] = [
            ("Both", "{Definition: {StartAt: A}, DefinitionUri: s3://b/k}"),
            ("Neither", "{Name: flow}"),
            ("RoleAndPolicies", "{Definition: {StartAt: A}, Role: arn:aws:iam::123456789012:role/r, Policies: [AWSLambdaRole]}"),
            ("Preference", "{Definition: {StartAt: A}, DeploymentPreference: {Type: ALL_AT_ONCE}}"),
            ("AliasTarget", "{Definition: {StartAt: A}, UseAliasAsEventTarget: true}"),
            ("Uri", "{DefinitionUri: {Bucket: b}}"),
            ("Template", "{Definition: {StartAt: A}, Policies: [{SQSSendMessagePolicy: {}}]}"),
            ("Named", "{Definition: {StartAt: A}, Name: [a]}"),
            ("Event", "{Definition: {StartAt: A}, Events: {E: {Type: SQS, Properties: {Queue: q}}}}"),
            ("Api", "{Definition: {StartAt: A}, Events: {E: {Type: Api, Properties: {Path: /, Method: get, RestApiId: !Ref Missing}}}}"),
            ("Dlq", "{Definition: {StartAt: A}, Events: {E: {Type: EventBridgeRule, Properties: {DeadLetterConfig: {Type: SNS}}}}}"),
        ]
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        for machine in machines {
            text += "  \(machine.name):\n    Type: AWS::Serverless::StateMachine\n    Properties: \(machine.properties)\n"
        }
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            "5:44 Resource with id [Both] is invalid. Specify either 'Definition' or 'DefinitionUri' property and not both.",
            "6:3 Resource with id [Neither] is invalid. Either 'Definition' or 'DefinitionUri' property must be specified.",
            "11:84 Resource with id [RoleAndPolicies] is invalid. Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them",
            "14:44 Resource with id [Preference] is invalid. 'DeploymentPreference' requires 'AutoPublishAlias' property to be specified.",
            "17:44 Resource with id [AliasTarget] is invalid. 'UseAliasAsEventTarget' requires 'AutoPublishAlias' property to be specified.",
            "20:18 Resource with id [Uri] is invalid. 'DefinitionUri' requires Bucket and Key properties to be specified.",
            "23:56 Resource with id [Template] is invalid. Following required parameters of template 'SQSSendMessagePolicy' don't have values: ['QueueName']",
            "26:44 Resource with id [Named] is invalid. Property 'Name' should be a string.",
            "29:63 Resource with id [Event] is invalid. Event with id [E] is invalid. Resource dict has missing or invalid value for key Type. Event Type is: SQS.",
            "32:103 Resource with id [Api] is invalid. Event with id [E] is invalid. RestApiId property of Api event must reference a valid resource in the same template.",
            "35:118 Resource with id [Dlq] is invalid. Event with id [DlqE] is invalid. The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.",
        ])
    }
}
