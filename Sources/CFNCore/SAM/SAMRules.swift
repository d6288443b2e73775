/// Findings of the SAM transform itself.
public enum SAMRules {
    public static let invalidResource = RuleDescriptor(
        id: "sam.invalid", severity: .error, summary: "The SAM transform rejects a resource or the Globals section",
        explanation: "The AWS::Serverless-2016-10-31 transform fails the whole deployment when a SAM resource is malformed: a missing CodeUri, an unknown event type, a bad AutoPublishAlias, a policy template without its parameters. The message is the translator's own, located at the property it is about.")
    public static let notExpanded = RuleDescriptor(
        id: "sam.not-expanded", severity: .warning, summary: "A SAM resource type cfn-lambda does not expand, so does not check",
        explanation: "cfn-lambda expands AWS::Serverless::Function and AWS::Serverless::LayerVersion (with the roles, versions, aliases, URLs and event sources they make), AWS::Serverless::SimpleTable, AWS::Serverless::Application, AWS::Serverless::Connector, AWS::Serverless::HttpApi, AWS::Serverless::WebSocketApi and AWS::Serverless::StateMachine, and checks AWS::Serverless::Api. Other SAM types (GraphQLApi, CapacityProvider, …) and the resources they would make are not checked; run `sam validate` or cfn-lint for them.")
    public static let partlyExpanded = RuleDescriptor(
        id: "sam.partly-expanded", severity: .warning, summary: "Part of a SAM resource cfn-lambda does not expand",
        explanation: "An event source or property of an AWS::Serverless::Function whose generated resources cfn-lambda does not make (an Api event's REST API, for instance), or the RestApi, Deployment and Stage of an AWS::Serverless::Api that uses what is not written yet (auth, custom domains…). The resource itself is checked, and what it makes for Lambda (permissions) is expanded; what that part makes is not.")

    public static let all: [RuleDescriptor] = [invalidResource, notExpanded, partlyExpanded]
}
