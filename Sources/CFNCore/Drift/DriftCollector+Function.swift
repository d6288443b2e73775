/// The checks of a function: that it exists, its settings, network, layers, code storage and state.
extension DriftCollector {
    mutating func checkFunction(_ resource: Resource) {
        let name = state.physicalId(of: resource.logicalId) ?? resource.logicalId
        guard let actual = state.functions[resource.logicalId] else {
            if state.errors.contains(where: { $0.call == "getFunction" && $0.key == name && $0.isNotFound }) {
                add(DriftRules.functionMissing, "function \(name) does not exist in Lambda: it was deleted outside CloudFormation",
                    resource: resource, path: [], expected: name, actual: nil,
                    explanation: "The stack still lists \(name) as its physical resource, but Lambda says there is no such function. Invocations fail, and a stack update that changes this resource fails with `Function not found`; CloudFormation's drift detection reports it as DELETED.",
                    remedy: "Recreate it through CloudFormation: rename the logical ID (or remove the resource and deploy, then add it back) so that CloudFormation creates it, or import an existing function of that name with a change set of type IMPORT.")
            }
            return
        }
        checkSettings(resource, actual)
        checkEnvironment(resource, actual)
        checkNetwork(resource, actual)
        checkLayers(resource, actual)
        checkCode(resource, actual)
        checkState(resource, actual)
    }

    private static let settingRemedy = "Deploy the template's value (CloudFormation sets it again only when the property changes in the template, so change it there or update the function with the CLI), or, if the new value is right, put it in the template."

    mutating func checkSettings(_ resource: Resource, _ actual: DeployedFunction) {
        let isImage = actual.packageType == "Image"
        var settings: [(key: String, expected: ExpectedValue?, actual: String?, what: String)] = [
            ("MemorySize", expectedText(resource, "MemorySize", default: "128"), actual.memorySize.map(String.init), "memory (MB)"),
            ("Timeout", expectedText(resource, "Timeout", default: "3"), actual.timeout.map(String.init), "timeout (seconds)"),
            ("Role", expectedText(resource, "Role"), actual.role, "execution role"),
        ]
        if !isImage {
            settings.insert(("Runtime", expectedText(resource, "Runtime"), actual.runtime, "runtime"), at: 0)
            settings.insert(("Handler", expectedText(resource, "Handler"), actual.handler, "handler"), at: 1)
        }
        for setting in settings {
            guard let expected = setting.expected, let value = setting.actual, !expected.matches(value) else { continue }
            var explanation = "The function's \(setting.what) was changed outside CloudFormation (the console, `aws lambda update-function-configuration`)."
            if setting.key == "Runtime" {
                explanation += " A runtime changed by hand also changes what the code runs on: test the code on it before keeping it."
            } else if setting.key == "Role" {
                explanation += " The function now acts with another role's permissions: check that role's policies."
            }
            add(DriftRules.configuration, "\(setting.key) is \(value) in Lambda; the template says \(expected.description)",
                resource: resource, path: [setting.key], expected: expected.description, actual: value,
                explanation: explanation, remedy: Self.settingRemedy)
        }
        let architectures = ExpectedValue.list(value(resource, "Architectures"), physicalIds: physicalIds)
            .map { $0.isEmpty ? [ExpectedValue.text("x86_64")] : $0 }
        if let architectures, !actual.architectures.isEmpty,
           architectures.map(\.description) != actual.architectures {
            let expected = architectures.map(\.description).joined(separator: ", ")
            let value = actual.architectures.joined(separator: ", ")
            add(DriftRules.configuration, "Architectures is [\(value)] in Lambda; the template says [\(expected)]",
                resource: resource, path: ["Architectures"], expected: expected, actual: value,
                explanation: "The instruction set was changed outside CloudFormation, with new code built for it. Native dependencies and layers must match the architecture.",
                remedy: Self.settingRemedy)
        }
    }

    /// Environment variable names only: values are never shown.
    mutating func checkEnvironment(_ resource: Resource, _ actual: DeployedFunction) {
        let variables = value(resource, "Environment", "Variables")
        let expected: Set<String>
        if let variables {
            guard let entries = variables.entries else { return }
            expected = Set(entries.filter { if case .noValue = $0.value.kind { return false } else { return true } }.map(\.key))
        } else {
            expected = []
        }
        let present = Set(actual.environmentVariableNames)
        let added = present.subtracting(expected).sorted()
        let removed = expected.subtracting(present).sorted()
        guard !added.isEmpty || !removed.isEmpty else { return }
        var parts: [String] = []
        if !added.isEmpty { parts.append("Lambda has \(added.joined(separator: ", ")), which the template does not set") }
        if !removed.isEmpty { parts.append("the template sets \(removed.joined(separator: ", ")), which Lambda does not have") }
        add(DriftRules.configuration, "environment variables differ: " + parts.joined(separator: "; "),
            resource: resource, path: ["Environment", "Variables"],
            expected: expected.isEmpty ? "(none)" : expected.sorted().joined(separator: ", "),
            actual: present.isEmpty ? "(none)" : present.sorted().joined(separator: ", "),
            explanation: "Environment variables were added or removed outside CloudFormation. Only their names are compared and shown; values are never printed.",
            remedy: "Deploy the template's variables, or add the ones Lambda has to the template (as parameters or secrets references when they hold secrets).")
    }

    mutating func checkNetwork(_ resource: Resource, _ actual: DeployedFunction) {
        let vpc = value(resource, "VpcConfig")
        guard let subnets = ExpectedValue.list(vpc?["SubnetIds"], physicalIds: physicalIds),
              let groups = ExpectedValue.list(vpc?["SecurityGroupIds"], physicalIds: physicalIds) else { return }
        let expectedSubnets = Set(subnets.map(\.description))
        let expectedGroups = Set(groups.map(\.description))
        let actualSubnets = Set(actual.subnetIds ?? [])
        let actualGroups = Set(actual.subnetIds == nil ? [] : actual.securityGroupIds ?? [])
        guard expectedSubnets != actualSubnets || expectedGroups != actualGroups else { return }
        func text(_ subnets: Set<String>, _ groups: Set<String>) -> String {
            subnets.isEmpty ? "no VPC" : "subnets \(subnets.sorted().joined(separator: ", ")); security groups \(groups.sorted().joined(separator: ", "))"
        }
        let expected = text(expectedSubnets, expectedGroups)
        let present = text(actualSubnets, actualGroups)
        var explanation = "The function's network was changed outside CloudFormation. Lambda creates one network interface per subnet and security-group combination and shares it between functions that use the same one, so the function now uses other network interfaces"
        if expectedSubnets.isEmpty {
            explanation = "The function was connected to a VPC outside CloudFormation: it now needs a NAT gateway or VPC endpoints to reach AWS services and the internet, and uses network interfaces in the VPC"
        } else if actualSubnets.isEmpty {
            explanation = "The function was disconnected from its VPC outside CloudFormation: it no longer reaches resources in the VPC"
        }
        add(DriftRules.vpc, "VpcConfig is \(present) in Lambda; the template says \(expected)",
            resource: resource, path: vpc == nil ? [] : ["VpcConfig"], expected: expected, actual: present,
            explanation: explanation + ". Sets are compared: order does not matter.",
            remedy: Self.settingRemedy)
    }
}
