@testable import CFNCore
import CFNLoader
import Testing

/// Every finding of the full validator (every rule and the schemas, no date-dependent runtime
/// rules: `today` is not set), in source order, as `rule severity line:column message`.
func everyFinding(_ text: String) -> [String] {
    let report = Validator().validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.sorted(by: Finding.sourceOrder).map {
        "\($0.rule) \($0.severity) \(report.source.lineColumn(at: $0.range.start)) \($0.message)"
    }
}

/// The differences between cfn-lambda and cfn-lint 1.51.0 on the Lambda resources of the corpus
/// (`scripts/compare-with-cfn-lint.py`, docs/cfn-lint-comparison.md), each shown on a minimal
/// template: what cfn-lambda reports that cfn-lint does not, and why it is a real problem; what
/// cfn-lint reported that cfn-lambda now reports too; and cfn-lambda's former false positives.
@Suite struct CfnLintDifferenceTests {
    static let role = "arn:aws:iam::123456789012:role/fn"

    // MARK: Real problems cfn-lint does not report

    /// `Ref` of an AWS::IAM::Role is the role's name (CloudFormation AWS::IAM::Role, Return values:
    /// "Ref returns the resource name"); Role must be the role's ARN (aws-lambda-function.json:
    /// Role pattern `^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/…`). cfn-lint does not judge Ref values.
    /// Corpus: stelligent cfn_nag lambda_function templates (FunctionWith…RoleByRef), 11 functions.
    @Test func refOfARoleIsItsNameNotItsArn() {
        #expect(everyFinding("""
            Resources:
              ExecutionRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !Ref ExecutionRole
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {ZipFile: 'def handler(e, c): pass'}

            """) == [
            "lambda.role error 9:13 !Ref ExecutionRole gives the role's name, not its ARN; use !GetAtt ExecutionRole.Arn",
        ])
    }

    /// A .zip function (PackageType absent or Zip) needs Runtime and Handler (Lambda API
    /// CreateFunction: Runtime and Handler are "Required if the deployment package is a .zip file
    /// archive"). cfn-lint reports only a warning (W2533) for code in S3, an error only for ZipFile.
    /// Corpus: cfn-lint fixtures bad/resources/lambda/required_properties.yaml and zipfile_required_properties.yaml.
    @Test func aZipFunctionInS3WithoutRuntimeOrHandlerIsAnError() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}
                  Runtime: python3.12
                  PackageType: Zip

            """) == [
            "lambda.package-type error 8:7 a .zip function needs Handler (PackageType is Zip); add Handler",
        ])
    }

    /// Lambda has offered SnapStart only for Java 11+, Python 3.12+ and .NET 8+ (Lambda developer
    /// guide, SnapStart, Supported features and limitations). cfn-lint's E2530 judges runtimes by a
    /// list of refused versions that lacks python2.7. Corpus: serverless-application-model
    /// tests/translator/output/globals_for_function.json (and its aws-us-gov copy), MinimalFunction.
    @Test func snapStartOnPython27() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python2.7
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}
                  SnapStart:
                    ApplyOn: PublishedVersions

            """) == [
            "lambda.snapstart-runtime error 10:18 SnapStart is not supported for runtime python2.7 (Java 11+, Python 3.12+ and .NET 8+ only); use a supported runtime, or remove SnapStart",
        ])
    }

    /// A tag CloudFormation does not know is input for a preprocessor (here rain's `!Rain::Embed`);
    /// CloudFormation itself cannot read it. cfn-lint would report it (E3012, the value read as
    /// `{"Fn::Rain::Embed": …}` is not a string), but both corpus templates tell it not to, with
    /// `Metadata: {cfn-lint: {config: {ignore_checks: [E3012]}}}`. cfn-lambda reads no cfn-lint
    /// Metadata. Corpus: aws-cloudformation-templates APIGateway/apigateway_lambda_integration.yaml,
    /// CloudFormation/CustomResources/getfromjson/src/getfromjson.yml.
    @Test func anUnknownTagThatTheTemplateHidesFromCfnLint() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Metadata:
                  cfn-lint: {config: {ignore_checks: [E3012]}}
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    ZipFile: !Rain::Embed handler.py

            """) == [
            "yaml.unknown-tag error 11:18 unknown tag '!Rain::Embed'; CloudFormation knows !Ref, !GetAtt, !Sub and the other Fn:: short forms",
        ])
    }

    /// The JSON form of the same directive is a mapping where ZipFile must be a string
    /// (aws-lambda-function.json: Code.ZipFile type string); the template tells cfn-lint to ignore
    /// E3012 again. Corpus: aws-cloudformation-templates APIGateway/apigateway_lambda_integration.json.
    @Test func aMappingForZipFileThatTheTemplateHidesFromCfnLint() {
        #expect(everyFinding("""
            {"Resources": {"Fn": {
              "Type": "AWS::Lambda::Function",
              "Metadata": {"cfn-lint": {"config": {"ignore_checks": ["E3012"]}}},
              "Properties": {
                "Role": "\(Self.role)", "Runtime": "python3.12", "Handler": "index.handler",
                "Code": {"ZipFile": {"Rain::Embed": "handler.py"}}}}}}

            """) == [
            "schema.type error 6:25 Code.ZipFile must be a string (got a mapping)",
        ])
    }

    /// A Code mapping without ZipFile, S3Bucket and S3Key, or ImageUri gives Lambda no code
    /// (CloudFormation AWS::Lambda::Function Code: one of them). cfn-lint reports only the unknown
    /// key (E3002), which cfn-lambda reports as well. Corpus: rain test/pkl/directive.json.
    @Test func aCodeMappingWithOnlyAnUnknownKeyHasNoSource() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    Rain::S3: {Path: .}

            """) == [
            "lambda.code-source error 9:9 Code has no source; give ZipFile (inline code), S3Bucket and S3Key (a .zip in S3), or ImageUri (a container image)",
            "schema.additional-property error 9:9 unknown property 'Rain::S3' in Code",
        ])
    }

    /// A parameter's Default is its value when none is given, so a Default that is not a runtime
    /// makes the function's Runtime wrong (aws-lambda-function.json: Runtime enum). cfn-lint
    /// reports it as a warning (W1030, at the parameter). Corpus: cfn-lint fixtures
    /// bad/resources_lambda.yaml, myLambdaTwo (parameter myParameterRuntime2).
    @Test func aRuntimeFromAParameterDefault() {
        #expect(everyFinding("""
            Parameters:
              Runtime: {Type: String, Default: nodejs4.5}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: !Ref Runtime
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}

            """) == [
            "schema.enum error 8:16 Runtime 'nodejs4.5' is not one of the 46 allowed values (closest: nodejs4.3, nodejs14.x, nodejs24.x)",
        ])
    }

    // MARK: cfn-lint errors cfn-lambda now reports too

    /// Fn::Join takes [delimiter, [values]] (CloudFormation Fn::Join); cfn-lint E1022. Corpus:
    /// stelligent cfn_nag lambda_with_managed_policies.yaml, lambda_without_cloudwatch_logs_permission.yaml.
    @Test func fnJoinWithTheValuesOutsideTheirList() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: nodejs22.x
                  Handler: index.handler
                  Code:
                    ZipFile:
                      Fn::Join:
                        - ''
                        - var response = require('cfn-response');
                        - exports.handler = function(event, context) {}

            """) == [
            "intrinsic.arguments error 10:11 Fn::Join takes 2 arguments, [delimiter, [values]]; it has 3: put the values in one list, [delimiter, [a, b, …]]",
        ])
    }

    /// Fn::If takes three arguments (CloudFormation Fn::If); cfn-lint E1028. Corpus: cfn-lint fixtures
    /// bad/core/conditions.yaml, AMIIDLookup.
    @Test func fnIfWithoutItsElseValue() {
        #expect(everyFinding("""
            Conditions:
              IsPrimary: !Equals [!Ref 'AWS::Region', us-east-1]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role:
                    Fn::If:
                      - IsPrimary
                      - \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}

            """) == [
            "intrinsic.arguments error 8:9 Fn::If takes 3 arguments, [condition name, value if true, value if false]; it has 2",
        ])
    }

    /// cfn-lint E3696. Corpus: cfn-lint fixtures bad/lambda_logging_invalid.yaml.
    @Test func aLogLevelWithTheTextFormat() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}
                  LoggingConfig:
                    LogFormat: Text
                    SystemLogLevel: INFO

            """) == [
            "lambda.log-level-format error 11:9 SystemLogLevel needs the JSON log format (LogFormat is Text); set LogFormat: JSON, or remove SystemLogLevel",
        ])
    }

    /// cfn-lint E2530. Corpus: cfn-lint fixtures bad/resources/lambda/snapstart-supported.yaml.
    @Test func snapStartOnPython310() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.10
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}
                  SnapStart: {ApplyOn: PublishedVersions}

            """) == [
            "lambda.snapstart-runtime error 9:28 SnapStart is not supported for runtime python3.10 (Java 11+, Python 3.12+ and .NET 8+ only); use a supported runtime, or remove SnapStart",
        ])
    }

    /// cfn-lint E3006 and E3038 (one problem). Corpus: serverless-application-model
    /// tests/translator/input/*.yaml, checkov LambdaFunction/template.yaml, sam-cli test_intrinsic_template_resolution.json.
    @Test func aServerlessFunctionWithoutTheTransform() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: index.handler, CodeUri: src/}

            """) == [
            "template.serverless-without-transform error 3:11 AWS::Serverless::Function needs the SAM transform: add Transform: AWS::Serverless-2016-10-31 to the template",
        ])
    }

    // MARK: Former false positives of cfn-lambda

    /// `aws cloudformation package` and `sam package` turn a string Code into its S3 location (AWS CLI
    /// reference, cloudformation package); cfn-lint reports it as a warning (W3002) too. It was a
    /// schema.type error. Corpus: 58 functions and layers in sam-cli test data and cfn-lint fixtures.
    @Test func aLocalCodePathIsAWarningForThePackageStep() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code: ./src
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  Content: layer/

            """) == [
            "lambda.code-local-path warning 8:13 Code './src' is a local path (or S3 URI) that `aws cloudformation package` or `sam package` uploads and replaces with its S3 location; CloudFormation itself needs a mapping (S3Bucket and S3Key): deploy the packaged template",
            "lambda.code-local-path warning 12:16 Content 'layer/' is a local path (or S3 URI) that `aws cloudformation package` or `sam package` uploads and replaces with its S3 location; CloudFormation itself needs a mapping (S3Bucket and S3Key): deploy the packaged template",
        ])
    }

    /// A string made by a function is not rewritten by package: still a type error.
    @Test func aCodeStringFromAParameterStaysATypeError() {
        #expect(everyFinding("""
            Parameters:
              CodePath: {Type: String, Default: ./src}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code: !Ref CodePath

            """) == [
            "schema.type error 10:13 Code must be a mapping (got './src')",
        ])
    }

    /// A value under an unknown tag is replaced by a preprocessor (rain's `!Rain::S3` uploads a
    /// directory and writes S3Bucket and S3Key): its keys are not Code's properties. Reported once,
    /// as the tag. Corpus: rain modules/api-resource.yaml, cft/pkg/tmpl/s3-props-template.yaml,
    /// test/templates/forecast/forecast-lambda.yaml, aws-cloudformation-templates RainModules/api-resource.yml.
    @Test func theValueUnderAnUnknownTagIsNotJudged() {
        #expect(everyFinding("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: python3.12
                  Handler: index.handler
                  Code: !Rain::S3
                    Path: lambda-src
                    Zip: true
                    BucketProperty: S3Bucket
                    KeyProperty: S3Key

            """) == [
            "yaml.unknown-tag error 8:13 unknown tag '!Rain::S3'; CloudFormation knows !Ref, !GetAtt, !Sub and the other Fn:: short forms",
        ])
    }

    /// A Default its own AllowedValues reject stops the stack before any resource is made
    /// (parameter.value reports it); it is never the function's Runtime. Corpus: cfn-lint fixtures
    /// bad/resources_lambda.yaml, myLambdaFunction2, myLambda3, myLambda4.
    @Test func aDefaultOutsideAllowedValuesIsNotAValue() {
        #expect(everyFinding("""
            Parameters:
              Runtime: {Type: String, Default: nodejs4.5, AllowedValues: [python3.12, python3.13]}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: \(Self.role)
                  Runtime: !Ref Runtime
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}

            """) == [
            "parameter.value error 2:36 Default 'nodejs4.5' of parameter Runtime is not one of the AllowedValues: python3.12, python3.13",
        ])
    }

    /// A Role removed under one condition was reported twice: by lambda.role at the Fn::If and by
    /// schema.required at Properties. Corpus: cfn-lint fixtures good/core/conditions.yaml and
    /// good/functions/relationship_conditions.yaml, AMIIDLookup.
    @Test func aRoleRemovedUnderAConditionIsReportedOnce() {
        #expect(everyFinding("""
            Conditions:
              IsPrimary: !Equals [!Ref 'AWS::Region', us-east-1]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !If [IsPrimary, \(Self.role), !Ref 'AWS::NoValue']
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: my-bucket, S3Key: function.zip}

            """) == [
            "lambda.role error 7:13 function Fn has no Role; every function needs an execution role: set Role to !GetAtt <Role>.Arn of an AWS::IAM::Role, or to an IAM role ARN (when not IsPrimary)",
        ])
    }

    /// SAM moves DeploymentPreference.Alarms into the CodeDeploy deployment group it makes, so the
    /// function does not depend on the alarm that watches it; the cycle existed only before the
    /// transform. Corpus: cfn-lint fixtures issues/sam_w_conditions.yaml.
    @Test func noCycleThroughTheAlarmsOfASamDeploymentPreference() {
        let findings = everyFinding("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  CodeUri: src/
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent10Minutes
                    Alarms: [!Ref Errors]
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Dimensions: [{Name: FunctionName, Value: !Ref Fn}]

            """)
        #expect(findings == [])
    }

    /// The SAM transform makes `ServerlessHttpApi` for HttpApi events and `<Function>Role` for a
    /// function without Role; references to them are not undefined. `ServerlessDeploymentApplication`
    /// is made only for a DeploymentPreference (none here), so a reference to it is, as cfn-lint
    /// 1.51.0 says too (E6101), and so is another name.
    /// Corpus: aws-lambda-web-adapter examples/fastapi-zip/template.yaml (outputs).
    @Test func namesTheSamTransformMakesAreNotUndefined() {
        #expect(everyFinding("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, Events: {Http: {Type: HttpApi}}}
            Outputs:
              Url:
                Value: !Sub https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/
              Role:
                Value: !GetAtt ApiRole.Arn
              Application:
                Value: !Ref ServerlessDeploymentApplication
              Other:
                Value: !Ref VpcStackName

            """) == [
            "reference.undefined error 12:17 Ref to 'ServerlessDeploymentApplication', which is not a parameter, resource or pseudo parameter",
            "reference.undefined error 14:17 Ref to 'VpcStackName', which is not a parameter, resource or pseudo parameter",
        ])
    }

    // MARK: cfn-lint errors that are not problems

    /// Content.S3ObjectStorageMode exists on layers as on functions (seed
    /// lambda-self-managed-s3-code-storage.txt, "Using self-managed S3 storage with layers");
    /// cfn-lint 1.51.0's schema lacks it (E3002), cfn-lambda's patch adds it. Corpus: aws-cdk
    /// integ.lambda-s3-object-storage-mode LayerVersion3878DA3A.
    @Test func s3ObjectStorageModeOnALayer() {
        #expect(everyFinding("""
            Resources:
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  Content: {S3Bucket: my-bucket, S3Key: layer.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}

            """).filter { $0.contains(" error ") } == [])
    }
}
