import CFNCore
import CFNLoader
import Foundation
import Testing

/// A REST API's custom `Domain` against aws-sam-translator 1.110's output for the same template
/// (every expected resource below is the translator's, compact with sorted keys).
@Suite struct SAMRestApiDomainTests {
    /// An EDGE domain with base paths kept as written and IPv6 records, a REGIONAL one in the same
    /// hosted zone, and one with a record set group of its own.
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Edge
                    Path: /items
                    Method: get
          Edge:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Domain:
                DomainName: api.example.com
                CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/edge
                EndpointConfiguration: EDGE
                BasePath: [/v1/, shop-api]
                NormalizeBasePath: false
                Route53:
                  HostedZoneId: Z1234567890
                  IpV6: true
          Regional:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Domain:
                DomainName: regional.example.com
                CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/regional
                Route53:
                  HostedZoneId: Z1234567890
                  EvaluateTargetHealth: true
          Separate:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Domain:
                DomainName: separate.example.com
                CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/separate
                Route53:
                  HostedZoneName: example.com.
                  SeparateRecordSetGroup: true

        """

    @Test func domainsBasePathsAndRecordsAreMadeAsTheTranslatorMakesThem() {
        let (expansion, _) = expandSAM(Self.template)
        #expect(expansion.findings.isEmpty)
        #expect(SAMRestApiAuthTests.apiGatewayIds(expansion) == [
            "ApiGatewayDomainName1bc412bb08", "ApiGatewayDomainName53dba99197", "ApiGatewayDomainName7f8c03b255",
            "Edge", "EdgeDeployment1e38e58770", "EdgeprodStage", "EdgeshopapiBasePathMapping", "Edgev1BasePathMapping",
            "Regional", "RegionalBasePathMapping", "RegionalDeployment75e3cfdd5e", "RegionalprodStage",
            "Separate", "SeparateBasePathMapping", "SeparateDeployment8e71362837", "SeparateprodStage",
        ])
        let resource = { (id: String) in SAMRestApiUsagePlanTests.resource(expansion, id) }
        #expect(resource("ApiGatewayDomainName1bc412bb08") == #"{"Properties":{"CertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/edge","DomainName":"api.example.com","EndpointConfiguration":{"Types":["EDGE"]}},"Type":"AWS::ApiGateway::DomainName"}"#)
        #expect(resource("ApiGatewayDomainName7f8c03b255") == #"{"Properties":{"DomainName":"regional.example.com","EndpointConfiguration":{"Types":["REGIONAL"]},"RegionalCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/regional"},"Type":"AWS::ApiGateway::DomainName"}"#)
        // `NormalizeBasePath: false`: the path as written, named by its letters and digits.
        #expect(resource("Edgev1BasePathMapping") == #"{"Properties":{"BasePath":"/v1/","DomainName":{"Ref":"ApiGatewayDomainName1bc412bb08"},"RestApiId":{"Ref":"Edge"},"Stage":{"Ref":"EdgeprodStage"}},"Type":"AWS::ApiGateway::BasePathMapping"}"#)
        #expect(resource("EdgeshopapiBasePathMapping") == #"{"Properties":{"BasePath":"shop-api","DomainName":{"Ref":"ApiGatewayDomainName1bc412bb08"},"RestApiId":{"Ref":"Edge"},"Stage":{"Ref":"EdgeprodStage"}},"Type":"AWS::ApiGateway::BasePathMapping"}"#)
        // One group per hosted zone, its records in the translator's order of the APIs (Regional, then Edge).
        #expect(resource("RecordSetGroup37b64a35e8") == #"{"Properties":{"HostedZoneId":"Z1234567890","RecordSets":[{"AliasTarget":{"DNSName":{"Fn::GetAtt":["ApiGatewayDomainName7f8c03b255","RegionalDomainName"]},"EvaluateTargetHealth":true,"HostedZoneId":{"Fn::GetAtt":["ApiGatewayDomainName7f8c03b255","RegionalHostedZoneId"]}},"Name":"regional.example.com","Type":"A"},{"AliasTarget":{"DNSName":{"Fn::GetAtt":["ApiGatewayDomainName1bc412bb08","DistributionDomainName"]},"HostedZoneId":"Z2FDTNDATAQYW2"},"Name":"api.example.com","Type":"A"},{"AliasTarget":{"DNSName":{"Fn::GetAtt":["ApiGatewayDomainName1bc412bb08","DistributionDomainName"]},"HostedZoneId":"Z2FDTNDATAQYW2"},"Name":"api.example.com","Type":"AAAA"}]},"Type":"AWS::Route53::RecordSetGroup"}"#)
        #expect(resource("RecordSetGroup34e405b9cf") == #"{"Properties":{"HostedZoneName":"example.com.","RecordSets":[{"AliasTarget":{"DNSName":{"Fn::GetAtt":["ApiGatewayDomainName53dba99197","RegionalDomainName"]},"HostedZoneId":{"Fn::GetAtt":["ApiGatewayDomainName53dba99197","RegionalHostedZoneId"]}},"Name":"separate.example.com","Type":"A"}]},"Type":"AWS::Route53::RecordSetGroup"}"#)
    }

    /// The deployment hashes the domain as the translator leaves it (`ApiDomainName` and, for EDGE
    /// with Route 53, the distribution's name added), so a domain change makes a new deployment.
    @Test func aDomainChangeMakesANewDeployment() {
        let (expansion, _) = expandSAM(Self.template.replacingOccurrences(of: "IpV6: true", with: "IpV6: false"))
        #expect(SAMRestApiAuthTests.apiGatewayIds(expansion).filter { $0.hasPrefix("EdgeDeployment") } == ["EdgeDeploymentcdb77f986f"])
    }

    @Test func aPrivateDomainStillLeavesTheAPIAsWrittenAndSaysWhy() {
        let (expansion, _) = expandSAM(Self.template.replacingOccurrences(of: "EndpointConfiguration: EDGE", with: "EndpointConfiguration: PRIVATE"))
        #expect(!SAMRestApiAuthTests.apiGatewayIds(expansion).contains("Edge"))
        #expect(expansion.findings.contains { $0.rule == "sam.partly-expanded" && $0.message.contains("its private Domain is not written yet") })
    }

    @Test func aSeparateRecordSetGroupMustBeABoolean() {
        let (expansion, _) = expandSAM(Self.template.replacingOccurrences(of: "SeparateRecordSetGroup: true", with: "SeparateRecordSetGroup: \"yes\""))
        #expect(expansion.findings.filter { $0.rule == "sam.invalid" }.map { "\($0.resource ?? "-") \($0.message)" }
            == ["Separate Resource with id [Separate] is invalid. Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean."])
    }
}
