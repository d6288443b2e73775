import CFNCore
import CFNLoader
import Testing

/// `EndpointConfiguration` with both `VPCEndpointIds` (SAM's spelling) and `VpcEndpointIds` (API
/// Gateway's) is the translator's error (`_set_endpoint_configuration` in api_generator.py; the
/// message is aws-sam-translator 1.110's for this template).
@Suite struct SAMRestApiEndpointIdsTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          MyApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: dev
              EndpointConfiguration:
                Type: PRIVATE
                VPCEndpointIds: [vpce-1]
                VpcEndpointIds: [vpce-2]

        """

    @Test func bothSpellingsTogetherAreAnErrorAtTheKey() {
        let (expansion, source) = expandSAM(Self.template)
        #expect(samErrors(expansion, source)
            == ["7:7 Resource with id [MyApi] is invalid. 'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in EndpointConfiguration."])
    }

    @Test func eitherSpellingAloneIsWrittenAsVpcEndpointIds() {
        let (expansion, _) = expandSAM(Self.template.replacingOccurrences(of: "        VpcEndpointIds: [vpce-2]\n", with: ""))
        #expect(expansion.findings.isEmpty)
        #expect(expandedProperty(expansion, "MyApi", "EndpointConfiguration") == #"{"Types":["PRIVATE"],"VpcEndpointIds":["vpce-1"]}"#)
    }
}
