import CFNLoader

/// A connector's `Source` or `Destination` as the translator resolves it
/// (`get_resource_reference` in samtranslator/model/connector/connector.py): by `Id`, a resource
/// of the template, typed as the transform leaves it, whose ARN, role, URL, ID and name the
/// profiles' `CfnResourceProperties` say how to name; or given by its `Type`, `Arn`, `RoleName`, ….
struct SAMConnectorReference {
    let logicalId: String?
    /// The CloudFormation type profiles are keyed by (a SAM type becomes what it is expanded to).
    let type: String
    /// The type written in the template, for the generated resources' metadata.
    let writtenType: String?
    let arn: SAMValue?
    let roleName: SAMValue?
    let queueUrl: SAMValue?
    let resourceId: SAMValue?
    let name: SAMValue?
    let qualifier: SAMValue?

    /// `_SAM_TO_CFN_RESOURCE_TYPE`, with the types whose expansion keeps the logical ID.
    static let expandedTypes = [
        "AWS::Serverless::Function": "AWS::Lambda::Function", "AWS::Serverless::StateMachine": "AWS::StepFunctions::StateMachine",
        "AWS::Serverless::Api": "AWS::ApiGateway::RestApi", "AWS::Serverless::HttpApi": "AWS::ApiGatewayV2::Api",
        "AWS::Serverless::WebSocketApi": "AWS::ApiGatewayV2::Api", "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table",
        "AWS::Serverless::GraphQLApi": "AWS::AppSync::GraphQLApi",
    ]

    struct Failure: Error { let message: String }

    /// `reference` names `connecting` (the other end), whose `Id` or `Arn` picks an events rule's target role.
    static func resolve(_ reference: SAMValue, connecting: SAMValue, _ expander: SAMExpander) throws -> SAMConnectorReference {
        let document = expander.document
        let entries = document.entries(reference) ?? []
        let value = { (key: String) in entries.last { $0.key == key }?.value }
        let hasId = entries.contains { $0.key == "Id" }
        let others = entries.contains { $0.key != "Id" && $0.key != "Qualifier" }
        guard hasId != others else {
            throw Failure(message: "Must provide 'Id' (with optional 'Qualifier') or a supported combination of other properties.")
        }
        guard let idValue = value("Id"), document.isTruthy(idValue) else {
            guard let type = value("Type").flatMap(document.text), !type.isEmpty else { throw Failure(message: "'Type' is missing or not a string.") }
            return SAMConnectorReference(logicalId: nil, type: expandedTypes[type] ?? type, writtenType: nil, arn: value("Arn"),
                                         roleName: value("RoleName"), queueUrl: value("QueueUrl"), resourceId: value("ResourceId"),
                                         name: value("Name"), qualifier: value("Qualifier"))
        }
        guard let id = document.text(idValue), !id.isEmpty else { throw Failure(message: "'Id' is missing or not a string.") }
        guard let resource = expander.template.resource(named: id) else { throw Failure(message: "Unable to find resource with logical ID '\(id)'.") }
        guard let written = resource.type, !written.isEmpty else { throw Failure(message: "'Type' is missing or not a string.") }
        let type = expandedTypes[written] ?? written
        let range = document.range(idValue)
        let cfn = expander.data.connectorProfiles["CfnResourceProperties"]?[type]
        let outputs = cfn?["Outputs"]?.object ?? [:]
        let output = { (key: String) in outputs[key].flatMap { try? SAMConnectorProfile.value($0, [("logicalId", .string(id, at: range))], at: range) } }
        let qualifier = entries.contains { $0.key == "Qualifier" } ? value("Qualifier") : output("Qualifier")
        return SAMConnectorReference(logicalId: id, type: type, writtenType: written, arn: output("Arn"),
                                     roleName: roleName(resource, input: cfn?["Inputs"]?["Role"], connecting: connecting, expander),
                                     queueUrl: output("Url"), resourceId: output("Id"), name: output("Name"), qualifier: qualifier)
    }

    /// `_get_resource_role_name`: `Ref` to the role named by the property the profile gives
    /// (the role SAM generates, `<Id>Role`, for a function or state machine without `Role`).
    private static func roleName(_ resource: Resource, input: JSONValue?, connecting: SAMValue, _ expander: SAMExpander) -> SAMValue? {
        let document = expander.document
        let tree = expander.template.tree
        let properties = resource.properties
        let range = resource.idRange
        var role: SAMValue?
        if let property = input?.string {
            let isSAM = resource.type == "AWS::Serverless::Function" || resource.type == "AWS::Serverless::StateMachine"
            role = properties.flatMap { tree.value(forKey: isSAM ? "Role" : property, in: $0) }.map { .node($0) }
            if isSAM, role == nil { return .ref(resource.logicalId + "Role", at: range) }
        } else if input?["Function"]?.string == "GetEventsRuleRole" {
            let connectingId = document.value("Id", in: connecting).flatMap(document.text)
            let connectingArn = document.value("Arn", in: connecting).map(document.python)
            let targets = properties.flatMap { tree.value(forKey: "Targets", in: $0) }.flatMap { document.elements(.node($0)) } ?? []
            for target in targets {
                guard let arn = document.value("Arn", in: target) else { continue }
                if (connectingId != nil && logicalId(arn, document) == connectingId) || (connectingArn != nil && document.python(arn) == connectingArn) {
                    role = document.value("RoleArn", in: target)
                    break
                }
            }
        }
        guard let role, document.isTruthy(role), let name = logicalId(role, document) else { return nil }
        return .ref(name, at: document.range(role))
    }

    /// `get_logical_id_from_intrinsic`: the resource a `Ref` or `Fn::GetAtt` names.
    static func logicalId(_ value: SAMValue, _ document: SAMDocument) -> String? {
        guard let (function, argument) = document.intrinsic(value) else { return nil }
        switch function {
        case .ref: return document.text(argument)
        case .getAtt:
            if let parts = document.elements(argument), let first = parts.first { return document.text(first) }
            return document.text(argument)?.split(separator: ".").first.map(String.init)
        default: return nil
        }
    }
}
