import CFNLoader

/// One run of the SAM transform over one template.
final class SAMExpander {
    let template: Template
    let document: SAMDocument
    let parameters: SAMParameters
    let data: SAMData
    let partition: String
    var globals = SAMGlobals()
    /// Findings other than errors (parts not expanded).
    var notes: [Finding] = []
    /// Errors by SAM logical ID (nil key: the template's own, e.g. Globals).
    var errors: [(resource: String?, error: SAMError)] = []
    /// The resources each SAM resource became, by its logical ID.
    var expansions: [String: [SAMResource]] = [:]
    /// SAM logical IDs the transform changes (a layer's hashed ID): references follow.
    var renamed: [String: String] = [:]
    /// `Fn.Alias`, `Fn.Version`: the references SAM resolves to a generated resource.
    var derived: [String: String] = [:]
    /// The triggers Cognito events have set on each user pool, by its logical ID.
    var cognitoTriggers: [String: Set<String>] = [:]
    /// Conditions the transform adds to the template's `Conditions`, in order.
    var conditions: [SAMEntry] = []
    /// `api path method` of each route an HttpApi event adds to an API whose body SAM writes.
    var httpApiRoutes: Set<String> = []
    /// The routes `HttpApi` events add to each HTTP API, by its logical ID.
    var httpApiEvents: [String: [SAMHttpApiRoute]] = [:]
    /// The HTTP APIs of the template, made once every function has added its routes.
    var httpApis: [Resource] = []
    /// The API that made each HTTP API record set group: the later APIs of its zone add records to it.
    var recordSetGroupOwners: [String: String] = [:]
    /// `<api>\0<path>\0<method>` of each method an `Api` event has written into an API SAM manages.
    var restApiMethods: Set<String> = []
    /// The REST APIs that passed the translator's checks, each with the SAM resource its resources belong to.
    var restApis: [(api: SAMRestApi, owner: String)] = []
    /// The `Api` events that make the implicit `ServerlessRestApi`.
    private(set) lazy var implicitRestApi = SAMImplicitRestApi(template)
    /// Each function's `DeploymentPreference`, in template order, for the shared CodeDeploy resources.
    var deploymentPreferences: [SAMDeploymentPreference] = []
    /// What each connector (explicit or embedded) made, by its logical ID: `DependsOn` follows.
    var connectorIds: [String: [String]] = [:]
    /// Connector policies other resources must wait for, added once everything is made.
    var connectorDependencies: [SAMConnectorDependency] = []
    /// Template resources events write into (a bucket's notifications, a user pool's triggers),
    /// each as a whole mapping, as edited so far.
    var editedResources: [String: SAMMap] = [:]

    /// Whether the processed template keeps the `Transform` section when part of the template is
    /// not expanded, so that references to what SAM would make there stay known.
    let keepsTransformWhenPartial: Bool

    init(template: Template, given: [String: String], region: String?, data: SAMData, keepsTransformWhenPartial: Bool = false) {
        self.keepsTransformWhenPartial = keepsTransformWhenPartial
        self.template = template
        document = SAMDocument(tree: template.tree)
        parameters = SAMParameters(template: template, given: given, region: region)
        self.data = data
        partition = SAMParameters.partition(of: region ?? "us-east-1")
    }

