extension ResolvedTemplate {
    /// Every reachable value of a property path below a resource's Properties, with the guard under
    /// which it is reached (the resource's condition and the `Fn::If` branches on the way). A path
    /// that is absent in some alternative gives a nil value there. An unknown value on the way ends
    /// the path with that unknown.
    ///
    ///     context.reachable(function, "Code", "S3Bucket")
    public func reachable(_ resource: Resource, _ path: String...) -> GuardedAlternatives {
        reachable(resource, path: path)
    }

    /// `reachable` of one property. (A variadic call makes an array of the path, on the heap, every
    /// time: the Lambda rules ask for one property of every function some forty times in all.)
    public func reachable(_ resource: Resource, _ key: String) -> GuardedAlternatives {
        reachable(resource, path: CollectionOfOne(key))
    }

    /// Whether some reachable value of the property is a known mapping: a rule about a mapping
    /// property (SnapStart, LoggingConfig) has nothing to judge in a function where none is.
    func reachesMapping(_ resource: Resource, _ key: String) -> Bool {
        reachable(resource, path: CollectionOfOne(key)).contains { $0.value?.entries != nil }
    }

    /// Whether some reachable value of the path is a known list with elements: a rule about what a
    /// list holds (subnets, file systems) has nothing to judge in a function where none is.
    func reachesElements(_ resource: Resource, _ path: String...) -> Bool {
        reachable(resource, path: path).contains { $0.value?.elements?.isEmpty == false }
    }

    public func reachable(_ resource: Resource, path: some Collection<String>) -> GuardedAlternatives {
        let (start, properties) = guardAndProperties(of: resource)
        guard conditionSet.isSatisfiable(start) else { return [] }
        guard let properties else { return GuardedAlternatives((start, nil)) }
        if let value = Self.reachableWithoutChoice(properties, path: path) { return GuardedAlternatives((start, value)) }
        var current = properties.alternatives(under: start, conditionSet)
        for key in path {
            var next = GuardedAlternatives()
            for (conditions, value) in current {
                guard let value else {
                    next.append((conditions, nil))
                    continue
                }
                switch value.kind {
                case .map(let entries):
                    if let index = entries.index(ofKey: key) {
                        next += entries[index].value.alternatives(under: conditions, conditionSet)
                    } else {
                        next.append((conditions, nil))
                    }
                case .unknown:
                    next.append((conditions, value))
                default:
                    // Not a mapping where one is expected: the schema rules report it.
                    next.append((conditions, nil))
                }
            }
            current = next
        }
        return current
    }

    /// The one value of `path` below `properties` when no `Fn::If` choice is met on the way (the
    /// common case), as `reachable` finds it; nil when a choice is met and every alternative must be
    /// followed. The outer optional is nil for "not decided here", the inner one for an absent value.
    private static func reachableWithoutChoice(_ properties: Resolved, path: some Collection<String>) -> Resolved?? {
        var current: Resolved = properties
        switch current.kind {
        case .choice: return nil
        case .noValue: return .some(nil)
        default: break
        }
        for key in path {
            switch current.kind {
            case .map(let entries):
                guard let index = entries.index(ofKey: key) else { return .some(nil) }
                let value = entries[index].value
                switch value.kind {
                case .choice: return nil
                case .noValue: return .some(nil)
                default: current = value
                }
            case .unknown:
                return .some(current)
            default:
                return .some(nil)
            }
        }
        return .some(current)
    }
}
