/// Decides which read-only `aws` calls a snapshot makes, in which phases, and assembles the state
/// file (docs/state-file.md) from their answers.
///
/// It starts no process and reads no clock: `run` executes one phase's calls (in any order or in
/// parallel) and returns their results in the order given; `capturedAt` comes from the caller.
///
/// 1. The stack: `describe-stacks`, `get-template`, `describe-stack-resources`, and the account's
///    `get-account-settings`. If a stack call fails there is no file.
/// 2. `get-function`, `list-versions-by-function`, `list-aliases`,
///    `list-provisioned-concurrency-configs` and `list-event-source-mappings` for each
///    `AWS::Lambda::Function`; `get-layer-version-by-arn` and `get-layer-version-policy` for each
///    `AWS::Lambda::LayerVersion` of the stack, and `list-layer-versions` for its layer.
/// 3. `get-layer-version-by-arn` for each layer version attached to a function or listed by
///    `list-layer-versions`, and not yet read.
public struct SnapshotCollector: Sendable {
    public let target: SnapshotTarget

    public init(target: SnapshotTarget) {
        self.target = target
    }

    /// `cli`: what the `aws` CLI says of itself (recorded as `awsCli`), when the caller asked it.
    public func collect(capturedAt: String, cli: SnapshotCLIInfo? = nil, run: ([AWSCall]) -> [AWSCallResult]) -> SnapshotOutcome {
        var state = State(target: target)

        // Phase 1: the stack and the account.
        let stackName = ["--stack-name", target.stack]
        state.run([
            state.request(.describeStacks, nil, "cloudformation", "describe-stacks", stackName),
            state.request(.getTemplate, nil, "cloudformation", "get-template", stackName + ["--template-stage", "Original"]),
            state.request(.describeStackResources, nil, "cloudformation", "describe-stack-resources", stackName),
            state.request(.getAccountSettings, nil, "lambda", "get-account-settings", []),
        ], with: run)
        let stackFailures = state.problems.filter { $0.member.isStackLevel }
        guard stackFailures.isEmpty, let resources = state.responses[.describeStackResources],
              let stacks = state.responses[.describeStacks]
        else {
            return SnapshotOutcome(file: nil, problems: Self.sorted(stackFailures))
        }
        let stackARN = SnapshotResponseFields.stackID(stacks).flatMap(SnapshotARN.init)
        state.region = target.region ?? stackARN?.region
        let (functions, stackLayers) = SnapshotResponseFields.stackResources(resources)

        // Phase 2: the stack's functions with their versions, aliases and what pins a version, and
        // the stack's layer versions with every version of their layers.
        var phase2: [Request] = []
        for name in functions {
            let function = ["--function-name", name], resource = stackARN?.function(name)
            phase2.append(state.request(.getFunction, name, "lambda", "get-function", function, resource: resource))
            phase2.append(state.request(.listVersionsByFunction, name, "lambda", "list-versions-by-function", function, resource: resource))
            phase2.append(state.request(.listAliases, name, "lambda", "list-aliases", function, resource: resource))
            phase2.append(state.request(.listProvisionedConcurrencyConfigs, name, "lambda", "list-provisioned-concurrency-configs",
                                        function, resource: resource))
            phase2.append(state.request(.listEventSourceMappings, name, "lambda", "list-event-source-mappings", function))
        }
        let stackLayerArns = Set(stackLayers.compactMap { SnapshotARN.layerVersion($0)?.layer })
        for layer in stackLayerArns.sorted(by: SnapshotFileWriter.precedes) {
            // By name: the stack's layers are in its account, and moto does not take an ARN here.
            let name = layer.split(separator: ":").last.map(String.init) ?? layer
            phase2.append(state.request(.listLayerVersions, layer, "lambda", "list-layer-versions", ["--layer-name", name], resource: layer))
        }
        for arn in stackLayers {
            phase2.append(state.request(.getLayerVersionByArn, arn, "lambda", "get-layer-version-by-arn", ["--arn", arn], resource: arn))
            if let (layer, version) = SnapshotARN.layerVersion(arn) {
                phase2.append(state.request(.getLayerVersionPolicy, arn, "lambda", "get-layer-version-policy",
                                            ["--layer-name", layer, "--version-number", version], resource: arn))
            }
        }
        state.run(phase2, with: run)

        // Phase 3: layer versions attached to the functions, and the other versions of the stack's
        // layers (their sizes: `list-layer-versions` has none), that are not read yet.
        var attached: Set<String> = []
        for name in functions {
            guard let function = state.keyedResponses[.getFunction]?[name] else { continue }
            attached.formUnion(SnapshotResponseFields.layerVersions(ofFunction: function))
        }
        for (_, list) in state.keyedResponses[.listLayerVersions] ?? [:] {
            attached.formUnion(SnapshotResponseFields.layerVersions(ofList: list))
        }
        attached.subtract(stackLayers)
        state.run(attached.sorted(by: SnapshotFileWriter.precedes).map { arn in
            state.request(.getLayerVersionByArn, arn, "lambda", "get-layer-version-by-arn", ["--arn", arn], resource: arn)
        }, with: run)

        var writer = SnapshotFileWriter(target: target, region: state.region, capturedAt: capturedAt, cli: cli)
        writer.responses = state.responses
        writer.keyedResponses = state.keyedResponses
        writer.problems = Self.sorted(state.problems)
        return SnapshotOutcome(file: writer.render(), problems: writer.problems)
    }

