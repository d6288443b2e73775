/// Every rule the tool knows, by id. Ids are public: once released they never change.
public enum RuleCatalog {
    public static let all: [RuleDescriptor] = (LoaderRules.all + TemplateRules.all + ConfigurationRules.all
        + SuppressionRules.all + [ParameterFile.invalid] + SchemaRules.all + StorageRules.all + CDKAssetRules.all + RuleRegistry.descriptors
        + PlanENIRules.all + PlanSharingRules.all + PlanFailureRules.all + PlanVersionRules.all + PlanLocalCodeRules.all + StateRules.all + DriftRules.all + [CloudFormationResourceDrift.invalid] + SAMRules.all + LanguageExtensionsRules.all).sorted { $0.id < $1.id }

    public static func descriptor(_ id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
