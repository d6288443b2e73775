/// Rules for the shape of a template: its sections and its resources' attributes.
public enum TemplateRules {
    public static let empty = RuleDescriptor(
        id: "template.empty", severity: .error, summary: "The template has no content",
        explanation: "An empty file, or one with only comments, is not a template.")
    public static let notAMapping = RuleDescriptor(
        id: "template.not-a-mapping", severity: .error, summary: "The top level is not a mapping",
        explanation: "A template is a mapping of sections (Resources, Parameters, ...), not a list or a single value.")
    public static let unknownSection = RuleDescriptor(
        id: "template.unknown-section", severity: .error, summary: "A top-level section CloudFormation does not know",
        explanation: "CloudFormation rejects templates with top-level keys other than AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources, Outputs and Hooks. Templates with a Transform are not judged here, since a transform (SAM's Globals, a macro) may consume other sections.")
    public static let missingResources = RuleDescriptor(
        id: "template.missing-resources", severity: .error, summary: "The template has no Resources",
        explanation: "Resources is the one required section and must declare at least one resource.")
    public static let sectionType = RuleDescriptor(
        id: "template.section-type", severity: .error, summary: "A section has the wrong kind of value",
        explanation: "Metadata, Parameters, Rules, Mappings, Conditions, Resources, Outputs and Hooks are mappings; Description is a string; Transform is a string, a list of them, or a mapping.")
    public static let formatVersion = RuleDescriptor(
        id: "template.format-version", severity: .error, summary: "AWSTemplateFormatVersion is not 2010-09-09",
        explanation: "The only valid template format version is the string 2010-09-09.")
    public static let tooManyResources = RuleDescriptor(
        id: "template.too-many-resources", severity: .error, summary: "More than 500 resources",
        explanation: "CloudFormation allows at most 500 resources in one stack.")
    public static let invalidLogicalId = RuleDescriptor(
        id: "resource.invalid-logical-id", severity: .error, summary: "A logical ID that is not alphanumeric or too long",
        explanation: "Logical IDs are 1 to 255 ASCII letters and digits.")
    public static let notAMappingResource = RuleDescriptor(
        id: "resource.not-a-mapping", severity: .error, summary: "A resource is not a mapping",
        explanation: "Each entry under Resources is a mapping with at least a Type.")
    public static let missingType = RuleDescriptor(
        id: "resource.missing-type", severity: .error, summary: "A resource without Type",
        explanation: "Every resource needs a Type such as AWS::Lambda::Function.")
    public static let invalidType = RuleDescriptor(
        id: "resource.invalid-type", severity: .error, summary: "A resource Type that is not a string",
        explanation: "Type is a literal string such as AWS::Lambda::Function; intrinsic functions are not allowed there.")
    public static let propertiesNotMapping = RuleDescriptor(
        id: "resource.properties-not-mapping", severity: .error, summary: "Properties is not a mapping",
        explanation: "A resource's Properties is a mapping of property names to values (or an Fn::If choosing one).")
    public static let unknownAttribute = RuleDescriptor(
        id: "resource.unknown-attribute", severity: .error, summary: "A resource attribute CloudFormation does not know",
        explanation: "Resources accept Type, Properties, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, CreationPolicy, UpdatePolicy and Version; anything else (often a mis-indented property) is rejected.")

    public static let all: [RuleDescriptor] = [
        empty, notAMapping, unknownSection, missingResources, sectionType, formatVersion, tooManyResources,
        invalidLogicalId, notAMappingResource, missingType, invalidType, propertiesNotMapping, unknownAttribute,
    ]
}
