@testable import CFNCore
import CFNLoader
import Testing

/// Review findings on the REST API resources.
@Suite struct SAMRestApiReviewTests {
    /// The implicit API plugin gives each implicit event its `RestApiId` before the translator reads
    /// the functions' names, so a `FunctionName` reaches the implicit API's deployment hash. Expected
    /// ID: aws-sam-translator 1.110's `transform` of this template.
    @Test func implicitApiDeploymentHashesTheFunctionName() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: a.h, CodeUri: s3://bucket/key.zip, FunctionName: my-function,
                             Events: {Get: {Type: Api, Properties: {Path: /items, Method: get}}}}
            """)
        let deployments = expansion.template?.resources.filter { $0.type == "AWS::ApiGateway::Deployment" }.map(\.logicalId)
        #expect(deployments == ["ServerlessRestApiDeployment9253366d9c"])
    }

    /// Many paths on one API: the Swagger's Python 2.7 key order, which each deep copy rebuilds,
    /// stays the translator's. Expected ID: aws-sam-translator 1.110's `transform` of this template.
    @Test func manyPathsKeepTheTranslatorsDeploymentId() {
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        for index in 0..<60 {
            text += """
              Fn\(index):
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: a.h, CodeUri: s3://bucket/key.zip,
                             Events: {Get: {Type: Api, Properties: {Path: "/p\(index)/{id}", Method: get}}}}

            """
        }
        let (expansion, _) = expandSAM(text)
        let deployments = expansion.template?.resources.filter { $0.type == "AWS::ApiGateway::Deployment" }.map(\.logicalId)
        #expect(deployments == ["ServerlessRestApiDeployment84b6b7974b"])
    }
}
