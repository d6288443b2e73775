// Loader benchmark: a generated template of 5,000 functions (about 3 MB), loaded into the node tree
// and validated, against a raw libyaml event pass over the same bytes, measured in the same run; a
// template with 24 conditions and six-deep nested Fn::If, validated; the same 5,000 functions with
// every one's code REFERENCE in a bucket of the template (validate and plan); and with --corpus, a
// folder of templates validated in one process.
//
//   swift run -c release cfn-lambda-bench [--functions N] [--repeat K] [--write FILE] [--write-conditions FILE]
//       [--write-reference FILE] [--corpus DIR] [--phases] [--profile OPERATION]
//
// scripts/bench-vs-cfn-lint.sh writes both templates and times cfn-lint on them too.
//
// BENCH_TIMES=1 prints every round's time of each measurement (to see outliers); BENCH_TIMELINE=1 with
// --phases prints when each of validate's check jobs ran on which thread (and, with BENCH_SEQ=1 as
// well, first each job's time when the jobs run one after the other on a fresh context).
//
// Reports the median of K runs of each and the ratios; absolute times on a shared machine are noisy,
// the ratios are what to compare. Peak memory is the process's maximum resident set size before and
// after the loads, minus the file's own bytes and the baseline.

import CFNCore
import CFNLoader
import Foundation

struct Options {
    var functions = 5_000
    var repeats = 15
    var write: String?
    var writeConditions: String?
    var writeReference: String?
    var phases = false
    /// A folder of templates validated in one process, against raw passes over the same files.
    var corpus: String?
    /// Only run this operation (validate, validate-sam, plan, plan-only or load), `repeats` times after one warm-up, and print
    /// nothing more: for profilers (`perf record`, `valgrind --tool=callgrind`).
    var profile: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--functions": functions = iterator.next().flatMap(Int.init) ?? functions
            case "--repeat": repeats = iterator.next().flatMap(Int.init) ?? repeats
            case "--write": write = iterator.next()
            case "--write-conditions": writeConditions = iterator.next()
            case "--write-reference": writeReference = iterator.next()
            case "--phases": phases = true
            case "--corpus": corpus = iterator.next()
            case "--profile": profile = iterator.next()
            default:
                FileHandle.standardError.write(Data("usage: cfn-lambda-bench [--functions N] [--repeat K] [--write FILE] [--write-conditions FILE] [--write-reference FILE] [--phases] [--corpus DIR] [--profile validate|validate-sam|plan|plan-only|load]\n".utf8))
                exit(64)
            }
        }
    }
}

/// A template like a large service's: functions with roles, layers, VPC settings, environment and
/// intrinsics in short and long form. With `reference`, every function keeps its code in
/// self-managed storage (REFERENCE) in one of seven versioned buckets of the template, each with a
/// lifecycle configuration and a bucket policy, and uses a layer of the template: the shape whose
/// rules look a bucket, a policy and a layer up for each function.
func generateTemplate(functions: Int, changed: Bool = false, reference: Bool = false) -> [UInt8] {
    var text = """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Generated benchmark template
        Parameters:
          Stage:
            Type: String
            AllowedValues: [dev, prod]
            Default: dev
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          SharedRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              ManagedPolicyArns:
                - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole

        """
    if reference {
        text += """
              SharedLayer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  Content: {S3Bucket: layers-bucket, S3Key: deps.zip}
                  CompatibleRuntimes: [python3.12, python3.13]
                  CompatibleArchitectures: [arm64]

            """
        for bucket in 0..<7 {
            text += """
                  CodeBucket\(bucket):
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: artifacts-bucket-\(bucket)
                      VersioningConfiguration: {Status: Enabled}
                      LifecycleConfiguration:
                        Rules:
                          - {Id: old, Status: Enabled, Prefix: archive/, NoncurrentVersionTransitions: [{StorageClass: GLACIER, TransitionInDays: 30}]}
                  CodeBucket\(bucket)Policy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref CodeBucket\(bucket)
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: [s3:GetObject, s3:GetObjectVersion], Resource: !Sub "arn:aws:s3:::artifacts-bucket-\(bucket)/*"}

                """
        }
    }
    for index in 0..<functions {
        text += """
              Function\(index):
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub "${AWS::StackName}-function-\(index)"
                  Runtime: python3.12
                  Handler: app.handler
                  Role: !GetAtt SharedRole.Arn
                  MemorySize: !If [IsProd, 1024, 256]
                  Timeout: \(changed && index % 10 == 0 ? 60 : 30)
                  Architectures: [arm64]
                  Code:
                    S3Bucket: \(reference && index % 2 == 0 ? "!Ref CodeBucket\(index % 7)" : "artifacts-bucket-\(index % 7)")
                    S3Key: "functions/\(index)/code.zip"
                    S3ObjectVersion: 3HL4kqtJlcpXroDTDmjVBH40Nrjfkd\(index)\(reference || (changed && index % 50 == 0) ? "\n        S3ObjectStorageMode: REFERENCE" : "")\(reference ? "\n      Layers: [!Ref SharedLayer]" : "")
                  Environment:
                    Variables:
                      TABLE_NAME: {"Fn::ImportValue": "orders-table-\(index % 13)"}
                      STAGE: !Ref Stage
                  VpcConfig:
                    SubnetIds: !Ref Subnets
                    SecurityGroupIds: [sg-0123456789abcdef0]
                  Tags: [{Key: team, Value: payments}]

            """
    }
    return Array(text.utf8)
}