    /// In the order of the calls, then by key.
    static func sorted(_ problems: [SnapshotProblem]) -> [SnapshotProblem] {
        problems.sorted { lhs, rhs in
            if lhs.member != rhs.member { return lhs.member.order < rhs.member.order }
            return SnapshotFileWriter.precedes(lhs.key ?? "", rhs.key ?? "")
        }
    }

    /// A call and the slot its response fills.
    struct Request {
        let member: SnapshotMember
        let key: String?
        let call: AWSCall
    }

    /// The responses and problems gathered so far.
    struct State {
        let target: SnapshotTarget
        var region: String?
        var responses: [SnapshotMember: [UInt8]] = [:]
        var keyedResponses: [SnapshotMember: [String: [UInt8]]] = [:]
        var problems: [SnapshotProblem] = []

        init(target: SnapshotTarget) {
            self.target = target
            self.region = target.region
        }

        func request(_ member: SnapshotMember, _ key: String?, _ service: String, _ operation: String, _ parameters: [String],
                     resource: String? = nil) -> Request {
            Request(member: member, key: key,
                    call: AWSCall(service: service, operation: operation, parameters: parameters, options: target.options, resource: resource))
        }

        /// Runs one phase and files each answer as a response or a problem.
        mutating func run(_ requests: [Request], with run: ([AWSCall]) -> [AWSCallResult]) {
            guard !requests.isEmpty else { return }
            let results = run(requests.map(\.call))
            for (index, request) in requests.enumerated() {
                let result = index < results.count
                    ? results[index] : AWSCallResult(termination: .notStarted(reason: "the call was not run"))
                switch Self.response(of: result) {
                case .success(let bytes):
                    if let key = request.key {
                        keyedResponses[request.member, default: [:]][key] = bytes
                    } else {
                        responses[request.member] = bytes
                    }
                case .failure(let error):
                    problems.append(SnapshotProblem(member: request.member, key: request.key, call: request.call, error: error,
                                                    stack: target.stack, region: region))
                }
            }
        }

        /// The JSON object the call printed (without surrounding white space), or why there is none.
        static func response(of result: AWSCallResult) -> Result<[UInt8], AWSCallError> {
            if let error = AWSCallError.of(result) { return .failure(error) }
            let bytes = trimmed(result.stdout)
            guard SnapshotJSONSyntax.isObject(bytes) else {
                let message = bytes.isEmpty ? "the aws CLI exited 0 but printed nothing"
                    : "the aws CLI exited 0 but did not print one JSON object"
                return .failure(AWSCallError(kind: .notJSON, code: nil, message: message))
            }
            return .success(bytes)
        }

        static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
            guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
            else { return [] }
            return Array(bytes[first...last])
        }
    }
}
