@testable import CFNCore
import CFNLoader
import Testing

/// The translator's checks of a `Cognito` event (samtranslator/model/eventsources/push.py, `Cognito`).
@Suite struct SAMCognitoEventTests {
    @Test func aTriggerIsSetOnceOnAPoolOfTheTemplate() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                CodeUri: s3://bucket/key.zip
                Handler: index.h
                Runtime: python3.12
            Resources:
              Pool:
                Type: AWS::Cognito::UserPool
                Properties:
                  LambdaConfig: {PreSignUp: arn:aws:lambda:us-east-1:123456789012:function:f}
              Again:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    SignUp: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: PreSignUp}}
              Elsewhere:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    SignUp: {Type: Cognito, Properties: {UserPool: !Ref Other, Trigger: PreSignUp}}
              NotNames:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    SignUp: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: {a: b}}}
              Fine:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Auth: {Type: Cognito, Properties: {UserPool: !Ref Pool, Trigger: [PostAuthentication]}}
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            #"16:67 Resource with id [Again] is invalid. Event with id [SignUp] is invalid. Cognito trigger "PreSignUp" defined multiple times."#,
            "21:46 Resource with id [Elsewhere] is invalid. Event with id [SignUp] is invalid. Cognito events must reference a Cognito UserPool in the same template.",
            "26:67 Resource with id [NotNamesSignUp] is invalid. Type of property 'Trigger' is invalid.",
        ])
    }
}