/// The functions of `generateTemplate` written as SAM: `AWS::Serverless::Function`s with the same
/// properties (CodeUri for Code), which the SAM transform expands to the same resources. Without a
/// tag of their own: SAM adds `lambda:createdBy: SAM`, so each function has one tag, as in the plain
/// template, and the processed template differs from it only in that tag's text.
func generateSAMTemplate(functions: Int) -> [UInt8] {
    var text = String(decoding: generateTemplate(functions: 0), as: UTF8.self)
        .replacingOccurrences(of: "Description: Generated benchmark template\n", with: "Description: Generated benchmark template\nTransform: AWS::Serverless-2016-10-31\n")
    for index in 0..<functions {
        text += """
              Function\(index):
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Sub "${AWS::StackName}-function-\(index)"
                  Runtime: python3.12
                  Handler: app.handler
                  Role: !GetAtt SharedRole.Arn
                  MemorySize: !If [IsProd, 1024, 256]
                  Timeout: 30
                  Architectures: [arm64]
                  CodeUri:
                    Bucket: artifacts-bucket-\(index % 7)
                    Key: "functions/\(index)/code.zip"
                    Version: 3HL4kqtJlcpXroDTDmjVBH40Nrjfkd\(index)
                  Environment:
                    Variables:
                      TABLE_NAME: {"Fn::ImportValue": "orders-table-\(index % 13)"}
                      STAGE: !Ref Stage
                  VpcConfig:
                    SubnetIds: !Ref Subnets
                    SecurityGroupIds: [sg-0123456789abcdef0]

            """
    }
    return Array(text.utf8)
}

/// A template with 24 conditions over 24 parameters and 20 functions whose properties (MemorySize
/// and 24 environment variables) nest Fn::If six deep: the shape that makes scenario-enumerating
/// linters slow.
func generateConditionsTemplate(functions: Int = 20) -> [UInt8] {
    var text = "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n"
    for index in 0..<24 { text += "  P\(index): {Type: String, AllowedValues: [a, b]}\n" }
    text += "Conditions:\n"
    for index in 0..<24 { text += "  C\(index): !Equals [!Ref P\(index), a]\n" }
    text += "Resources:\n"
    func nested(_ depth: Int, _ start: Int, _ leaf: (Int) -> String) -> String {
        depth == 0 ? leaf(start) : "!If [C\((start + 3 * depth) % 24), \(leaf(start + depth)), \(nested(depth - 1, start + 1, leaf))]"
    }
    for index in 0..<functions {
        text += """
              Function\(index):
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/service
                  MemorySize: \(nested(6, index, { String(128 << ($0 % 5)) }))
                  Code: {S3Bucket: artifacts, S3Key: f.zip}
                  Environment:
                    Variables:

            """
        for variable in 0..<24 {
            text += "              V\(variable): \(nested(6, index + variable, { "x\($0)" }))\n"
        }
    }
    return Array(text.utf8)
}

