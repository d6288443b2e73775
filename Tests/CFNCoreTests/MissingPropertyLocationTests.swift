import CFNCore
import Testing

/// A missing required property is reported where it is missing: at the key of the mapping that
/// lacks it, or at the logical ID when the resource has no Properties (issue 19, item 2).
@Suite struct MissingPropertyLocationTests {
    @Test func aFunctionWithoutRoleIsReportedAtItsPropertiesKey() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {ZipFile: x}
              Bare:
                Type: AWS::Lambda::Function

            """
        #expect(validationLines(text) == [
            "lambda.role error 4:5 function Fn has no Role; every function needs an execution role: set Role to !GetAtt <Role>.Arn of an AWS::IAM::Role, or to an IAM role ARN",
            "lambda.role error 8:3 function Bare has no Role; every function needs an execution role: set Role to !GetAtt <Role>.Arn of an AWS::IAM::Role, or to an IAM role ARN",
            // The schema's finding on Role says the same as lambda.role's, at the same key and path, and is dropped.
            "schema.required error 8:3 missing required property 'Code' of AWS::Lambda::Function",
        ])
    }

    @Test func aNestedMappingIsReportedAtItsKey() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  SnapStart:
                    Other: 1
                  FileSystemConfigs:
                    - LocalMountPath: /mnt/data

            """
        let lines = validationLines(text).filter { $0.hasPrefix("schema.required") }
        #expect(lines == [
            "schema.required error 9:7 missing required property 'ApplyOn' in SnapStart",
            // A mapping in a list has no key of its own: it is reported at the mapping.
            "schema.required error 12:11 missing required property 'Arn' in FileSystemConfigs[0]",
        ])
    }
}
