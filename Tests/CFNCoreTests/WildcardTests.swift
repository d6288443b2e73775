@testable import CFNCore
import Testing

/// The one glob matcher, for IAM actions (case ignored, as IAM compares them) and S3 ARNs (case kept).
@Suite struct WildcardTests {
    @Test func actionsIgnoreCase() {
        #expect(Wildcard("EC2:*NetworkInterface*", ignoringCase: true).matches("ec2:CreateNetworkInterface"))
        #expect(Wildcard("ec2:describe?etworkInterfaces", ignoringCase: true).matches("ec2:DescribeNetworkInterfaces"))
        #expect(!Wildcard("ec2:Create*", ignoringCase: true).matches("ec2:DeleteNetworkInterface"))
    }

    @Test func arnsKeepCase() {
        #expect(!Wildcard("arn:aws:s3:::Bucket/*").matches("arn:aws:s3:::bucket/key.zip"))
        #expect(Wildcard("arn:aws:s3:::bucket/*").matches("arn:aws:s3:::bucket/key.zip"))
        #expect(Wildcard("é?").matches("éa"))
    }
}