/// The registry schema checks of every resource, one after the other: how many findings.
func schemaFindingCount(_ template: Template, _ context: RuleContext) -> Int {
    let schemas = SchemaValidator()
    var count = 0
    for resource in template.resources {
        guard let type = resource.type else { continue }
        count += schemas.validate(resourceType: type, properties: context.properties[resource.logicalId], resource: resource,
                                  when: context.guardOf(resource), oracle: context.conditionSet, tree: template.tree).count
    }
    return count
}

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Times each body once per round, interleaved, so drift in machine load hits all of them alike.
func measureInterleaved(_ rounds: Int, _ bodies: [() -> Void]) -> [Double] {
    var times = Array(repeating: [Double](), count: bodies.count)
    for _ in 0..<rounds {
        for (index, body) in bodies.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            // What validate and plan hand over to be freed in the background is freed before the
            // next measurement, so that it does not slow that one.
            BackgroundRelease.waitUntilFreed()
        }
    }
    if ProcessInfo.processInfo.environment["BENCH_TIMES"] != nil {
        for row in times { print("  times: " + row.map { String(format: "%.0f", $0) }.joined(separator: " ")) }
    }
    return times.map(median)
}

let options = Options(CommandLine.arguments)
let bytes = generateTemplate(functions: options.functions)
if let path = options.write {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}
let conditionsBytes = generateConditionsTemplate()
if let path = options.writeConditions {
    _ = FileManager.default.createFile(atPath: path, contents: Data(conditionsBytes))
}
let baseline = peakResidentBytes()

// One load first to check the template and measure memory before timing anything.
let check = YAMLLoader.load(bytes)
guard let tree = check.tree, check.diagnostics.isEmpty else {
    FileHandle.standardError.write(Data("generated template did not load: \(check.diagnostics)\n".utf8))
    exit(1)
}
let afterLoad = peakResidentBytes()
let nodes = tree.nodeCount
let events = YAMLLoader.countEvents(bytes)