    func run() -> SAMExpansion {
        let tree = template.tree
        var globalErrors: [SAMError] = []
        globals = SAMGlobals(tree.value(forKey: "Globals", in: template.root), document, errors: &globalErrors)
        errors += globalErrors.map { (nil, $0) }
        if template.section(.resources) == nil {
            errors.append((nil, SAMError("Structure of the SAM template is invalid. 'Resources' section is required", at: tree.range(template.root))))
        }
        for section in [Template.Section.mappings, .parameters] {
            if let node = template.section(section), tree.kind(node) != .mapping {
                errors.append((nil, SAMError("Structure of the SAM template is invalid. 'Mappings' or 'Parameters' is either null or not a valid dictionary.",
                                             at: tree.range(node))))
            }
        }
        for resource in template.resources {
            guard let type = resource.type, type.hasPrefix("AWS::Serverless::") else { continue }
            do {
                try validateAttributes(resource)
                switch type {
                case "AWS::Serverless::Function":
                    expansions[resource.logicalId] = try SAMFunction(self, resource).expand()
                case "AWS::Serverless::LayerVersion":
                    expansions[resource.logicalId] = try SAMLayerVersion(self, resource).expand()
                case SAMSimpleTable.type:
                    expansions[resource.logicalId] = try SAMSimpleTable(self, resource).expand()
                case SAMApplication.type:
                    expansions[resource.logicalId] = try SAMApplication(self, resource).expand()
                case SAMWebSocketApi.type:
                    var api = try SAMWebSocketApi(self, resource)
                    expansions[resource.logicalId] = try api.expand()
                case "AWS::Serverless::HttpApi":
                    httpApis.append(resource)
                case "AWS::Serverless::Api":
                    expansions[resource.logicalId] = try SAMRestApi(self, resource).expand(resource: resource)
                case SAMConnector.type:
                    expansions[resource.logicalId] = try SAMConnector(self, resource).expand()
                case SAMStateMachine.type:
                    expansions[resource.logicalId] = try SAMStateMachine(self, resource).expand()
                case SAMCapacityProvider.type:
                    expansions[resource.logicalId] = try SAMCapacityProvider(self, resource).expand()
                default:
                    notes.append(Finding(SAMRules.notExpanded,
                                         "\(type) is not expanded by cfn-lambda: '\(resource.logicalId)' and the resources the SAM transform makes of it are not checked",
                                         at: resource.idRange, resource: resource.logicalId, resourceType: type,
                                         path: resource.path("Type")))
                }
            } catch let error as SAMError {
                errors.append((error.resource ?? resource.logicalId, error))
            } catch let error as SAMTemplateError {
                errors.append((error.resource, error.error))
            } catch {
                errors.append((resource.logicalId, SAMError("\(error)", at: resource.idRange)))
            }
        }
        expandImplicitRestApi(implicitRestApi)
        expandRestApiResources()
        expandHttpApis()
        addCodeDeployResources()
        expandEmbeddedConnectors()
        checkMadeLogicalIds()
        checkUniqueLogicalIds()
        var findings = notes
        for (resource, error) in errors {
            let prefix = resource.map { "Resource with id [\($0)] is invalid. " } ?? ""
            let owner = error.owner ?? resource
            findings.append(Finding(SAMRules.invalidResource, prefix + error.message, at: error.range, resource: owner,
                                    resourceType: owner.flatMap { template.resource(named: $0)?.type },
                                    path: owner.map { ["Resources", $0] } ?? ["Globals"]))
        }
        var sources: [String: ResourceSource] = [:]
        for (samId, resources) in expansions {
            let source = ResourceSource(resource: samId, type: template.resource(named: samId)?.type ?? "")
            for resource in resources { sources[resource.logicalId] = source }
        }
        var (expanded, structure) = SAMOutput(expander: self).write()
        expanded?.sources = sources
        // What the resources were made of is thousands of small values, and nothing waits for their freeing.
        let made = expansions
        expansions = [:]
        BackgroundRelease.free(consume made)
        return SAMExpansion(template: expanded, findings: findings.sorted(by: Finding.sourceOrder), structureFindings: structure)
    }

    /// What the translator requires of every SAM resource's ID and attributes.
    private func validateAttributes(_ resource: Resource) throws {
        if !TemplateParser.isValidLogicalId(resource.logicalId) {
            throw SAMError("Logical ids must be alphanumeric.", at: resource.idRange)
        }
        if let condition = resource.node("Condition"), template.tree.kind(condition) != .scalar {
            throw SAMError("Structure of the SAM template is invalid. Every Condition member must be a string.", at: template.tree.range(condition))
        }
        if let dependsOn = resource.node("DependsOn") {
            let tree = template.tree
            let valid = tree.kind(dependsOn) == .scalar || (tree.kind(dependsOn) == .sequence && tree.elements(dependsOn).allSatisfy { tree.kind($0) == .scalar })
            if !valid {
                throw SAMError("Invalid type for field 'DependsOn'. Expected a string or list of strings.", at: tree.range(dependsOn))
            }
        }
    }

