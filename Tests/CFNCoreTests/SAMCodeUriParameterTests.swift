import CFNCore
import CFNLoader
import Testing

/// `CodeUri: !Ref CodeUri` is the translator's error (a mapping without Bucket or Key), even with a
/// value for the parameter: the transform resolves no parameter in CodeUri (aws-sam-translator 1.110
/// raises it with the value given); the message says where the value is resolved.
@Suite struct SAMCodeUriParameterTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          CodeUri: {Type: String}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: !Ref CodeUri}

        """

    @Test func aParameterWithoutAValueIsAnErrorThatSaysHowToGiveIt() {
        let (expansion, source) = expandSAM(Self.template)
        let errors = expansion.findings.filter { $0.rule == "sam.invalid" }
        #expect(errors.map { "\(source.lineColumn(at: $0.range.start)) \($0.message)" } == [
            "7:61 Resource with id [Fn] is invalid. 'CodeUri' requires Bucket and Key properties to be specified. "
                + "(the SAM transform does not resolve !Ref CodeUri here; sam build and sam package do, "
                + "so check the template they write, such as .aws-sam/build/template.yaml)",
        ])
    }

    @Test func aValueForTheParameterDoesNotChangeIt() {
        let (expansion, _) = expandSAM(Self.template, parameters: ["CodeUri": "build/fn"])
        #expect(expansion.findings.filter { $0.rule == "sam.invalid" }.count == 1)
    }
}