var sink = 0
/// What jobs on other threads add to the sink.
nonisolated(unsafe) var sinkBox = 0
let sinkLock = NSLock()
let validator = Validator()
// Plan: BASE and HEAD of 5,000 functions (HEAD changes every 10th Timeout and switches every 50th
// function to REFERENCE). `planOnce` is what `cfn-lambda plan` runs (`Analysis.plan`): HEAD and BASE
// loaded and resolved each on its own core, then HEAD's checks and the plan side by side.
// `planWithoutValidating` is for comparison: both loaded and resolved one after the other, HEAD not
// validated.
let headBytes = generateTemplate(functions: options.functions, changed: true)
func planOnce(_ base: [UInt8] = bytes, _ head: [UInt8] = headBytes) -> Int {
    Analysis.plan(head: InputFile(path: "head.yaml", bytes: head), base: .template(name: "base.yaml", bytes: base),
                  settings: AnalysisSettings()).plan?.changes.count ?? 0
}
func planWithoutValidating() -> Int {
    guard let base = LoadedTemplate(bytes: bytes).template, let head = LoadedTemplate(bytes: headBytes).template else { return 0 }
    return Planner().plan(base: ResolvedTemplate(template: base, settings: ValidationSettings()),
                          head: ResolvedTemplate(template: head, settings: ValidationSettings())).changes.count
}
if let profile = options.profile {
    let body: () -> Int
    switch profile {
    case "validate": body = { validator.validate(file: "bench.yaml", bytes: bytes).findings.count }
    case "plan": body = { planOnce() }
    case "plan-only": body = planWithoutValidating
    case "validate-sam":
        let sam = generateSAMTemplate(functions: options.functions)
        body = { validator.validate(file: "sam.yaml", bytes: sam).findings.count }
    default: body = { LoadedTemplate(bytes: bytes).findings.count }
    }
    sink &+= body()
    for _ in 0..<options.repeats { sink &+= body() }
    exit(sink == 42 ? 1 : 0)
}
let medians = measureInterleaved(options.repeats, [
    { sink &+= YAMLLoader.countEvents(bytes) },
    { sink &+= YAMLLoader.load(bytes).tree?.nodeCount ?? 0 },
    { sink &+= validator.validate(file: "bench.yaml", bytes: bytes).findings.count },
])
let (raw, load, validate) = (medians[0], medians[1], medians[2])
let planned = planOnce()
let planMedians = measureInterleaved(max(3, options.repeats / 3), [
    { sink &+= YAMLLoader.countEvents(bytes) &+ YAMLLoader.countEvents(headBytes) },
    { sink &+= planOnce() },
    { sink &+= planWithoutValidating() },
])
// The REFERENCE-heavy shape: every function's code in a bucket of the template, with a layer.
let referenceBytes = generateTemplate(functions: options.functions, reference: true)
let referenceHead = generateTemplate(functions: options.functions, changed: true, reference: true)
if let path = options.writeReference {
    _ = FileManager.default.createFile(atPath: path, contents: Data(referenceBytes))
}
let referenceFindings = validator.validate(file: "reference.yaml", bytes: referenceBytes).findings.count
let reference = measureInterleaved(max(3, options.repeats / 3), [
    { sink &+= YAMLLoader.countEvents(referenceBytes) },
    { sink &+= validator.validate(file: "reference.yaml", bytes: referenceBytes).findings.count },
    { sink &+= YAMLLoader.countEvents(referenceBytes) &+ YAMLLoader.countEvents(referenceHead) },
    { sink &+= planOnce(referenceBytes, referenceHead) },
])
let samBytes = generateSAMTemplate(functions: options.functions)
let samMedians = measureInterleaved(options.repeats, [
    { sink &+= validator.validate(file: "bench.yaml", bytes: bytes).findings.count },
    { sink &+= validator.validate(file: "sam.yaml", bytes: samBytes).findings.count },
])
let conditionsReport = validator.validate(file: "conditions.yaml", bytes: conditionsBytes)
let conditions = measureInterleaved(options.repeats, [
    { sink &+= validator.validate(file: "conditions.yaml", bytes: conditionsBytes).findings.count },
])[0]

let megabytes = Double(bytes.count) / 1_048_576
let loadMemory = max(0, afterLoad - baseline)
print("template: \(options.functions) functions, \(bytes.count) bytes (\(String(format: "%.2f", megabytes)) MiB), \(events) libyaml events, \(nodes) nodes")
print("median of \(options.repeats) interleaved rounds:")
print(String(format: "  raw libyaml event pass  %8.2f ms   1.00x", raw))
print(String(format: "  load (node tree)        %8.2f ms   %.2fx raw", load, load / raw))
print(String(format: "  validate (load+model)   %8.2f ms   %.2fx raw", validate, validate / raw))
print(String(format: "peak memory added by one load: %.1f MiB = %.2fx the file size", Double(loadMemory) / 1_048_576, Double(loadMemory) / Double(bytes.count)))
print(String(format: "plan of two %d-function templates (%d changes listed): %.2f ms = %.2fx two raw event passes (%.2f ms)",
             options.functions, planned, planMedians[1], planMedians[1] / planMedians[0], planMedians[0]))
print(String(format: "  the plan alone (both loaded and resolved one after the other, HEAD not validated): %.2f ms = %.2fx",
             planMedians[2], planMedians[2] / planMedians[0]))
print(String(format: "validate of the same %d functions as SAM (%d bytes, expanded first): %.2f ms = %.2fx the plain template's %.2f ms",
             options.functions, samBytes.count, samMedians[1], samMedians[1] / samMedians[0], samMedians[0]))
print(String(format: "conditions template (24 conditions, Fn::If six deep, %d bytes): validate %.2f ms, %d findings",
             conditionsBytes.count, conditions, conditionsReport.findings.count))
