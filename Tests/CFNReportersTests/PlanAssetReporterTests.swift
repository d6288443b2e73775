import CFNCore
import CFNReporters
import Foundation
import Testing

/// The CDK assets of a plan, and the sizes estimated from them, as each format shows them.
@Suite struct PlanAssetReporterTests {
    /// The sample plan with Orders's code a CDK folder asset (estimated) and Deps's a zip asset whose
    /// unzipped size is not known.
    static func run() -> PlanRun {
        var plan = PlanSample.plan
        plan.storage.estimatedSizes = ["Orders"]
        plan.assets = [
            CodeAsset(path: "asset.1f2e", packaging: .zipDirectory, source: .manifest, logicalIds: ["Orders", "Reports"],
                      zippedBytes: 1_300_000, unzippedBytes: 4_200_000, zippedEstimated: true),
            CodeAsset(path: "asset.9a8b.zip", packaging: .file, source: .metadata, logicalIds: ["Deps"],
                      zippedBytes: 2048, unzippedBytes: nil, zippedEstimated: false),
        ]
        return PlanSample.run(plan)
    }

    @Test func jsonListsTheAssetsAndTheEstimatedSizes() {
        let output = PlanJSONReporter().render(Self.run())
        #expect(output.contains(#""usagePeakBytes":null,"estimatedSizes":["Orders"],"usageBeforeNote":null},"assets":[{"path":"asset.1f2e","packaging":"zip","source":"manifest","logicalIds":["Orders","Reports"],"zippedBytes":1300000,"unzippedBytes":4200000,"zippedEstimated":true},{"path":"asset.9a8b.zip","packaging":"file","source":"metadata","logicalIds":["Deps"],"zippedBytes":2048,"unzippedBytes":null,"zippedEstimated":false}],"enis""#))
    }

    @Test func textMarksTheEstimates() {
        let output = PlanTextReporter().render(Self.run())
        #expect(output.contains("  ~ Orders (AWS::Lambda::Function) will be updated in place, storage −10.0 MiB (estimated)\n"))
        #expect(output.contains("-/+ Deps (AWS::Lambda::LayerVersion) will be replaced, storage +1.0 MiB\n"))
        #expect(output.contains("Code storage (Lambda-managed): −7.0 MiB (estimated) and sizes not known\n"))
        #expect(output.contains("""
              zipped sizes estimated (the folder is zipped at deploy): Orders
              CDK assets:
                asset.1f2e (folder, zipped at deploy) for Orders, Reports: 1.2 MiB zipped (estimated), 4.0 MiB unzipped
                asset.9a8b.zip (file) for Deps: 2.0 KiB zipped

            """))
    }

    @Test func markdownHasAnAssetTable() {
        let output = PlanMarkdownReporter().render(Self.run())
        #expect(output.contains("""
            Zipped sizes estimated (the folder is zipped at deploy): `Orders`

            | CDK asset | used by | size |
            |---|---|---|
            | `asset.1f2e` | `Orders`, `Reports` | 1.2 MiB zipped (estimated), 4.0 MiB unzipped |
            | `asset.9a8b.zip` | `Deps` | 2.0 KiB zipped |
            """))
    }
}
