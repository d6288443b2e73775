/// Findings of the `AWS::LanguageExtensions` transform itself.
public enum LanguageExtensionsRules {
    public static let invalid = RuleDescriptor(
        id: "language-extensions.invalid", severity: .error,
        summary: "The AWS::LanguageExtensions transform rejects the template",
        explanation: "CloudFormation fails the change set when the transform cannot apply an extension: a Fn::ForEach that is not [identifier, collection, {output key: output value}], a collection that is not a list (or a Ref to a CommaDelimitedList or List parameter), an output key without ${identifier} or &{identifier}, two loops making the same key, an identifier or loop name that is also a parameter or resource, Fn::ForEach outside the Resources, Conditions and Outputs sections, Fn::Length of something that is not a list, or Fn::ToJsonString of a scalar (AWS::LanguageExtensions transform, Fn::ForEach, Fn::Length, Fn::ToJsonString and Fn::FindInMap enhancements in the CloudFormation Template Reference). The finding is at the function or key it is about.")
    public static let notExpanded = RuleDescriptor(
        id: "language-extensions.not-expanded", severity: .warning,
        summary: "A Fn::ForEach whose collection is not known, so what it makes is not checked",
        explanation: "The collection of a Fn::ForEach refers to a parameter with no value given (--parameters) and no Default, or to a value only known at deploy time: cfn-lambda cannot tell which resources, conditions or outputs the loop makes, so it makes none and checks none of them. Give the parameter's value to check them.")

    public static let all: [RuleDescriptor] = [invalid, notExpanded]
}
