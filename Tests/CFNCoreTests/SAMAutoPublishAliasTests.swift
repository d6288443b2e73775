@testable import CFNCore
import CFNLoader
import Testing

/// `AutoPublishAlias` as the translator reads it (`SamFunction.to_cloudformation`): an empty string
/// as written is no alias (`if self.AutoPublishAlias:`), a parameter resolving to one is an error,
/// and anything but a string or an intrinsic function is the wrong type (`one_of(IS_STR)`). The
/// expected resources and messages are aws-sam-translator 1.110's for the same templates.
@Suite struct SAMAutoPublishAliasTests {
    static func function(_ alias: String, _ more: String = "") -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Alias: {Type: String, Default: ''}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: s3://bkt/k.zip
              AutoPublishAlias: \(alias)\(more)
        """
    }

    static func outcome(_ text: String) -> String {
        let (expansion, source) = expandSAM(text)
        if let error = expansion.findings.first(where: { $0.rule == "sam.invalid" }) {
            return "\(source.lineColumn(at: error.range.start)) \(error.message)"
        }
        let resources = expansion.template?.resources ?? []
        return resources.map { "\($0.logicalId) \($0.type ?? "")" }.joined(separator: ", ")
    }

    @Test func anEmptyAliasAsWrittenPublishesNothing() {
        #expect(Self.outcome(Self.function("''")) == "Fn AWS::Lambda::Function, FnRole AWS::IAM::Role")
        #expect(Self.outcome(Self.function("\"\"", "\n      VersionDeletionPolicy: Delete")) == "Fn AWS::Lambda::Function, FnRole AWS::IAM::Role")
        #expect(Self.outcome(Self.function("''", "\n      FunctionUrlConfig: {AuthType: AWS_IAM}"))
            == "Fn AWS::Lambda::Function, FnUrl AWS::Lambda::Url, FnRole AWS::IAM::Role")
    }

    @Test func whatNeedsAnAliasStillAsksForOne() {
        #expect(Self.outcome(Self.function("''", "\n      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}"))
            == "12:7 Resource with id [Fn] is invalid. To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function")
        #expect(Self.outcome(Self.function("''", "\n      DeploymentPreference: {Type: AllAtOnce}"))
            == "12:7 Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.")
    }

    /// The translator tests the value as written: `!Ref Alias` is truthy, and resolves to ''.
    @Test func aParameterResolvingToNothingIsAnError() {
        #expect(Self.outcome(Self.function("!Ref Alias")) == "11:7 Resource with id [Fn] is invalid. Alias name is required to create an alias")
    }

    @Test func otherScalarsAndContainersAreTheWrongType() {
        for value in ["false", "0", "[]", "{}", "[live]"] {
            #expect(Self.outcome(Self.function(value)) == "11:7 Resource with id [Fn] is invalid. Type of property 'AutoPublishAlias' is invalid.", "\(value)")
        }
        #expect(Self.outcome(Self.function("live")).contains("FnAliaslive AWS::Lambda::Alias"))
    }
}
