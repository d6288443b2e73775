import CFNCore
import Testing

/// One function `id` with a FunctionName line (or none) and more properties.
func namedFunction(_ id: String, name: String?, _ more: String = "", attributes: String = "") -> String {
    "  \(id):\n    Type: AWS::Lambda::Function\(attributes)\n    Properties:\n"
        + (name.map { "      FunctionName: \($0)\n" } ?? "") + "      Handler: app.handler\n" + more
}

@Suite struct FailurePredictionTests {
    func findings(_ base: String?, _ head: String, head headSettings: ValidationSettings = ValidationSettings()) throws -> [String] {
        let pair = try PlanInputPair(base, head, head: headSettings)
        return pair.describe(FailurePredictor(base: pair.base, head: pair.head).findings(changes: pair.changes))
    }

    @Test func replacingAFunctionThatKeepsItsNameFails() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders")
        let head = "Resources:\n" + namedFunction("Orders", name: "orders", "      PackageType: Zip\n")
        #expect(try findings(base, head) == [
            "5:21 plan.replace-keeps-name Orders Resources/Orders/Properties/FunctionName: Orders is replaced (PackageType changes) but keeps FunctionName 'orders': CloudFormation creates the new function before it deletes the old one, which still holds the name, so the update fails and rolls back; give the function another FunctionName in the same change, or remove FunctionName to let CloudFormation generate one",
        ])
    }

    /// Only create-only properties (registry schema) force the replacement: the message names them, not the
    /// other changes of the same function.
    @Test func theCauseNamedIsWhatForcesTheReplacement() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders", "      Runtime: python3.12\n      Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:a:1]\n")
        let head = "Resources:\n" + namedFunction("Orders", name: "orders", "      Runtime: python3.13\n      PackageType: Zip\n")
        #expect(try findings(base, head).map { $0.components(separatedBy: " but ")[0] } == [
            "5:21 plan.replace-keeps-name Orders Resources/Orders/Properties/FunctionName: Orders is replaced (PackageType changes)",
        ])
        let both = "Resources:\n" + namedFunction("Orders", name: "orders", "      Runtime: python3.13\n      PackageType: Zip\n      TenancyConfig: {TenancyMode: ISOLATED}\n")
        #expect(try findings(base, both).map { $0.components(separatedBy: " but ")[0] } == [
            "5:21 plan.replace-keeps-name Orders Resources/Orders/Properties/FunctionName: Orders is replaced (PackageType, TenancyConfig change)",
        ])
    }

    @Test func aReplacementThatChangesOrDropsTheNameOrAnUpdateDoesNotFail() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders")
        // The new name is a replacement of its own and a new name.
        #expect(try findings(base, "Resources:\n" + namedFunction("Orders", name: "orders-v2")) == [])
        // Without FunctionName, CloudFormation generates a new name.
        #expect(try findings(base, "Resources:\n" + namedFunction("Orders", name: nil, "      PackageType: Zip\n")) == [])
        // An update keeps the function.
        #expect(try findings(base, "Resources:\n" + namedFunction("Orders", name: "orders", "      MemorySize: 512\n")) == [])
        // A name not known is not judged.
        let parameter = "Parameters:\n  Name: {Type: String}\nResources:\n"
        #expect(try findings(parameter + namedFunction("Orders", name: "!Ref Name"),
                             parameter + namedFunction("Orders", name: "!Ref Name", "      PackageType: Zip\n")) == [])
    }

    @Test func aRenamedLogicalIdWithTheSameNameFails() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders")
        let head = "Resources:\n" + namedFunction("OrdersFunction", name: "orders")
        #expect(try findings(base, head) == [
            "5:21 plan.name-held-by-deleted OrdersFunction Resources/OrdersFunction/Properties/FunctionName: OrdersFunction is created with FunctionName 'orders', which function Orders holds until this plan deletes it, after creating new resources: creating OrdersFunction fails because the name is taken, and the update rolls back; keep the logical ID Orders (a renamed logical ID is a new resource), or give OrdersFunction another FunctionName",
        ])
        // A retained function keeps the name even after the update.
        let retained = "Resources:\n" + namedFunction("Orders", name: "orders", attributes: "\n    DeletionPolicy: Retain")
        #expect(try findings(retained, head) == [
            "5:21 plan.name-held-by-deleted OrdersFunction Resources/OrdersFunction/Properties/FunctionName: OrdersFunction is created with FunctionName 'orders', which function Orders holds and keeps after this plan removes it from the stack (DeletionPolicy: Retain): creating OrdersFunction fails because the name is taken, and the update rolls back; keep the logical ID Orders (a renamed logical ID is a new resource), or give OrdersFunction another FunctionName",
        ])
    }

    @Test func aNameFreedByAReplacementUnderAnotherNameIsStillHeld() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders")
        let head = "Resources:\n" + namedFunction("Orders", name: "orders-v2") + namedFunction("Legacy", name: "orders")
        #expect(try findings(base, head) == [
            "10:21 plan.name-held-by-deleted Legacy Resources/Legacy/Properties/FunctionName: Legacy is created with FunctionName 'orders', which function Orders holds until this plan replaces it with 'orders-v2' and deletes the old function, after creating new resources: creating Legacy fails because the name is taken, and the update rolls back; give Legacy another FunctionName, or add it in a later deployment",
        ])
        let retained = "Resources:\n" + namedFunction("Orders", name: "orders-v2", attributes: "\n    UpdateReplacePolicy: Retain")
            + namedFunction("Legacy", name: "orders")
        #expect(try findings(base, retained) == [
            "11:21 plan.name-held-by-deleted Legacy Resources/Legacy/Properties/FunctionName: Legacy is created with FunctionName 'orders', which function Orders holds and keeps after this plan replaces it with 'orders-v2' (UpdateReplacePolicy: Retain): creating Legacy fails because the name is taken, and the update rolls back; give Legacy another FunctionName",
        ])
    }

    @Test func aNewFunctionWithAnotherNameOrANewStackDoesNotFail() throws {
        let base = "Resources:\n" + namedFunction("Orders", name: "orders")
        #expect(try findings(base, "Resources:\n" + namedFunction("OrdersFunction", name: "orders-2")) == [])
        #expect(try findings(base, "Resources:\n" + namedFunction("OrdersFunction", name: nil)) == [])
        #expect(try findings(nil, "Resources:\n" + namedFunction("Orders", name: "orders")) == [])
        // A name another function keeps is a duplicate in HEAD, which lambda.function-name-unique reports.
        #expect(try findings(base, "Resources:\n" + namedFunction("Orders", name: "orders") + namedFunction("Copy", name: "orders")) == [])
    }

    @Test func aFunctionCreatedUnderAConditionSaysSoAndOneNotCreatedIsNotReported() throws {
        let prefix = "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n"
        let base = prefix + namedFunction("Orders", name: "orders")
        let head = prefix + namedFunction("OrdersFunction", name: "orders", attributes: "\n    Condition: IsProd")
        #expect(try findings(base, head) == [
            "10:21 plan.name-held-by-deleted OrdersFunction Resources/OrdersFunction/Properties/FunctionName: OrdersFunction is created with FunctionName 'orders', which function Orders holds until this plan deletes it, after creating new resources: creating OrdersFunction fails because the name is taken, and the update rolls back; keep the logical ID Orders (a renamed logical ID is a new resource), or give OrdersFunction another FunctionName (OrdersFunction is created when IsProd)",
        ])
        #expect(try findings(base, head, head: ValidationSettings(parameters: ["Stage": "prod"])).count == 1)
        #expect(try findings(base, head, head: ValidationSettings(parameters: ["Stage": "dev"])) == [])
    }
}
