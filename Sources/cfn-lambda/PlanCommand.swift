import ArgumentParser
import CFNCore
import CFNLoader
import CFNReporters
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Predict what deploying HEAD over BASE does to each resource: actions, code storage, network interfaces.",
        usage: "cfn-lambda plan [<options>] [BASE] HEAD",
        discussion: """
            BASE is the template deployed now and HEAD the one to deploy; without BASE, HEAD is a \
            new stack. With --base-ref REV, BASE is HEAD's file as it is in that git revision \
            (git show REV:<path>); if the file is not in that revision, HEAD is a new file and every \
            resource is created; the files git tracks under each local code path (CodeUri: src/,             Code: ./src) are compared with that revision too, and a difference changes the             function's code. Resources are matched by logical ID and their resolved values \
            compared: each is created, updated, replaced or deleted, with the properties that cause \
            it and whether they force replacement. HEAD is also validated, and its findings are \
            reported with the plan's own predictions (a replacement that will fail, a quota exceeded).

            With --state FILE (what `cfn-lambda snapshot` wrote), BASE is the deployed stack: \
            its template with the stack's parameter values (HEAD's parameters keep them too unless \
            --parameters says otherwise, as `aws cloudformation deploy` does), the code sizes and \
            storage modes Lambda reports for its functions and layer versions, the account's \
            quota and usage, and the subnets and security groups the functions really use. \
            --artifact-sizes still gives the sizes of new artifacts, and an --account-settings file \
            wins over the snapshot's.

            Values: --parameters give HEAD's parameter values and --base-parameters BASE's (by \
            default the same values); the other options are validate's. Code storage: \
            --artifact-sizes is a JSON object from s3://bucket/key to a byte count or \
            {"zipped": N, "unzipped": M}; --account-settings is what `aws lambda \
            get-account-settings` prints; --quota-basis picks the size that counts when both are \
            given (zipped by default: Lambda reports usage zipped, so usage before plus the \
            change is one sum; unzipped sizes still drive the 250 MB check of a function and its \
            layers). A template in a CDK cloud assembly (cdk.out/<Stack>.template.json) has its \
            code sizes measured from its assets: the asset manifest beside it (<Stack>.assets.json) \
            or the aws:asset:path metadata; a folder's zipped size is estimated. Network interfaces: one per subnet and security group set; --eni-quota is the \
            number Lambda allows per VPC.

            Formats: text is Terraform-like (+ create, ~ update, -/+ replace, - delete) and ends \
            with validate's finding lines; json is one object with the versioned contract in the \
            README (changes, transitions, storage, enis, findings, summary); markdown is a \
            pull-request comment. For json and markdown a one-line summary goes to standard error. \
            Colour is used only on a terminal, and not when NO_COLOR is set unless --color always.

            Exit codes: 0 plan made and no error finding, 1 an error finding (a predicted failure \
            or an invalid HEAD), 2 with --detailed-exitcode when resources change and there is no \
            error, 64 usage error, 66 an input could not be read (a template, a file an option \
            names, the state file, or BASE from git).

            Examples:
              cfn-lambda plan templates/plan/orders-{base,head}.yaml
              cfn-lambda plan --base-ref origin/main stacks/orders.yaml
              cfn-lambda plan --state orders.state.json --artifact-sizes s.json t.yaml
              git show main:t.yaml | cfn-lambda plan --stdin-name main:t.yaml - t.yaml
              cfn-lambda plan -f markdown --base-ref origin/main orders.yaml > plan.md
              cfn-lambda plan -f json --detailed-exitcode base.yaml head.yaml > plan.json
              cfn-lambda plan --parameters Env=prod --base-parameters Env=dev t.yaml t.yaml
              cfn-lambda plan --artifact-sizes sizes.json --account-settings a.json t.yaml
            """
    )

    @Option(name: .shortAndLong, help: "Output format.")
    var format: PlanFormat = .text

    @Option(name: .customLong("stdin-name"),
            help: ArgumentHelp("The file name standard input (-, as BASE or HEAD) is reported under.", valueName: "name"))
    var stdinName: String?

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when resources change and there is no error finding.")
    var detailedExitcode = false

    @Option(name: .customLong("base-ref"), help: ArgumentHelp("Read BASE from git: HEAD's file in this revision.", valueName: "REV"))
    var baseRef: String?

    @Option(name: .customLong("state"),
            help: ArgumentHelp("BASE is the deployed stack a `cfn-lambda snapshot` state file describes: its template, parameters, code sizes, quota and network interfaces.",
                               valueName: "file"))
    var state: String?

    @Option(name: .customLong("base-parameters"),
            help: ArgumentHelp("A parameter value (Key=Value) or a parameters file for BASE; by default the --parameters values. Repeatable.",
                               valueName: "Key=Value|file"))
    var baseParameters: [String] = []

    @Option(name: .customLong("artifact-sizes"),
            help: ArgumentHelp("JSON object from s3://bucket/key[?versionId=V] to a byte count or {\"zipped\": N, \"unzipped\": M}.", valueName: "file"))
    var artifactSizes: String?

    @Option(name: .customLong("account-settings"),
            help: ArgumentHelp("The output of `aws lambda get-account-settings`: the code storage quota and usage.", valueName: "file"))
    var accountSettings: String?

    @Option(name: .customLong("quota-basis"),
            help: "Which size counts against the code storage quota when both are given (default: zipped, as Lambda reports usage).")
    var quotaBasis: PlanQuotaBasis?

    @Option(name: .customLong("eni-quota"), help: ArgumentHelp("Lambda network interfaces allowed per VPC.", valueName: "N"))
    var eniQuota: Int = 500

    @OptionGroup(title: "Template values and rules")
    var options: TemplateSettingsOptions

    @OptionGroup(title: "Display")
    var display: DisplayOptions

    @Argument(help: ArgumentHelp("The deployed template (optional) and the template to deploy.", valueName: "BASE HEAD"))
    var templates: [String] = []

    func validate() throws {
        guard (1...2).contains(templates.count) else {
            throw ValidationError("Give HEAD, or BASE and HEAD.")
        }
        if state != nil {
            if templates.count == 2 { throw ValidationError("--state is BASE (the deployed stack); give only HEAD.") }
            if baseRef != nil { throw ValidationError("--state and --base-ref both give BASE; use one.") }
        }
        if let baseRef {
            if templates.count == 2 { throw ValidationError("--base-ref reads BASE from git; give only HEAD.") }
            if baseRef.isEmpty || baseRef.hasPrefix("-") { throw ValidationError("--base-ref must name a revision, not '\(baseRef)'.") }
        }
        if eniQuota < 1 { throw ValidationError("--eni-quota must be at least 1, not \(eniQuota).") }
    }

    func run() throws {
        display.apply()
        let head = templates[templates.count - 1]
        var unreadable: [String] = []
        let deployed = state.map { PlanStateInput(path: $0, into: &unreadable) }
        let headSettings = ResolvedSettings(options, deployed: deployed?.state)
        let baseSettings: ResolvedSettings
        if baseParameters.isEmpty && deployed?.state == nil {
            baseSettings = headSettings
        } else {
            var baseOptions = options
            baseOptions.parameters = baseParameters
            baseSettings = ResolvedSettings(baseOptions, deployed: deployed?.state)
        }
        let storageInputs = PlanStorageInputs(artifactSizes: artifactSizes, accountSettings: accountSettings, quotaBasis: quotaBasis ?? .zipped)
        unreadable += headSettings.unreadable.filter { !unreadable.contains($0) }
        unreadable += baseSettings.unreadable.filter { !unreadable.contains($0) }
        unreadable += storageInputs.unreadable
        var otherReports = headSettings.inputReports
        otherReports += baseSettings.inputReports.filter { report in !otherReports.contains { $0.file == report.file } }
        if let report = deployed?.report { otherReports.append(report) }

        // The templates: without them there is nothing to plan.
        let headBytes = Self.readTemplate(head, into: &unreadable)
        let base: PlanBase? = if headBytes == nil {
            nil
        } else if let deployed {
            deployed.base
        } else {
            readBase(head: head, into: &unreadable)
        }
        for problem in unreadable {
            Console.error("cfn-lambda: \(problem)")
        }
        guard let headBytes, let base else {
            // JSON and Markdown still say why, for the CI step that reads them.
            if format != .text {
                let run = PlanRun(plan: nil, head: InputOptions.name(of: head, stdinName: stdinName), headSource: SourceText(bytes: headBytes ?? []),
                                  base: templates.count == 2 ? templates[0] : baseRef.map { "\($0):\(head)" }, otherReports: otherReports,
                                  eniQuota: eniQuota, unreadable: unreadable.map { Self.unreadableInput($0, head: head) })
                Console.output(format == .json ? PlanJSONReporter().render(run) : PlanMarkdownReporter().render(run))
            }
            throw ExitCode(66)
        }

        headSettings.warnAboutUndeclaredParameters(in: [headBytes])
        var planOptions = PlanOptions(eniQuota: eniQuota)
        otherReports += storageInputs.apply(to: &planOptions, headDirectory: PathText.directory(of: head), head: head,
                                            base: templates.count == 2 ? templates[0] : nil)
        if let state = deployed?.state { planOptions.use(state, keepAccountSettings: accountSettings != nil) }
        // BASE from git: the files at local code paths are compared with the same revision.
        if let baseRef, case .template = base { planOptions.localCode = LocalCodeGit(revision: baseRef, head: head).comparison }
        let headName = InputOptions.name(of: head, stdinName: stdinName)
        let result = Analysis.plan(head: InputFile(path: headName, bytes: headBytes), base: base, settings: headSettings.analysis,
                                   baseSettings: baseSettings.settings, options: planOptions)
        let run = PlanRun(plan: result.plan, head: headName, headSource: result.headSource, base: base.name,
                          otherReports: otherReports + result.reports, eniQuota: planOptions.eniQuota,
                          unreadable: unreadable.map { Self.unreadableInput($0, head: head) })
        switch format {
        case .text:
            Console.output(PlanTextReporter(color: Console.useColor).render(run))
        case .json:
            Console.output(PlanJSONReporter().render(run))
            Console.summary(Self.summary(run))
        case .markdown:
            Console.output(PlanMarkdownReporter().render(run))
            Console.summary(Self.summary(run))
        }
        if !unreadable.isEmpty { throw ExitCode(66) }
        if run.hasError { throw ExitCode(1) }
        if detailedExitcode && run.hasChanges { throw ExitCode(2) }
    }

    /// A problem recorded as `file: reason` as an unreadable input; one that names no file (git's) is HEAD's.
    static func unreadableInput(_ problem: String, head: String) -> UnreadableInput {
        guard let colon = problem.range(of: ": "), !problem.hasPrefix("--") else { return UnreadableInput(file: head, reason: problem) }
        return UnreadableInput(file: String(problem[..<colon.lowerBound]), reason: String(problem[colon.upperBound...]))
    }

    /// BASE from the command line or from git; records why it cannot be read.
    func readBase(head: String, into unreadable: inout [String]) -> PlanBase? {
        if templates.count == 2 {
            let name = InputOptions.name(of: templates[0], stdinName: stdinName)
            return Self.readTemplate(templates[0], into: &unreadable).map { .template(name: name, bytes: $0) }
        }
        guard let baseRef else { return .newStack }
        switch PlanGitBase.read(revision: baseRef, head: head) {
        case .success(.template(let name, let bytes)):
            return .template(name: name, bytes: bytes)
        case .success(.newFile(let name)):
            Console.error("cfn-lambda: \(name) does not exist: \(head) is a new file, planned as a new stack")
            return .newStack
        case .failure(let failure):
            unreadable.append(failure.message)
            return nil
        }
    }

    /// Reads a template file; records why not when it cannot.
    static func readTemplate(_ path: String, into unreadable: inout [String]) -> [UInt8]? {
        if path == "-" {
            let bytes = TemplateFiles.read(path)
            if bytes == nil { unreadable.append("-: standard input cannot be read") }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            unreadable.append("\(path): no such file or directory")
            return nil
        }
        guard !isDirectory.boolValue, let bytes = TemplateFiles.read(path) else {
            unreadable.append(isDirectory.boolValue ? "\(path): is a directory, not a template" : "\(path): cannot be read")
            return nil
        }
        return bytes
    }

    /// `1 to create, 2 to update, 0 to replace, 0 to delete; 0 errors, 1 warning, 0 infos`
    static func summary(_ run: PlanRun) -> String {
        let findings = "\(plural(run.findings.count(.error), "error")), \(plural(run.findings.count(.warning), "warning")), "
            + "\(plural(run.findings.count(.info), "info"))"
        guard let plan = run.plan else { return "no plan; \(findings)" }
        return "\(plan.count(.create)) to create, \(plan.count(.update)) to update, \(plan.count(.replace)) to replace, "
            + "\(plan.count(.delete)) to delete; \(findings)"
    }
}
