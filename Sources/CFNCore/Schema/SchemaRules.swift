/// Rules for resource properties checked against the CloudFormation resource schemas.
///
/// Only values that are known are judged: a value that depends on a parameter, a resource
/// attribute or an import is never reported. Values under an `Fn::If` are checked in each branch,
/// and the message says under which conditions ("when IsProd").
public enum SchemaRules {
    public static let type = RuleDescriptor(
        id: "schema.type", severity: .error, summary: "A property value of the wrong type",
        explanation: "The resource schema gives each property a type. CloudFormation converts scalars: a string property accepts numbers and booleans as text, an integer or number property accepts numeric text (quoted or not), a boolean property accepts true or false in any case. A scalar is never a mapping or a list.")
    public static let required = RuleDescriptor(
        id: "schema.required", severity: .error, summary: "A required property is missing",
        explanation: "The resource schema requires this property. A property set to Ref AWS::NoValue in one branch of an Fn::If is missing under that branch's conditions, and is reported at that Fn::If. A property left out is reported at the key of the mapping that lacks it (Properties:, VpcConfig:), or at the resource's logical ID when the resource has no Properties, so that no property written there reads as the wrong one.")
    public static let enumeration = RuleDescriptor(
        id: "schema.enum", severity: .error, summary: "A value that is not one of the allowed values",
        explanation: "The property accepts only the listed values (or one fixed value). Values are compared exactly, including case.")
    public static let pattern = RuleDescriptor(
        id: "schema.pattern", severity: .error, summary: "A string that does not match the property's pattern",
        explanation: "The resource schema restricts the property to strings matching a regular expression.")
    public static let length = RuleDescriptor(
        id: "schema.length", severity: .error, summary: "A string that is too short or too long",
        explanation: "The resource schema limits the length of the string, in characters.")
    public static let range = RuleDescriptor(
        id: "schema.range", severity: .error, summary: "A number outside the allowed range",
        explanation: "The resource schema gives the smallest and largest value the property accepts.")
    public static let items = RuleDescriptor(
        id: "schema.items", severity: .error, summary: "A list with too few or too many items",
        explanation: "The resource schema limits the number of items in the list. Items removed with Ref AWS::NoValue do not count.")
    public static let uniqueItems = RuleDescriptor(
        id: "schema.unique-items", severity: .error, summary: "A list that repeats an item",
        explanation: "The resource schema requires the items of this list to be distinct.")
    public static let additionalProperty = RuleDescriptor(
        id: "schema.additional-property", severity: .error, summary: "A property the resource type does not have",
        explanation: "The resource schema lists every property it accepts; any other (often a misspelling or a property at the wrong level) is rejected by CloudFormation.")
    public static let combinator = RuleDescriptor(
        id: "schema.combinator", severity: .error, summary: "A value that matches none (or more than one) of the allowed forms",
        explanation: "The resource schema accepts one of several forms (anyOf, oneOf), such as 'at least one of Users, Groups and Roles'.")
    public static let dependency = RuleDescriptor(
        id: "schema.dependency", severity: .error, summary: "Properties that require or exclude each other",
        explanation: "Some properties may only be used together with another, or never together with another.")

    public static let all: [RuleDescriptor] = [
        type, required, enumeration, pattern, length, range, items, uniqueItems, additionalProperty, combinator, dependency,
    ]
}
