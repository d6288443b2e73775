@testable import CFNCore
import CFNLoader
import Testing

/// A layer whose `ContentUri` is a local folder, as before `sam package`.
@Suite struct SAMLocalLayerTests {
    /// The expansion writes a local path as the placeholder S3 location; the logical ID is the
    /// translator's for the template with that location. Expected ID: aws-sam-translator 1.110's
    /// `transform` of the same layer with `ContentUri: s3://local-artifact-uploaded-by-sam-package/layers/deps/`
    /// gives `Deps483b74b1a4` with `Content` {S3Bucket: local-artifact-uploaded-by-sam-package, S3Key: layers/deps/}.
    @Test func localContentUriHashesAsThePlaceholderLocation() {
        for contentUri in ["layers/deps/", "s3://local-artifact-uploaded-by-sam-package/layers/deps/"] {
            let (expansion, _) = expandSAM("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Deps:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      LayerName: deps
                      ContentUri: \(contentUri)
                      CompatibleRuntimes: [python3.12]
                """)
            let template = expansion.template!
            let layer = template.resources.first { $0.type == "AWS::Lambda::LayerVersion" }
            #expect(layer?.logicalId == "Deps483b74b1a4", "ContentUri: \(contentUri)")
            let key = expandedNode(expansion, "Deps483b74b1a4", "Properties", "Content", "S3Key")
            #expect(key.flatMap { template.tree.string($0) } == "layers/deps/")
        }
    }
}
