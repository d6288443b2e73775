import CFNCore
import CFNLoader
import Testing

/// Runs one rule and lists its findings as `rule severity line:column path :: message`.
private func run(_ rule: any TemplateRule, _ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
    let report = Validator(settings: settings, rules: [rule], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.filter { $0.rule == type(of: rule).descriptor.id }.map { finding in
        "\(finding.rule) \(finding.severity) \(report.source.lineColumn(at: finding.range.start)) \(finding.pathString ?? "-") :: \(finding.message)"
    }
}

private func arn(_ name: String, _ version: Int = 1, region: String = "us-east-1") -> String {
    "arn:aws:lambda:\(region):123456789012:layer:\(name):\(version)"
}

private let conditions = """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, test, prod]}
      Tracing: {Type: String, AllowedValues: ['on', 'off']}
      Metrics: {Type: String, AllowedValues: ['on', 'off']}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
      IsDev: !Equals [!Ref Stage, dev]
      HasTracing: !Equals [!Ref Tracing, 'on']
      HasMetrics: !Equals [!Ref Metrics, 'on']

    """

private let advice = "Lambda allows at most 5: merge layers or move their content into the deployment package"

@Suite struct LayerRuleTests {
    @Test func countTakesTheLargestCombinationWhoseConditionsCanHoldTogether() {
        // IsProd and IsDev exclude each other: at most 3 + 1 + 2 = 6 layers, when one of them holds with both others.
        let text = conditions + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - \(arn("a"))
                    - \(arn("b"))
                    - \(arn("c"))
                    - !If [IsProd, \(arn("prod")), !Ref AWS::NoValue]
                    - !If [IsDev, \(arn("dev")), !Ref AWS::NoValue]
                    - !If [HasTracing, \(arn("tracing")), !Ref AWS::NoValue]
                    - !If [HasMetrics, \(arn("metrics")), !Ref AWS::NoValue]
            """
        #expect(run(LayerCountRule(), text) == [
            "lambda.layer-count error 15:9 Resources/Fn/Properties/Layers :: function Fn has 6 layers; \(advice) (when HasMetrics and HasTracing and IsProd)",
        ])
    }

    @Test func countNeedsNoConditionForAnElementPresentInEveryBranch() {
        let text = conditions + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  Layers: [\(arn("a")), \(arn("b")), \(arn("c")), \(arn("d")), \(arn("e")),
                           !If [HasTracing, \(arn("x")), \(arn("y"))]]
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: !If
                    - IsDev
                    - [\(arn("a")), \(arn("b")), \(arn("c")), \(arn("d")), \(arn("e")), \(arn("f"))]
                    - [\(arn("a"))]
            """
        #expect(run(LayerCountRule(), text) == [
            "lambda.layer-count error 15:15 Resources/Fn/Properties/Layers :: function Fn has 6 layers; \(advice) (when IsProd)",
            "lambda.layer-count error 22:11 Resources/Other/Properties/Layers/Fn::If/1 :: function Other has 6 layers; \(advice) (when IsDev)",
        ])
    }

    @Test func countCombinesOnlyTheListsOwnConditions() {
        // 40 independent conditions: 2^40 combinations of the template, one search path to the answer.
        let names = (1...40).map { "C\($0)" }
        var text = "Parameters:\n" + names.map { "  P\($0.dropFirst()): {Type: String}\n" }.joined()
        text += "Conditions:\n" + names.map { "  \($0): !Equals [!Ref P\($0.dropFirst()), 'yes']\n" }.joined()
        text += "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Layers:\n"
        text += names.map { "        - !If [\($0), \(arn($0)), !Ref AWS::NoValue]\n" }.joined()
        let found = run(LayerCountRule(), text)
        #expect(found == ["lambda.layer-count error 88:9 Resources/Fn/Properties/Layers :: function Fn has 40 layers; \(advice) (when \(names.sorted().joined(separator: " and ")))"])
    }

    @Test func duplicatesByParameterAndByListParameterValue() {
        let text = """
            Parameters:
              Shared: {Type: String}
              List: {Type: CommaDelimitedList}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: [!Ref Shared, !Ref Shared]
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: !Ref List
            """
        let settings = ValidationSettings(parameters: ["List": "\(arn("a")), \(arn("a"))"])
        #expect(run(DuplicateLayerRule(), text, settings) == [
            "lambda.layer-duplicate error 8:29 Resources/Fn/Properties/Layers/1 :: layer from parameter Shared is already attached at Layers/0; remove one of them",
            "lambda.layer-duplicate error 12:15 Resources/Other/Properties/Layers :: layer \(arn("a")) is already attached at Layers/0; remove one of them",
        ])
    }

    @Test func duplicateVersionsUnderConditions() {
        let text = conditions + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - !If [IsProd, \(arn("tools", 3)), \(arn("tools", 4))]
                    - !If [HasTracing, \(arn("tools", 4)), !Ref AWS::NoValue]
            """
        // Versions 3 and 4 meet when IsProd and HasTracing; 4 and 4 when not IsProd and HasTracing: one finding at the element.
        #expect(run(DuplicateLayerRule(), text) == [
            "lambda.layer-duplicate error 16:28 Resources/Fn/Properties/Layers/1/Fn::If/1 :: layer \(arn("tools", 4)) is another version of \(arn("tools", 3)) at Layers/0; a function can use only one version of a layer (when HasTracing and IsProd)",
        ])
    }

    @Test func arnProblemsAreNamed() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:s3:::my-bucket/layer.zip
                    - arn:aws:lambda:us-east-1:123456789012:layer:deps:latest
                    - arn:aws:lambda:::awslayer:AWSLambdaPowertools
                    - arn:aws:lambda:us-east-1:123456789012:layer:deps
            """
        let example = "Layers takes layer version ARNs such as arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3"
        #expect(run(LayerArnRule(), text) == [
            "lambda.layer-arn error 6:11 Resources/Fn/Properties/Layers/0 :: layer 'arn:aws:s3:::my-bucket/layer.zip' is an ARN of service 's3', not a Lambda layer version; \(example)",
            "lambda.layer-arn error 7:11 Resources/Fn/Properties/Layers/1 :: layer 'arn:aws:lambda:us-east-1:123456789012:layer:deps:latest' has version 'latest', which is not a version number; \(example)",
            "lambda.layer-arn error 9:11 Resources/Fn/Properties/Layers/3 :: layer 'arn:aws:lambda:us-east-1:123456789012:layer:deps' names a layer but no version; add the version number at the end; \(example)",
        ])
    }

    @Test func regionIsJudgedOnlyWhenKnown() {
        let text = conditions + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: [!If [IsProd, \(arn("deps", region: "us-west-2")), \(arn("deps", region: "eu-west-1"))]]
            """
        #expect(run(LayerRegionRule(), text).isEmpty)
        #expect(run(LayerRegionRule(), text, ValidationSettings(region: "eu-west-1")) == [
            "lambda.layer-region error 14:29 Resources/Fn/Properties/Layers/0/Fn::If/1 :: layer \(arn("deps", region: "us-west-2")) is in us-west-2, but the function is deployed to eu-west-1; a function can only use layers of its own region: publish the layer in eu-west-1 (when IsProd)",
        ])
    }

    @Test func runtimeCompatibilityUnderConditions() {
        let text = conditions + """
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
                Condition: HasTracing
                Properties:
                  CompatibleRuntimes: [nodejs20.x, !If [IsDev, python3.12, !Ref AWS::NoValue]]
              Unknown:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleRuntimes: [nodejs20.x, !Ref Stage]
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !If [IsProd, python3.12, nodejs20.x]
                  Layers: [!GetAtt Deps.LayerVersionArn, !Ref Unknown]
            """
        // python3.12 is declared (when IsDev): the union of branches is judged, so nothing is reported for Deps;
        // Unknown declares a runtime not known (Stage has no value), so nothing is judged for it.
        #expect(run(LayerRuntimeRule(), text).isEmpty)
        let plain = conditions + """
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
                Condition: HasTracing
                Properties:
                  CompatibleRuntimes: [nodejs20.x, nodejs22.x]
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !If [IsProd, python3.12, nodejs20.x]
                  Layers: [!GetAtt Deps.LayerVersionArn]
            """
        #expect(run(LayerRuntimeRule(), plain) == [
            "lambda.layer-runtime warning 20:16 Resources/Fn/Properties/Layers/0 :: layer Deps is not marked compatible with runtime python3.12: its CompatibleRuntimes are nodejs20.x, nodejs22.x; add python3.12 there if the layer works with it, or use a layer built for python3.12 (when HasTracing and IsProd)",
        ])
    }

    @Test func architectureOfTheFunctionAgainstTheLayer() {
        let text = """
            Resources:
              X86Deps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleArchitectures: [x86_64]
              Empty:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleArchitectures: []
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Architectures: [arm64]
                  Layers: [!Ref Empty, !Ref X86Deps]
            """
        #expect(run(LayerArchitectureRule(), text) == [
            "lambda.layer-architecture warning 14:28 Resources/Fn/Properties/Layers/1 :: layer X86Deps is built for x86_64 (CompatibleArchitectures), but the function runs on arm64; use a layer built for arm64, or set the function's Architectures to match",
        ])
    }
}
