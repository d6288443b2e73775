import CFNCore
import CFNLoader
import Testing

/// Inputs a review found handled unlike aws-sam-translator 1.110 (each checked against it).
@Suite struct SAMReviewRegressionTests {
    @Test func anApplicationLocationThatIsAnIntrinsicIsARepositoryLocation() {
        // The translator takes any mapping, `Fn::Sub` or `Ref` included, as {ApplicationId, SemanticVersion}.
        for location in ["!Sub 'https://s3.amazonaws.com/${AWS::Region}/k.yaml'", "!Ref UrlParam"] {
            let (expansion, _) = expandSAM("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  UrlParam: {Type: String}
                Resources:
                  A:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: \(location)
                """, parameters: ["UrlParam": "https://s3.amazonaws.com/b/k.yaml"])
            #expect(expansion.findings.filter { $0.rule == "sam.invalid" }.map(\.message)
                    == ["Resource with id [A] is invalid. Resource is missing the required [ApplicationId] property."])
        }
    }

    @Test func aWebSocketRouteKeyWithANonASCIILetterMakesNoLogicalId() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              W:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    sendÉ: {FunctionArn: arn:f}
            """)
        let errors = expansion.findings.filter { $0.rule == "sam.invalid" }
        #expect(errors.map { "\(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)" }
                == ["8:9 WSendéRoute Resource with id [WSendéRoute] is invalid. Logical ids must be alphanumeric."])
        #expect(expansion.template?.resources.contains { $0.logicalId.contains("é") } != true)
    }
}