print(String(format: "REFERENCE-heavy template (%d bytes, %d findings): raw %.2f ms, validate %.2f ms = %.2fx raw; plan %.2f ms = %.2fx two raw passes (%.2f ms)",
             referenceBytes.count, referenceFindings, reference[0], reference[1], reference[1] / reference[0], reference[3],
             reference[3] / reference[2], reference[2]))
if let folder = options.corpus {
    // Every template of the folder validated in one process (as `cfn-lambda validate FOLDER` does,
    // side by side on every core), against one raw pass over each file.
    let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        .filter { ["yaml", "yml", "json", "template"].contains(($0 as NSString).pathExtension) }.sorted()
    let files = paths.compactMap { path in FileManager.default.contents(atPath: folder + "/" + path).map { InputFile(path: path, bytes: Array($0)) } }
    let corpus = measureInterleaved(options.repeats, [
        { for file in files { sink &+= YAMLLoader.countEvents(file.bytes) } },
        { sink &+= Analysis.validate(files, settings: AnalysisSettings()).count },
    ])
    print(String(format: "corpus %@ (%d files, %d bytes): raw %.2f ms, validate in one process %.2f ms = %.2fx raw",
                 folder, files.count, files.reduce(0) { $0 + $1.bytes.count }, corpus[0], corpus[1], corpus[1] / corpus[0]))
}
if options.phases {
    // Where validate's time goes, in validate's own order on one context per round: loading, the
    // rule context (resolution, conditions, the Lambda model), each rule (a rule that fills a cache
    // the context shares pays for it), and the schema checks. Medians, slowest first.
    let rules = RuleRegistry.all
    var times = Array(repeating: [Double](), count: rules.count + 3)
    var whole: [Double] = []
    func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    for _ in 0..<options.repeats {
        var start = clock()
        sink &+= validator.validate(file: "bench.yaml", bytes: bytes).findings.count
        whole.append(Double(clock() - start) / 1e6)
        start = clock()
        guard let template = LoadedTemplate(bytes: bytes).template else { exit(1) }
        times[0].append(Double(clock() - start) / 1e6)
        start = clock()
        let context = RuleContext(template: template, settings: ValidationSettings())
        times[1].append(Double(clock() - start) / 1e6)
        for (index, rule) in rules.enumerated() {
            start = clock()
            sink &+= rule.check(context).count
            times[index + 2].append(Double(clock() - start) / 1e6)
        }
        start = clock()
        sink &+= schemaFindingCount(template, context)
        times[rules.count + 2].append(Double(clock() - start) / 1e6)
    }
    let names = ["load (LoadedTemplate)", "ResolvedTemplate (resolution, conditions, model)"]
        + rules.map { type(of: $0).descriptor.id } + ["schema checks"]
    let medians = times.map(median)
    print("validate phases (median ms of \(options.repeats) rounds):")
    for (name, time) in zip(names, medians).sorted(by: { $0.1 > $1.1 }) where time >= 0.5 {
        print("  " + name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f", time))
    }
    print("  " + "sum (one after the other)".padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f", medians.reduce(0, +)))
    print("  " + "validate in the same rounds".padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f", median(whole)))
    // validate as it runs: prepared (loaded and resolved) on one core, then its checks on both.
    var split = Array(repeating: [Double](), count: 5)
    for _ in 0..<options.repeats {
        var start = clock()
        var prepared: PreparedTemplate? = validator.prepare(file: "bench.yaml", bytes: bytes)
        split[0].append(Double(clock() - start) / 1e6)
        guard let checks = prepared.map(validator.checks(of:)) else { exit(1) }
        start = clock()
        DispatchQueue.concurrentPerform(iterations: checks.count) { index in
            let count = checks[index]().count
            sinkLock.withLock { sinkBox += count }
        }
        split[1].append(Double(clock() - start) / 1e6)
        start = clock()
        let checked = checks.map { $0() }
        split[2].append(Double(clock() - start) / 1e6)
        start = clock()
        sink &+= prepared.map { validator.report($0, checked: checked).findings.count } ?? 0
        split[3].append(Double(clock() - start) / 1e6)
        start = clock()
        prepared = nil
        split[4].append(Double(clock() - start) / 1e6)
    }
    if ProcessInfo.processInfo.environment["BENCH_TIMELINE"] != nil, let ready = Optional(validator.prepare(file: "bench.yaml", bytes: bytes)) {
        let checks = validator.checks(of: ready)
        if ProcessInfo.processInfo.environment["BENCH_SEQ"] != nil {
            let fresh = validator.prepare(file: "bench.yaml", bytes: bytes)
            for (index, job) in validator.checks(of: fresh).enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = job()
                print(String(format: "  seq job %2d %7.2f", index, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
            }
        }
        final class Timeline: @unchecked Sendable { var rows: [(Int, UInt64, UInt64, UInt64)] = [] }
        let timeline = Timeline()
        let t0 = clock()
        DispatchQueue.concurrentPerform(iterations: checks.count) { index in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = checks[index]()
            let end = DispatchTime.now().uptimeNanoseconds
            sinkLock.withLock { timeline.rows.append((index, UInt64(pthread_self()), start - t0, end - t0)) }
        }
        for row in timeline.rows.sorted(by: { $0.2 < $1.2 }) {
            print(String(format: "  job %2d thread %llu  %7.2f .. %7.2f  (%5.2f)", row.0, row.1 % 1000, Double(row.2) / 1e6, Double(row.3) / 1e6, Double(row.3 - row.2) / 1e6))
        }
    }
    print("validate as it runs (median ms of \(options.repeats) rounds):")
    for (name, times) in zip(["prepare (load, rule context)", "checks on both cores", "checks one after the other",
                              "the report", "freeing the context (checks' closures still hold it)"], [split[0], split[1], split[2], split[3], split[4]]) {
        print("  " + name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f", median(times)))
    }
}
if options.phases {
    // The SAM template's phases against the plain one's, one thread, in the same rounds: what the
    // expansion costs (the transform itself) and what it makes the later phases cost.
    let rules = RuleRegistry.all
    let transform = SAMTemplateTransform()
    func phases(_ bytes: [UInt8]) -> [Double] {
        func clock() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
        var times: [Double] = []
        var start = clock()
        let loaded = LoadedTemplate(bytes: bytes)
        times.append(Double(clock() - start) / 1e6)
        start = clock()
        let expanded = transform.expand(loaded, settings: ValidationSettings())
        times.append(Double(clock() - start) / 1e6)
        guard let template = expanded.template else { exit(1) }
        start = clock()
        let context = RuleContext(template: template, settings: ValidationSettings())
        times.append(Double(clock() - start) / 1e6)
        for rule in rules {
            start = clock()
            sink &+= rule.check(context).count
            times.append(Double(clock() - start) / 1e6)
        }
        start = clock()
        sink &+= schemaFindingCount(template, context)
        times.append(Double(clock() - start) / 1e6)
        return times
    }
    var plain: [[Double]] = []
    var sam: [[Double]] = []
    for _ in 0..<options.repeats {
        plain.append(phases(bytes))
        sam.append(phases(samBytes))
    }
    let names = ["load (LoadedTemplate)", "SAM transform", "ResolvedTemplate (resolution, conditions, model)"]
        + rules.map { type(of: $0).descriptor.id } + ["schema checks"]
    let plainMedians = names.indices.map { index in median(plain.map { $0[index] }) }
    let samMedians = names.indices.map { index in median(sam.map { $0[index] }) }
    print("SAM against plain, one thread (median ms of \(options.repeats) rounds; phases differing by 0.2 ms or more):")
    print("  " + "".padding(toLength: 46, withPad: " ", startingAt: 0) + "   plain      SAM")
    for index in names.indices where abs(samMedians[index] - plainMedians[index]) >= 0.2 {
        print("  " + names[index].padding(toLength: 46, withPad: " ", startingAt: 0)
              + String(format: "%8.2f %8.2f", plainMedians[index], samMedians[index]))
    }
    print("  " + "sum".padding(toLength: 46, withPad: " ", startingAt: 0)
          + String(format: "%8.2f %8.2f", plainMedians.reduce(0, +), samMedians.reduce(0, +)))
}
if sink == 42 || sinkBox == 42 { print("") }  // keeps the measured work from being optimized away
