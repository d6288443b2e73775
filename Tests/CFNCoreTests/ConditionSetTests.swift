import CFNCore
import CFNLoader
import Testing

func conditionSet(_ text: String, _ settings: ValidationSettings = ValidationSettings()) throws -> ConditionSet {
    let template = try #require(LoadedTemplate(bytes: Array((text + "Resources:\n  R: {Type: T}\n").utf8)).template)
    return RuleContext(template: template, settings: settings).conditionSet
}

func when(_ literals: String...) -> Guard {
    Guard(literals.map { $0.hasPrefix("!") ? ConditionLiteral(String($0.dropFirst()), holds: false) : ConditionLiteral($0, holds: true) })
}

@Suite struct ConditionSetTests {
    let text = """
        Parameters:
          Env: {Type: String, AllowedValues: [dev, staging, prod]}
          Region2: {Type: String}
        Conditions:
          IsDev: !Equals [!Ref Env, dev]
          IsStaging: !Equals [staging, !Ref Env]
          IsProd: !Equals [!Ref Env, prod]
          IsTest: !Equals [!Ref Env, test]
          NotProd: !Not [!Condition IsProd]
          DevOrStaging: !Or [!Condition IsDev, !Condition IsStaging]
          InEurope: !Equals [!Ref Region2, eu-west-1]
          InUS: !Equals [!Ref Region2, us-east-1]
          ProdInEurope: !And [!Condition IsProd, !Condition InEurope]

        """

    @Test func knownComparisonsAreConstants() throws {
        let set = try conditionSet(text, ValidationSettings(parameters: ["Env": "prod"]))
        #expect(set.value(of: "IsProd") == true)
        #expect(set.value(of: "IsDev") == false)
        #expect(set.value(of: "NotProd") == false)
        #expect(set.value(of: "InEurope") == nil)
        // A value outside AllowedValues can never be equal.
        #expect(try conditionSet(text).value(of: "IsTest") == false)
    }

    @Test func oneParameterHasOneValue() throws {
        let set = try conditionSet(text)
        #expect(set.isSatisfiable(when("IsProd")))
        #expect(!set.isSatisfiable(when("IsProd", "IsDev")))
        #expect(!set.isSatisfiable(when("IsProd", "DevOrStaging")))
        #expect(set.isSatisfiable(when("NotProd", "DevOrStaging")))
        #expect(!set.isSatisfiable(when("IsProd", "NotProd")))
        #expect(!set.isSatisfiable(when("InEurope", "InUS")))
        #expect(set.isSatisfiable(when("ProdInEurope", "!InUS")))
    }

    @Test func allowedValuesBoundTheParameter() throws {
        let set = try conditionSet(text)
        // Env must be dev, staging or prod: not all three can be false.
        #expect(!set.isSatisfiable(when("!IsDev", "!IsStaging", "!IsProd")))
        #expect(set.isSatisfiable(when("!IsDev", "!IsStaging")))
        // Region2 has no AllowedValues: it can be something else than both.
        #expect(set.isSatisfiable(when("!InEurope", "!InUS")))
    }

    @Test func conditionCyclesAreFoundAndDoNotHang() throws {
        let set = try conditionSet("Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\n")
        #expect(set.cycles == ["A"])
        #expect(set.value(of: "A") == nil)
    }

    @Test func manyConditionsStayCheap() throws {
        // 24 independent parameters, and a guard over all of them: no enumeration of 2^24 scenarios.
        var text = "Parameters:\n"
        for index in 0..<24 { text += "  P\(index): {Type: String, AllowedValues: [a, b]}\n" }
        text += "Conditions:\n"
        for index in 0..<24 { text += "  C\(index): !Equals [!Ref P\(index), a]\n" }
        text += "  All: !And [\((0..<24).map { "!Condition C\($0)" }.joined(separator: ", "))]\n"
        text += "  Any: !Or [\((0..<24).map { "!Condition C\($0)" }.joined(separator: ", "))]\n"
        let set = try conditionSet(text)
        #expect(set.isSatisfiable(when("All")))
        #expect(!set.isSatisfiable(when("All", "!C23")))
        #expect(set.isSatisfiable(when("Any", "!C0", "!C1")))
        #expect(!set.isSatisfiable(when("!Any", "C5")))
    }
}
