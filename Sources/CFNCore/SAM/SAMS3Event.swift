import CFNLoader

/// An `S3` event: the function's permission, and the bucket of the template made to notify the
/// function (push.py, `S3`): each event type a `LambdaConfigurations` entry (under `Fn::If` when the
/// function has a condition), and the bucket made to wait for the permission (`DependsOn`, or with
/// a condition a tag that references it, as conditional `DependsOn` does not exist).
extension SAMFunctionEvents {
    func s3Notification(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        guard let bucket = props["Bucket"], let (function, argument) = document.intrinsic(bucket), function == .ref else {
            throw event.fail("S3 events must reference an S3 bucket in the same template.", event.range("Bucket"))
        }
        guard let name = document.text(argument) else {
            throw event.fail("'Ref' value in S3 events is not a valid string.", document.range(bucket))
        }
        guard let resource = expander.template.resource(named: name), var edited = expander.editable(resource) else {
            throw event.fail("S3 events must reference an S3 bucket in the same template.", event.range("Bucket"))
        }
        guard let events = props["Events"] else { throw event.fail("Missing required property 'Events'.", event.keyRange) }
        let at = event.keyRange
        let permission = permission(event, principal: "s3.amazonaws.com", sourceAccount: .ref("AWS::AccountId", at: at))
        let condition = event.attributes["Condition"]
        var properties = try edited.map("Properties", orFail: SAMError("Properties should be a map.", at: edited.range, resource: name), document, newAt: at)
        if let condition {
            var tags = try list("Tags", in: properties, orFail: SAMError("Property 'Tags' should be a list.", at: properties.range, resource: name))
            let dependency = SAMValue.intrinsic(.if, .list([condition, .ref(permission.logicalId, at: at), .string("no dependency", at: at)], at: at), at: at)
            tags.append(.map([SAMEntry("Key", .string("sam:ConditionalDependsOn:" + permission.logicalId, at: at), keyRange: at),
                              SAMEntry("Value", dependency, keyRange: at)], at: at))
            properties.set("Tags", .list(tags, at: properties["Tags"].map(document.range) ?? at), keyRange: document.keyRange("Tags", in: properties.value) ?? at)
        } else {
            try addDependsOn(permission.logicalId, to: &edited, event)
        }

        var notification = try properties.map("NotificationConfiguration",
                                               orFail: SAMError("Property 'NotificationConfiguration' should be a map.", at: properties.range, resource: name),
                                               document, newAt: at)
        var configurations = try list("LambdaConfigurations", in: notification,
                                      orFail: SAMError("Invalid type for LambdaConfigurations. Must be a list.", at: notification.range, resource: name))
        for type in document.elements(events) ?? [events] {
            var mapping = SAMMap(at: at)
            mapping.set("Function", functionArn.relocated(to: at), keyRange: at)
            mapping.set("Filter", props["Filter"], keyRange: event.range("Filter"))
            mapping.set("Event", type, keyRange: event.range("Events"))
            var entry = mapping.value
            if let condition {
                entry = .intrinsic(.if, .list([condition, entry, .ref("AWS::NoValue", at: at)], at: at), at: at)
            }
            let python = document.python(entry)
            if !configurations.contains(where: { document.python($0) == python }) { configurations.append(entry) }
        }
        notification.set("LambdaConfigurations", .list(configurations, at: notification.range), keyRange: notification.keyRange("LambdaConfigurations", orNew: at))
        properties.set("NotificationConfiguration", notification.value, keyRange: properties.keyRange("NotificationConfiguration", orNew: at))
        // The bucket is among what the function makes: `PropagateTags` gives it the function's tags, in place of its own.
        if document.isTruthy(self.function["PropagateTags"]), let tags = self.function["Tags"], document.isTruthy(tags) {
            properties.set("Tags", self.function.tagList(withSAMTag: false), keyRange: self.function.keyRange("Tags"))
        }
        edited.set("Properties", properties.value, keyRange: edited.keyRange("Properties", orNew: at))
        expander.editedResources[name] = edited
        return [permission]
    }

    /// The permission added to the bucket's `DependsOn` (a name or a list of names), as a list.
    private func addDependsOn(_ permission: String, to bucket: inout SAMMap, _ event: Event) throws {
        let at = event.keyRange
        var names: [SAMValue] = []
        if let dependsOn = bucket["DependsOn"] {
            // Python's set() of the value: a name, or a list of hashable (scalar) elements.
            if document.string(dependsOn) != nil, !document.isNull(dependsOn) {
                names = [dependsOn]
            } else if let elements = document.elements(dependsOn), elements.allSatisfy({ document.string($0) != nil }) {
                names = elements
            } else {
                throw SAMError("Invalid type for field 'DependsOn'. Expected a string or list of strings.", at: document.range(dependsOn),
                               resource: event.logicalId)
            }
        }
        if !names.contains(where: { document.string($0) == permission }) { names.append(.string(permission, at: at)) }
        bucket.set("DependsOn", .list(names, at: bucket["DependsOn"].map(document.range) ?? at), keyRange: at)
    }

    /// The list under `key`, empty when absent or null, or `error`.
    func list(_ key: String, in map: SAMMap, orFail error: SAMError) throws -> [SAMValue] {
        guard let value = map[key], !document.isNull(value) else { return [] }
        guard let elements = document.elements(value) else { throw error }
        return elements
    }
}

extension SAMMap {
    /// The mapping under `key`, or an empty one at `newAt` when absent or null, or `error`.
    func map(_ key: String, orFail error: SAMError, _ document: SAMDocument, newAt: SourceRange) throws -> SAMMap {
        guard let value = self[key], !document.isNull(value) else { return SAMMap(at: newAt) }
        guard let map = document.map(value) else { throw error }
        return map
    }

    /// The range of `key`'s key, or `newAt` for a key the transform adds.
    func keyRange(_ key: String, orNew newAt: SourceRange) -> SourceRange {
        entries.first { SAMMap.same($0.key, key) }?.keyRange ?? newAt
    }
}

extension SAMValue {
    /// A reference the transform made, placed where it is written into a template resource.
    func relocated(to range: SourceRange) -> SAMValue {
        guard case .intrinsic(let function, let argument, _) = self else { return self }
        return .intrinsic(function, argument, at: range)
    }
}

extension SAMExpander {
    /// A template resource's mapping as events have edited it so far, or as written.
    func editable(_ resource: Resource) -> SAMMap? {
        editedResources[resource.logicalId] ?? document.map(.node(resource.node))
    }
}
