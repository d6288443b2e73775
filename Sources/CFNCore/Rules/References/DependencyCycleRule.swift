import CFNLoader

/// Resources that depend on each other in a circle, through `Ref`, `Fn::GetAtt`, `Fn::Sub` or `DependsOn`.
public struct DependencyCycleRule: TemplateRule {
    public static let schedule = RuleSchedule.readsIntrinsicSites

    public static let descriptor = RuleDescriptor(
        id: "reference.cycle", severity: .error, summary: "Resources that depend on each other in a circle",
        explanation: "CloudFormation creates a resource after everything it references. A circle of references (a bucket policy that names a function whose code is in that bucket, say) cannot be created: break it with a literal name or a separate resource. References in the properties of AWS::Serverless resources are not followed: the SAM transform moves them into the resources it makes, so they are not that resource's dependencies.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt ↓B.Arn\n  B:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: !Sub '/${A}/'\n",
            "Resources:\n  A:\n    Type: AWS::Lambda::Function\n    DependsOn: ↓A\n",
        ],
        nonTriggering: [
            "Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt B.Arn\n  B:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: /x/\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let resources = context.template.resources
        // Edges with the range of the reference that makes them.
        var edges: [[(target: Int, range: SourceRange)]] = Array(repeating: [], count: resources.count)
        // The references in each resource's Properties, as found once for every rule that asks.
        for (place, references) in zip(context.evaluatedPlaces, context.referencesOfPlaces) where place.attribute == .properties {
            // The SAM transform moves a SAM resource's properties into the resources it makes
            // (DeploymentPreference.Alarms into a CodeDeploy deployment group, Events into permissions
            // and event source mappings): they are not dependencies of a resource of that name.
            guard let resource = place.resource, resources.indices.contains(resource.position), resources[resource.position] === resource,
                  resource.type?.hasPrefix("AWS::Serverless::") != true else { continue }
            for reference in references {
                if let target = context.template.position(ofResourceNamed: reference.target) { edges[resource.position].append((target, reference.range)) }
            }
        }
        for (position, resource) in resources.enumerated() {
            if let dependsOn = resource[.dependsOn] {
                let names = context.tree.kind(dependsOn) == .sequence ? Array(context.tree.elements(dependsOn)) : [dependsOn]
                for node in names {
                    if let name = context.tree.string(node), let target = context.template.position(ofResourceNamed: name) {
                        edges[position].append((target, context.tree.range(node)))
                    }
                }
            }
        }
        var findings: [Finding] = []
        for component in StronglyConnected.components(count: resources.count, edges: edges.map { $0.map(\.target) }) {
            let isCycle = component.count > 1 || edges[component[0]].contains { $0.target == component[0] }
            guard isCycle, let first = component.min() else { continue }
            let members = Set(component)
            // Follow edges inside the component from its first resource back to it.
            var path = [first]
            var current = first
            var seen: Set<Int> = [first]
            var firstEdge: SourceRange?
            while true {
                guard let edge = edges[current].first(where: { members.contains($0.target) && (!seen.contains($0.target) || $0.target == first) })
                else { break }
                if firstEdge == nil { firstEdge = edge.range }
                path.append(edge.target)
                if edge.target == first { break }
                seen.insert(edge.target)
                current = edge.target
            }
            let resource = resources[first]
            let names = path.map { resources[$0].logicalId }.joined(separator: " → ")
            findings.append(Finding(Self.descriptor, "dependency cycle: \(names)", at: firstEdge ?? resource.idRange,
                                    resource: resource.logicalId, resourceType: resource.type,
                                    path: context.template.location(of: (firstEdge ?? resource.idRange).start).path))
        }
        return findings
    }
}

/// Tarjan's strongly connected components, iterative (no recursion on input-sized graphs).
enum StronglyConnected {
    static func components(count: Int, edges: [[Int]]) -> [[Int]] {
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let target = edges[node][edge]
                    if index[target] < 0 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                    if low[node] == index[node] {
                        var component: [Int] = []
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component.append(member)
                            if member == node { break }
                        }
                        component.sort()
                        result.append(component)
                    }
                }
            }
        }
        return result.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }
}
