import CFNCore
import Testing

/// `LocalCodeChanges` without git: the comparison is given, path by path.
@Suite struct LocalCodePlanTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Deps:
            Type: AWS::Serverless::LayerVersion
            Properties: {ContentUri: layer/}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.h
              CodeUri: src/
              Layers: [!Ref Deps]
              AutoPublishAlias: live
              AutoPublishCodeSha256: 0123456789abcdef

        """

    /// Each change as `ID action [packaged] [retained] details`, for the paths `changed` (`Deps8bbe1127c1`
    /// is the layer version `expand` names).
    static func plan(_ text: String, changed: Set<String>) -> [String] {
        var options = PlanOptions()
        options.localCode = LocalCodeComparison(revision: "main") { changed.contains($0) ? .changed(since: "main") : .unchanged }
        let file = InputFile(path: "t.yaml", bytes: Array(text.utf8))
        let result = Analysis.plan(head: file, base: .template(name: "main:t.yaml", bytes: file.bytes), settings: AnalysisSettings(), options: options)
        return (result.plan?.changes ?? []).filter { $0.action != .none }.map { change in
            var line = "\(change.logicalId) \(change.action.rawValue)"
            if change.logicalIdFromPackaging { line += " packaged" }
            if change.retained == true { line += " retained" }
            return line + " " + change.details.map { "\($0.path):\($0.reason.rawValue)" }.joined(separator: ",")
        }
    }

    @Test func aLayerIsPublishedAnewAndItsFunctionFollows() {
        #expect(Self.plan(Self.template, changed: ["layer/"]) == [
            "Deps8bbe1127c1 replace packaged retained Content/S3Key:localCode",
            "Fn update Layers:reference",
        ])
    }

    /// `AutoPublishCodeSha256` names the version: new code publishes none, as `plan.version-not-published` warns.
    @Test func aVersionNamedByItsCodeSha256IsNotReplaced() {
        #expect(Self.plan(Self.template, changed: ["src/"]) == ["Fn update Code/S3Key:localCode"])
        let hashed = Self.template.replacingOccurrences(of: "      AutoPublishCodeSha256: 0123456789abcdef\n", with: "")
        #expect(Self.plan(hashed, changed: ["src/"]).count == 3)
        #expect(Self.plan(hashed, changed: []) == [])
    }
}
