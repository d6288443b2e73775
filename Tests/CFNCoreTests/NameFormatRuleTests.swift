import CFNCore
import Testing

/// The characters and lengths Lambda accepts in names (issue 19, item 4).
@Suite struct NameFormatRuleTests {
    @Test func aFunctionNameWithASpaceAndASlash() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders api/v2
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: code-bucket, S3Key: fn.zip}
                  Runtime: python3.12
                  Handler: index.handler

            """
        #expect(validationLines(text) == [
            "lambda.name-format error 5:21 FunctionName 'orders api/v2' has the characters ' ', '/', which Lambda does not accept in a function name; use letters, digits, hyphens and underscores",
        ])
    }

    @Test func aSubStringWithoutSubIsLiteralText() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: ${AWS::StackName}-orders
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: code-bucket, S3Key: fn.zip}
                  Runtime: python3.12
                  Handler: index.handler

            """
        #expect(validationLines(text) == [
            "lambda.name-format error 5:21 FunctionName '${AWS::StackName}-orders' has the characters '$', '{', ':', '}', which Lambda does not accept in a function name; use letters, digits, hyphens and underscores (the text has ${…}: did you mean !Sub?)",
        ])
    }

    @Test func referencesLayersAliasesAndVersions() {
        let long = String(repeating: "f", count: 65)
        let text = """
            Resources:
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  LayerName: shared deps
                  Content: {S3Bucket: code-bucket, S3Key: layer.zip}
              Live:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: \(long)
                  Name: '2024'
                  FunctionVersion: v1
              Next:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: 123456789012:function:orders
                  Name: next
                  FunctionVersion: $LATEST
                  RoutingConfig:
                    AdditionalVersionWeights:
                      - {FunctionVersion: '7', FunctionWeight: 0.5}
                      - {FunctionVersion: seven, FunctionWeight: 0.1}
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: arn:aws:lambda:us-east-1:123456789012:function:orders/api
                  Action: lambda:InvokeFunction
                  Principal: sns.amazonaws.com

            """
        #expect(validationLines(text).filter { $0.hasPrefix("lambda.name-format") } == [
            "lambda.name-format error 5:18 LayerName 'shared deps' is not a layer name or a layer ARN (arn:<partition>:lambda:<region>:<account-id>:layer:<name>); a name has only letters, digits, hyphens and underscores",
            "lambda.name-format error 10:21 FunctionName is a function name of 65 characters; Lambda accepts at most 64",
            "lambda.name-format error 11:13 Name '2024' is only digits, which Lambda keeps for version numbers; an alias name needs a letter, a hyphen or an underscore",
            "lambda.name-format error 12:24 FunctionVersion 'v1' is not a version: Lambda takes a version number (1, 2, …) or $LATEST",
            "lambda.name-format error 22:31 FunctionVersion 'seven' is not a version: Lambda takes a version number (1, 2, …) or $LATEST",
            "lambda.name-format error 26:21 FunctionName 'arn:aws:lambda:us-east-1:123456789012:function:orders/api' is not a function name, a partial ARN (123456789012:function:name) or a function ARN; a name has only letters, digits, hyphens and underscores",
        ])
    }
}