    /// A generated resource may not take the logical ID of a resource of another type written in
    /// the template (`verify_unique_logical_id`).
    /// A made resource may take the logical ID of a template resource of these types (its own SAM
    /// resource, or one it adds to): `do_not_verify` in samtranslator/translator/verify_logical_id.py.
    static let mayStandIn: [String: Set<String>] = [
        "AWS::Lambda::Function": ["AWS::Serverless::Function"], "AWS::Lambda::LayerVersion": ["AWS::Serverless::LayerVersion"],
        "AWS::Lambda::CapacityProvider": ["AWS::Serverless::CapacityProvider"], "AWS::ApiGateway::RestApi": ["AWS::Serverless::Api"],
        "AWS::ApiGatewayV2::Api": ["AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi"], "AWS::S3::Bucket": ["AWS::S3::Bucket"],
        "AWS::SNS::Topic": ["AWS::SNS::Topic"], "AWS::DynamoDB::Table": ["AWS::Serverless::SimpleTable"],
        "AWS::CloudFormation::Stack": ["AWS::Serverless::Application"], "AWS::Cognito::UserPool": ["AWS::Cognito::UserPool"],
        "AWS::ApiGateway::DomainName": ["AWS::ApiGateway::DomainName"], "AWS::ApiGateway::BasePathMapping": ["AWS::ApiGateway::BasePathMapping"],
        "AWS::ApiGateway::DomainNameV2": ["AWS::ApiGateway::DomainNameV2"], "AWS::ApiGateway::BasePathMappingV2": ["AWS::ApiGateway::BasePathMappingV2"],
        "AWS::StepFunctions::StateMachine": ["AWS::Serverless::StateMachine"], "AWS::AppSync::GraphQLApi": ["AWS::Serverless::GraphQLApi"],
    ]

    private func checkUniqueLogicalIds() {
        for (samId, resources) in expansions.sorted(by: { $0.key < $1.key }) {
            for made in resources where made.logicalId != samId {
                if let existing = template.resource(named: made.logicalId),
                   !(Self.mayStandIn[made.type]?.contains(existing.type ?? "") ?? false) {
                    errors.append((nil, SAMError("Transforming resource with id [\(samId)] attempts to create a new resource with id [\(made.logicalId)] and type \"\(made.type)\". A resource with that id already exists within this template. Please use a different id for that resource.",
                                                 at: existing.idRange)))
                }
            }
        }
    }

    // MARK: Helpers for the resource expanders

    /// A SAM resource's properties with the `Globals` of its type merged in (less what
    /// `IgnoreGlobals` names); YAML nulls dropped, as the translator reads them as absent.
    func properties(of resource: Resource, globals type: String) throws -> SAMMap {
        var local = SAMMap(at: resource.idRange)
        if let node = resource.properties {
            guard let map = document.map(.node(node)) else {
                throw SAMError("Type of property 'Properties' is invalid.", at: document.range(.node(node)))
            }
            local = map
        }
        let ignore = document.value("IgnoreGlobals", in: .node(resource.node))
        var merged = try globals.merge(type, into: local, ignoring: ignore, resource: resource.logicalId, document)
        merged.entries.removeAll { document.isNull($0.value) }
        return merged
    }

    func value(_ key: String, in value: SAMValue) -> SAMValue? { document.value(key, in: value) }
    func range(_ value: SAMValue) -> SourceRange { document.range(value) }

    /// `arn:<partition>:iam::aws:policy/<name>`.
    func managedPolicyArn(_ name: String) -> String { "arn:\(partition):iam::aws:policy/\(name)" }
}
