import CFNCore
import Testing

/// Every intrinsic's argument shape and arity, checked where the call is written (issue 19, item 1;
/// cfn-lint reports these as E1010-E1024).
@Suite struct IntrinsicArgumentShapeTests {
    @Test func aRefOfAMappingIsReportedWhereItIsWritten() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: code-bucket, S3Key: fn.zip}
                  Runtime: python3.12
                  Handler: index.handler
                  Description: !Ref {a: b}
                  Timeout: !Ref {a: b}

            """
        #expect(validationLines(text) == [
            "intrinsic.arguments error 9:20 Ref takes a name (a string); it has a mapping",
            "intrinsic.arguments error 10:16 Ref takes a name (a string); it has a mapping",
        ])
    }

    @Test func eachFunctionSaysTheFormItTakes() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Fn
                  Handler: !GetAtt [Fn, Arn, X]
                  Code: {S3Bucket: !Sub [abc], S3Key: !Sub [abc, def]}
                  MemorySize: !Select [first, [128, 256]]
                  FunctionName: !Split [[a], abc]
                  Description: !Base64 [a]
                  KmsKeyArn: !GetAZs {a: b}
                  Runtime: !ImportValue [a]
                  Layers: !Cidr [10.0.0.0/16, 1]
                  Environment:
                    Variables:
                      A: !FindInMap [M, a, b, {DefaultValue: x}]
                      B: !Join [[a], [b]]
                      C: !If [[C], a, b]

            """
        #expect(validationLines(text).filter { $0.hasPrefix("intrinsic.") } == [
            "intrinsic.arguments error 5:13 Fn::GetAtt takes [resource, attribute] or 'Resource.Attribute'; it has 'Fn', with no attribute after a dot",
            "intrinsic.arguments error 6:16 Fn::GetAtt takes 2 arguments, [resource, attribute] or 'Resource.Attribute'; it has 3",
            "intrinsic.arguments error 7:24 Fn::Sub takes 2 arguments, a string or [string, {variables}]; it has 1",
            "intrinsic.arguments error 7:43 Fn::Sub takes a string or [string, {variables}]: the variables must be a mapping, not 'def'",
            "intrinsic.arguments error 8:19 Fn::Select takes [index, list]: the index must be a number or a function, not 'first'",
            "intrinsic.arguments error 9:21 Fn::Split takes [delimiter, text]: the delimiter must be a string, not a list",
            "intrinsic.arguments error 10:20 Fn::Base64 takes a string or a function; it has a list",
            "intrinsic.arguments error 11:18 Fn::GetAZs takes a region (a string, '' for the stack's) or a function; it has a mapping",
            "intrinsic.arguments error 12:16 Fn::ImportValue takes an export name (a string or a function); it has a list",
            "intrinsic.arguments error 13:15 Fn::Cidr takes 3 arguments, [ipBlock, count, cidrBits]; it has 2",
            "intrinsic.arguments error 16:14 Fn::FindInMap takes 3 arguments, [map, top-level key, second-level key]; it has 4: a fourth item, {DefaultValue: value}, needs Transform: AWS::LanguageExtensions",
            "intrinsic.arguments error 17:14 Fn::Join takes [delimiter, [values]]: the delimiter must be a string, not a list",
            "intrinsic.arguments error 18:14 Fn::If takes [condition name, value if true, value if false]: the condition name must be a string, not a list",
        ])
    }

    @Test func aFindInMapDefaultNeedsLanguageExtensionsAndADefaultValue() {
        let text = """
            Transform: AWS::LanguageExtensions
            Mappings:
              M: {a: {b: python3.12}}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: code-bucket, S3Key: fn.zip}
                  Handler: index.handler
                  Runtime: !FindInMap [M, a, b, {DefaultValue: python3.12}]
                  Description: !FindInMap [M, a, c, {Default: x}]
                  # The default is the value of DefaultValue, a string here: no schema.type finding.
                  KmsKeyArn: !FindInMap [M, a, c, {DefaultValue: 'arn:aws:kms:us-east-1:123456789012:key/k'}]

            """
        #expect(validationLines(text) == [
            "intrinsic.arguments error 12:20 Fn::FindInMap takes [map, top-level key, second-level key, {DefaultValue: value}]: its fourth item has no DefaultValue",
        ])
    }

    @Test func languageExtensionsLetRefAndGetAttTakeFunctions() {
        let text = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Stage: {Type: String, Default: prod}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {S3Bucket: code-bucket, S3Key: fn.zip}
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !GetAtt [!Sub 'Role${Stage}', Arn]
                  Description: !Ref {'Fn::Sub': 'Role${Stage}'}
                  Timeout: !Ref {a: b}
              Roleprod:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}

            """
        #expect(validationLines(text) == [
            "intrinsic.arguments error 13:16 Ref takes a name or a function; it has a mapping",
        ])
    }
}
