/// Every template rule, in a fixed order. A new rule is one file and one line here.
public enum RuleRegistry {
    public static let all: [any TemplateRule] = [
        UndefinedReferenceRule(),
        GetAttAttributeRule(),
        DependencyCycleRule(),
        ConditionCycleRule(),
        SubSyntaxRule(),
        ParameterValueRule(),
        ConditionalTargetRule(),
        ServerlessTransformRule(),
        RuntimeUpdateBlockedRule(),
        RuntimeCreateBlockedRule(),
        RuntimeDeprecatedRule(),
        RuntimeDeprecationSoonRule(),
        LayerCountRule(),
        DuplicateLayerRule(),
        LayerArnRule(),
        LayerRegionRule(),
        LayerRuntimeRule(),
        LayerArchitectureRule(),
        MemorySizeRule(),
        TimeoutRule(),
        EphemeralStorageRule(),
        EnvironmentSizeRule(),
        ReservedEnvironmentVariableRule(),
        FunctionNameLengthRule(),
        FunctionNameUniqueRule(),
        CodeSourceRule(),
        CodeLocalPathRule(),
        ZipFileRuntimeRule(),
        PackageTypeRule(),
        StorageModeSourceRule(),
        StorageModeVersionRule(),
        StorageBucketVersioningRule(),
        StorageBucketPolicyRule(),
        StorageBucketLifecycleRule(),
        VpcConfigRule(),
        FileSystemVpcRule(),
        VpcExecutionRoleRule(),
        RoleRule(),
        LayerPermissionRule(),
        PublicLayerPermissionRule(),
    ]

    public static var descriptors: [RuleDescriptor] {
        all.map { type(of: $0).descriptor }
    }
}
