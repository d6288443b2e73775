import CFNLoader
import Testing

/// Short-form tags and long-form keys load to the same intrinsic nodes.
@Suite struct IntrinsicFormTests {
    /// (short YAML, long JSON) pairs of every function the loader knows.
    static let pairs: [(String, String)] = [
        ("!Ref Bucket", #"{"Ref": "Bucket"}"#),
        ("!GetAtt Fn.Arn", #"{"Fn::GetAtt": ["Fn", "Arn"]}"#),
        ("!GetAtt Fn.SnapStartResponse.ApplyOn", #"{"Fn::GetAtt": ["Fn", "SnapStartResponse.ApplyOn"]}"#),
        ("!GetAtt [Fn, Arn]", #"{"Fn::GetAtt": ["Fn", "Arn"]}"#),
        ("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'", #"{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"}"#),
        ("!Sub ['${A}-x', {A: !Ref B}]", #"{"Fn::Sub": ["${A}-x", {"A": {"Ref": "B"}}]}"#),
        ("!Join ['', [a, !Ref B]]", #"{"Fn::Join": ["", ["a", {"Ref": "B"}]]}"#),
        ("!Select [0, !GetAZs '']", #"{"Fn::Select": [0, {"Fn::GetAZs": ""}]}"#),
        ("!Split [',', !ImportValue Out]", #"{"Fn::Split": [",", {"Fn::ImportValue": "Out"}]}"#),
        ("!If [IsProd, 1024, !Ref AWS::NoValue]", #"{"Fn::If": ["IsProd", 1024, {"Ref": "AWS::NoValue"}]}"#),
        ("!Equals [!Ref Env, prod]", #"{"Fn::Equals": [{"Ref": "Env"}, "prod"]}"#),
        ("!And [!Condition A, !Not [!Condition B]]", #"{"Fn::And": [{"Condition": "A"}, {"Fn::Not": [{"Condition": "B"}]}]}"#),
        ("!Or [!Condition A, !Condition B]", #"{"Fn::Or": [{"Condition": "A"}, {"Condition": "B"}]}"#),
        ("!FindInMap [Map, !Ref AWS::Region, Key]", #"{"Fn::FindInMap": ["Map", {"Ref": "AWS::Region"}, "Key"]}"#),
        ("!Base64 {Fn::Sub: 'x${Y}'}", #"{"Fn::Base64": {"Fn::Sub": "x${Y}"}}"#),
        ("!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]", #"{"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 6, 8]}"#),
        ("!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
         #"{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}"#),
        ("!Length [a, b]", #"{"Fn::Length": ["a", "b"]}"#),
        ("!ToJsonString {A: b}", #"{"Fn::ToJsonString": {"A": "b"}}"#),
        ("!ValueOf [Subnets, VpcId]", #"{"Fn::ValueOf": ["Subnets", "VpcId"]}"#),
    ]

    @Test(arguments: pairs)
    func shortAndLongFormsLoadToEqualTrees(short: String, long: String) throws {
        let yaml = try #require(Loaded("V: \(short)\n").node("V"))
        let json = try #require(Loaded("{\"V\": \(long)}").node("V"))
        let yamlTree = try #require(Loaded("V: \(short)\n").tree)
        let jsonTree = try #require(Loaded("{\"V\": \(long)}").tree)
        #expect(yamlTree.kind(yaml) == .intrinsic)
        #expect(yamlTree.isEquivalent(yaml, to: json, in: jsonTree))
        #expect(jsonTree.isEquivalent(json, to: yaml, in: yamlTree))
    }

    @Test func everyFunctionHasATestedShortForm() {
        let tested = Set(Self.pairs.flatMap { pair in
            IntrinsicFunction.allCases.filter { pair.0.contains($0.tag + " ") }
        })
        let untested = IntrinsicFunction.allCases.filter { !tested.contains($0) }
        // The other rule functions share the loader path of !ValueOf; !Base64's argument is a long form.
        #expect(untested == [.contains, .eachMemberEquals, .eachMemberIn, .refAll, .valueOfAll])
    }

    @Test func differentArgumentsAreNotEqual() throws {
        let a = Loaded("V: !Ref A\n")
        let b = Loaded("{\"V\": {\"Ref\": \"B\"}}")
        let c = Loaded("V: !Sub A\n")
        let aNode = try #require(a.node("V"))
        #expect(a.tree?.isEquivalent(aNode, to: try #require(b.node("V")), in: try #require(b.tree)) == false)
        #expect(a.tree?.isEquivalent(aNode, to: try #require(c.node("V")), in: try #require(c.tree)) == false)
    }

    @Test func getAttShortFormSplitsAtTheFirstDotWithExactRanges() throws {
        let loaded = Loaded("Out: !GetAtt Fn.SnapStartResponse.ApplyOn\n")
        let tree = try #require(loaded.tree)
        let node = try #require(loaded.node("Out"))
        #expect(tree.intrinsic(node)?.function == .getAtt)
        #expect(loaded.place(node) == "1:6-1:42")
        #expect(tree.string(try #require(loaded.node("Out", "@", "0"))) == "Fn")
        #expect(tree.string(try #require(loaded.node("Out", "@", "1"))) == "SnapStartResponse.ApplyOn")
        #expect(loaded.place(loaded.node("Out", "@", "0")) == "1:14-1:16")
        #expect(loaded.place(loaded.node("Out", "@", "1")) == "1:17-1:42")
        // The string long form splits the same way.
        let long = Loaded(#"{"Out": {"Fn::GetAtt": "Fn.Arn"}}"#)
        #expect(long.tree?.kind(try #require(long.node("Out", "@"))) == .sequence)
        #expect(long.tree?.string(try #require(long.node("Out", "@", "1"))) == "Arn")
    }

    @Test func oneKeyMappingsAreIntrinsicsOnlyForKnownNames() throws {
        let loaded = Loaded("A: {Ref: X}\nB: {Fn::Unknown: X}\nC: {Ref: X, Other: Y}\nD: {Condition: {StringEquals: {k: v}}}\nE: {Condition: IsProd}\n")
        let tree = try #require(loaded.tree)
        #expect(tree.kind(try #require(loaded.node("A"))) == .intrinsic)
        #expect(tree.kind(try #require(loaded.node("B"))) == .mapping)
        #expect(tree.kind(try #require(loaded.node("C"))) == .mapping)
        // An IAM policy's Condition block is a mapping, not the Condition function.
        #expect(tree.kind(try #require(loaded.node("D"))) == .mapping)
        #expect(tree.intrinsic(try #require(loaded.node("E")))?.function == .condition)
    }

    @Test func tagOnACollectionWrapsIt() throws {
        let loaded = Loaded("A: !If\n  - IsProd\n  - x\n  - y\n")
        let tree = try #require(loaded.tree)
        let node = try #require(loaded.node("A"))
        #expect(tree.intrinsic(node)?.function == .if)
        #expect(tree.elements(try #require(loaded.node("A", "@"))).count == 3)
        #expect(loaded.place(node) == "1:4-5:1")
    }
}
