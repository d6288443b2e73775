import CFNCore
import CFNLoader
import CFNReporters
import CFNSchemas
import Foundation

/// `validate` with its checks while loading certain to run (`validateFollowingTheLoad`: the loader
/// on a thread of its own, handing over at every entry), against `validate` without them.
///
/// Invariant: the same JSON, finding for finding. Whatever the input (aliases, tags, repeated keys
/// and sections, sections after Resources, a load that stops midway), the early work is either
/// proven the same as the usual path's or not used; and the follower never waits forever.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    invariant(SchemaFiles.isAvailable, "schema files not found: set CFN_LAMBDA_SCHEMAS to the schemas/ folder")
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let validator = Validator(settings: ValidationSettings(today: "2026-05-10"))
    let file = "fuzz.yaml"
    let usual = JSONReporter().render(ValidationRun(reports: [validator.whileLoadingChecked(false).validate(file: file, bytes: bytes)]))
    let early = JSONReporter().render(ValidationRun(reports: [validator.validateFollowingTheLoad(file: file, bytes: bytes)]))
    invariant(early == usual, "checks while loading found otherwise:\n\(early)\nwithout them:\n\(usual)")
    return 0
}
