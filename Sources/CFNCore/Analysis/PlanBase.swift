/// What `Analysis.plan` plans HEAD over.
public enum PlanBase: Sendable, Equatable {
    /// A new stack: every resource is created.
    case newStack
    /// A template, named as the user knows it (a path, `REV:path` from git, a state file's stack).
    case template(name: String, bytes: [UInt8])
    /// An input that stands for BASE but holds no template (a state file without one): no plan is
    /// made, and the input's own findings say why.
    case unusable(name: String)

    /// BASE's name in reports; nil for a new stack.
    public var name: String? {
        switch self {
        case .newStack: nil
        case .template(let name, _), .unusable(let name): name
        }
    }
}
