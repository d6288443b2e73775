import CFNSchemas
import Foundation

/// Lambda's runtime deprecation dates, from `schemas/lambda-runtime-lifecycle.json` (cfn-lint's
/// copy of the dates in Lambda's "Runtime deprecation policy" documentation).
public struct RuntimeLifecycle: Sendable {
    public struct Dates: Sendable, Hashable {
        /// When Lambda stops applying security patches and support: `YYYY-MM-DD`.
        public let deprecated: String
        /// From this day Lambda refuses to create functions with the runtime.
        public let createBlock: String
        /// From this day Lambda refuses to update functions with the runtime.
        public let updateBlock: String
        public let successor: String?
    }

    public let runtimes: [String: Dates]

    public static let shipped = RuntimeLifecycle(json: SchemaFiles.runtimeLifecycle)

    public init(json data: Data?) {
        var runtimes: [String: Dates] = [:]
        if let data, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            for (runtime, value) in object {
                guard let fields = value as? [String: Any], let deprecated = fields["deprecated"] as? String,
                      let create = fields["create-block"] as? String, let update = fields["update-block"] as? String
                else { continue }
                runtimes[runtime] = Dates(deprecated: deprecated, createBlock: create, updateBlock: update,
                                          successor: fields["successor"] as? String)
            }
        }
        self.runtimes = runtimes
    }

    /// The stage a runtime is at on a day, if it is in the table.
    public func stage(of runtime: String, on today: String) -> (stage: Stage, dates: Dates)? {
        guard let dates = runtimes[runtime] else { return nil }
        if today >= dates.updateBlock { return (.updateBlocked, dates) }
        if today >= dates.createBlock { return (.createBlocked, dates) }
        if today >= dates.deprecated { return (.deprecated, dates) }
        if Self.days(from: today, to: dates.deprecated).map({ $0 <= 90 }) ?? false { return (.deprecationSoon, dates) }
        return (.supported, dates)
    }

    public enum Stage: Sendable {
        case supported, deprecationSoon, deprecated, createBlocked, updateBlocked
    }

    /// Whole days between two `YYYY-MM-DD` dates (UTC), or nil when either is malformed.
    static func days(from start: String, to end: String) -> Int? {
        guard let a = dayNumber(start), let b = dayNumber(end) else { return nil }
        return b - a
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (no time zones involved).
    static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var (year, month, day) = (parts[0], parts[1], parts[2])
        year -= month <= 2 ? 1 : 0
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        month = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * month + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
