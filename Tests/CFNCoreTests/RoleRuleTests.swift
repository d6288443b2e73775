import CFNCore
import CFNLoader
import Testing

@Suite struct RoleRuleTests {
    @Test func messages() {
        let text = """
            Parameters:
              RoleArn: {Type: String, Default: lambda-role}
            Resources:
              NoProperties:
                Type: AWS::Lambda::Function
              NoRole:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.12}
              Name:
                Type: AWS::Lambda::Function
                Properties: {Role: lambda-role}
              Parameter:
                Type: AWS::Lambda::Function
                Properties: {Role: !Ref RoleArn}
              Policy:
                Type: AWS::Lambda::Function
                Properties: {Role: 'arn:aws:iam::123456789012:policy/lambda'}
              RefRole:
                Type: AWS::Lambda::Function
                Properties: {Role: !Ref Role}
              RoleId:
                Type: AWS::Lambda::Function
                Properties: {Role: !GetAtt Role.RoleId}
              FromBucket:
                Type: AWS::Lambda::Function
                Properties: {Role: !GetAtt Bucket.Arn}
              Role:
                Type: AWS::IAM::Role
              Bucket:
                Type: AWS::S3::Bucket

            """
        let fix = "set Role to !GetAtt <Role>.Arn of an AWS::IAM::Role, or to an IAM role ARN"
        #expect(RoleRule().located(text) == [
            "4:3 function NoProperties has no Role; every function needs an execution role: \(fix)",
            "8:5 function NoRole has no Role; every function needs an execution role: \(fix)",
            "11:24 Role 'lambda-role' is a name, not an IAM role ARN; Lambda needs the role's ARN: arn:<partition>:iam::<account-id>:role/lambda-role, or !GetAtt <Role>.Arn for a role in this template",
            "14:24 Role resolves to 'lambda-role', which is a name, not an IAM role ARN; Lambda needs the role's ARN: arn:<partition>:iam::<account-id>:role/lambda-role, or !GetAtt <Role>.Arn for a role in this template",
            "17:24 Role 'arn:aws:iam::123456789012:policy/lambda' is not an IAM role ARN (arn:<partition>:iam::<account-id>:role/<name>)",
            "20:24 !Ref Role gives the role's name, not its ARN; use !GetAtt Role.Arn",
            "23:37 !GetAtt Role.RoleId is not the role's ARN; use !GetAtt Role.Arn",
            "26:39 !GetAtt Bucket.Arn is an attribute of Bucket (AWS::S3::Bucket), not an IAM role ARN; use !GetAtt <Role>.Arn of an AWS::IAM::Role",
        ])
        // A given value that is an ARN is right.
        #expect(RoleRule().located(text, ValidationSettings(parameters: ["RoleArn": "arn:aws:iam::123456789012:role/team/lambda-role"])).count == 7)
    }

    @Test func conditionsAndValuesNotJudged() {
        let text = """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !If [IsProd, !GetAtt Role.Arn, !Ref Role]
              Custom:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Setup.ExecutionRole
              Registry:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Thing.Arn
              Role:
                Type: AWS::IAM::Role
              Setup:
                Type: Custom::Setup
              Thing:
                Type: Acme::IAM::Role

            """
        #expect(RoleRule().located(text) == [
            "9:44 !Ref Role gives the role's name, not its ARN; use !GetAtt Role.Arn (when not IsProd)",
        ])
    }
}
