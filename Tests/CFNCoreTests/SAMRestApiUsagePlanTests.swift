import CFNCore
import CFNLoader
import Foundation
import Testing

/// `Auth.UsagePlan` of REST APIs against aws-sam-translator 1.110's output for the same templates.
@Suite struct SAMRestApiUsagePlanTests {
    /// Two APIs sharing a plan from `Globals`, both under one condition, with different deletion policies.
    static let shared = """
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          IsOn: !Equals [a, a]
        Globals:
          Api:
            Auth:
              ApiKeyRequired: true
              UsagePlan:
                CreateUsagePlan: SHARED
                UsagePlanName: shared
        Resources:
          First:
            Type: AWS::Serverless::Api
            Condition: IsOn
            DeletionPolicy: Delete
            Properties:
              StageName: v1
          Second:
            Type: AWS::Serverless::Api
            Condition: IsOn
            DeletionPolicy: Retain
            Properties:
              StageName: v2

        """

    static func resource(_ expansion: SAMExpansion, _ id: String) -> String {
        SAMRestApiAuthTests.json((expandedJSON(expansion)["Resources"] as? [String: Any])?[id])
    }

    @Test func aSharedPlanHoldsEveryStageWithCombinedAttributesAndTheOneCondition() {
        let (expansion, _) = expandSAM(Self.shared)
        #expect(expansion.findings.isEmpty)
        // The translator's order of the APIs (Python 2.7's order of `Resources`): Second, then First.
        #expect(Self.resource(expansion, "ServerlessUsagePlan") == #"{"Condition":"SharedUsagePlanCondition","DeletionPolicy":"Retain","DependsOn":["Second","First"],"Properties":{"ApiStages":[{"ApiId":{"Ref":"Second"},"Stage":{"Ref":"Secondv2Stage"}},{"ApiId":{"Ref":"First"},"Stage":{"Ref":"Firstv1Stage"}}],"UsagePlanName":"shared"},"Type":"AWS::ApiGateway::UsagePlan"}"#)
        #expect(Self.resource(expansion, "ServerlessApiKey") == #"{"Condition":"SharedUsagePlanCondition","DeletionPolicy":"Retain","DependsOn":["ServerlessUsagePlan"],"Properties":{"Enabled":true,"StageKeys":[{"RestApiId":{"Ref":"Second"},"StageName":{"Ref":"Secondv2Stage"}},{"RestApiId":{"Ref":"First"},"StageName":{"Ref":"Firstv1Stage"}}]},"Type":"AWS::ApiGateway::ApiKey"}"#)
        #expect(Self.resource(expansion, "ServerlessUsagePlanKey") == #"{"Condition":"SharedUsagePlanCondition","DeletionPolicy":"Retain","DependsOn":["ServerlessApiKey"],"Properties":{"KeyId":{"Ref":"ServerlessApiKey"},"KeyType":"API_KEY","UsagePlanId":{"Ref":"ServerlessUsagePlan"}},"Type":"AWS::ApiGateway::UsagePlanKey"}"#)
        // One condition is written as its name, as the translator writes it.
        #expect(SAMRestApiAuthTests.json(expandedJSON(expansion)["Conditions"]) == #"{"IsOn":{"Fn::Equals":["a","a"]},"SharedUsagePlanCondition":"IsOn"}"#)
    }

    @Test func aSharedPlanIsNotMadeWhileOneOfItsAPIsIsLeftAsWritten() {
        let (expansion, _) = expandSAM(Self.shared.replacingOccurrences(of: "      StageName: v2\n",
                                                                        with: "      StageName: v2\n      Auth: {ResourcePolicy: {IpRangeWhitelist: [1.2.3.4]}}\n"))
        #expect(SAMRestApiAuthTests.apiGatewayIds(expansion).isEmpty)
        #expect(expansion.findings.map(\.message).sorted() == [
            "AWS::Serverless::Api 'First' is only partly expanded: its RestApi, Deployment and Stage are not generated because it shares its usage plan with Second, which is not generated (its authorizers' permissions and the translator's checks are)",
            "AWS::Serverless::Api 'Second' is only partly expanded: its RestApi, Deployment and Stage are not generated because its Auth.ResourcePolicy is not written yet (its authorizers' permissions and the translator's checks are)",
        ])
    }

    @Test func aPlanPerAPIIsTheAPIsOwnWithItsAttributes() {
        let (expansion, _) = expandSAM(Self.shared.replacingOccurrences(of: "CreateUsagePlan: SHARED", with: "CreateUsagePlan: PER_API"))
        #expect(SAMRestApiAuthTests.apiGatewayIds(expansion).filter { !$0.contains("Deployment") } == [
            "First", "FirstApiKey", "FirstUsagePlan", "FirstUsagePlanKey", "Firstv1Stage",
            "Second", "SecondApiKey", "SecondUsagePlan", "SecondUsagePlanKey", "Secondv2Stage",
        ])
        #expect(Self.resource(expansion, "FirstUsagePlan") == #"{"Condition":"IsOn","DeletionPolicy":"Delete","DependsOn":["First"],"Properties":{"ApiStages":[{"ApiId":{"Ref":"First"},"Stage":{"Ref":"Firstv1Stage"}}],"UsagePlanName":"shared"},"Type":"AWS::ApiGateway::UsagePlan"}"#)
        #expect(expandedJSON(expansion)["Conditions"].map { SAMRestApiAuthTests.json($0) } == #"{"IsOn":{"Fn::Equals":["a","a"]}}"#)
    }
}
