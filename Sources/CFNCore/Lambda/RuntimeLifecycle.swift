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

    /// The file in its packed form: a run reads the dates of the runtimes its templates name, not all.
    private let file: PackedJSON

    public static let shipped = RuntimeLifecycle(PackedJSON(SchemaFiles.runtimeLifecycle))

    public init(_ file: PackedJSON) {
        self.file = file
    }

    /// Every runtime in the table, with its dates.
    public var runtimes: [String: Dates] {
        Dictionary(file.members.compactMap { member in Self.dates(member.value).map { (member.name, $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    /// A runtime's dates, if it is in the table.
    public func dates(of runtime: String) -> Dates? {
        file[runtime].flatMap(Self.dates)
    }

    private static func dates(_ fields: PackedJSON) -> Dates? {
        guard let deprecated = fields["deprecated"]?.string, let create = fields["create-block"]?.string,
              let update = fields["update-block"]?.string
        else { return nil }
        return Dates(deprecated: deprecated, createBlock: create, updateBlock: update, successor: fields["successor"]?.string)
    }

    /// The stage a runtime is at on a day, if it is in the table.
    public func stage(of runtime: String, on today: String) -> (stage: Stage, dates: Dates)? {
        guard let dates = dates(of: runtime) else { return nil }
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

    /// The `YYYY-MM-DD` date of a day counted from 1970-01-01 (the inverse of `dayNumber`): today
    /// without a date formatter, whose locale data costs a small run a sixth of its time.
    public static func date(dayNumber: Int) -> String {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
