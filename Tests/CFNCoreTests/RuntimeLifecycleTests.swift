@testable import CFNCore
import Testing

@Suite struct RuntimeLifecycleTests {
    @Test func shippedTableIsLoaded() throws {
        let dates = try #require(RuntimeLifecycle.shipped.runtimes["nodejs20.x"])
        #expect(dates.deprecated == "2026-04-30")
        #expect(dates.createBlock == "2026-06-01")
        #expect(dates.updateBlock == "2026-07-01")
        #expect(dates.successor == "nodejs24.x")
    }

    /// Each runtime is read from the packed file by name, with the dates its JSON gives.
    @Test func eachRuntimeOfTheFileIsFoundByName() throws {
        let data = try #require(ShippedJSON.runtimeLifecycle)
        let json = try #require(try JSONValue(data: data).object)
        let table = RuntimeLifecycle.shipped
        #expect(table.runtimes.count == json.count)
        for (runtime, fields) in json {
            let dates = try #require(table.dates(of: runtime), "\(runtime)")
            #expect(dates == table.runtimes[runtime])
            #expect([dates.deprecated, dates.createBlock, dates.updateBlock, dates.successor]
                == ["deprecated", "create-block", "update-block", "successor"].map { fields[$0]?.string }, "\(runtime)")
        }
        #expect(table.dates(of: "python3.1") == nil)
    }

    @Test func stagesFollowTheDates() {
        let table = RuntimeLifecycle.shipped
        #expect(table.stage(of: "nodejs20.x", on: "2026-01-30")?.stage == .deprecationSoon)  // 90 days before
        #expect(table.stage(of: "nodejs20.x", on: "2026-01-29")?.stage == .supported)        // 91 days before
        #expect(table.stage(of: "nodejs20.x", on: "2026-04-30")?.stage == .deprecated)
        #expect(table.stage(of: "nodejs20.x", on: "2026-06-01")?.stage == .createBlocked)
        #expect(table.stage(of: "nodejs20.x", on: "2026-07-01")?.stage == .updateBlocked)
        #expect(table.stage(of: "no-such-runtime", on: "2026-07-01") == nil)
    }

    @Test func messagesNameDatesSuccessorAndConditions() {
        let text = "Parameters:\n  Legacy: {Type: String}\nConditions:\n  IsLegacy: !Equals [!Ref Legacy, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsLegacy, nodejs20.x, python3.12]\n"
        let report = Validator(settings: ValidationSettings(today: "2026-05-10"), rules: [RuntimeDeprecatedRule()], checksSchemas: false)
            .validate(file: "t.yaml", bytes: Array(text.utf8))
        #expect(report.findings.map(\.message) == [
            "runtime nodejs20.x is deprecated since 2026-04-30; creating functions is blocked from 2026-06-01, updating from 2026-07-01; move to nodejs24.x (when IsLegacy)",
        ])
        // Without a date the library judges nothing: it never reads the clock.
        #expect(Validator(rules: [RuntimeDeprecatedRule()], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8)).findings.isEmpty)
    }
}

/// Today's date is computed from the clock without a date formatter: the calendar arithmetic
/// must agree with the parser it inverts, across leap years and centuries.
@Suite struct CalendarDateTests {
    @Test func knownDays() {
        #expect(RuntimeLifecycle.date(dayNumber: 0) == "1970-01-01")
        #expect(RuntimeLifecycle.date(dayNumber: 11_016) == "2000-02-29")
        #expect(RuntimeLifecycle.date(dayNumber: 20_453) == "2025-12-31")
        #expect(RuntimeLifecycle.date(dayNumber: 20_818) == "2026-12-31")
        #expect(RuntimeLifecycle.date(dayNumber: -1) == "1969-12-31")
    }

    @Test func inverseOfTheParser() throws {
        for day in stride(from: -700_000, through: 2_900_000, by: 13) {
            let text = RuntimeLifecycle.date(dayNumber: day)
            #expect(RuntimeLifecycle.dayNumber(text) == day, "\(day) \(text)")
        }
    }
}
