import CFNCore
@testable import CFNReporters
import Testing

/// Storage figures in text: one unit family (base 1024), and an overflow never rounded away.
@Suite struct StorageFiguresTests {
    @Test func figuresThatRoundAlikeButDifferGetDecimalsThenExactBytes() {
        let quota: Int64 = 322_122_547_200
        // −11 MiB and +30 MiB on 5 GiB: two decimals tell them apart.
        #expect(ByteText.sizes([5_368_709_120, 5_357_174_784, quota], limit: quota) == ["5.00 GiB", "4.99 GiB", "300.00 GiB"])
        #expect(ByteText.sizes([5_368_709_120, 5_400_166_400, quota], limit: quota) == ["5.00 GiB", "5.03 GiB", "300.00 GiB"])
        // +2 MiB needs three: 5.000 → 5.002.
        #expect(ByteText.sizes([5_368_709_120, 5_370_806_272, quota], limit: quota) == ["5.000 GiB", "5.002 GiB", "300.000 GiB"])
        // +100 KiB is below what three decimals of a GiB show.
        #expect(ByteText.sizes([5_368_709_120, 5_368_811_520, quota], limit: quota) == ["5368709120 bytes", "5368811520 bytes", "322122547200 bytes"])
        #expect(ByteText.sizes([1_048_576, 1_048_576, quota], limit: quota) == ["1.0 MiB", "1.0 MiB", "300.0 GiB"])
        #expect(ByteText.size(1_610_612_736, decimals: 2) == "1.50 GiB")
        #expect(ByteText.size(-1_049_088, decimals: 3) == "−1.000 MiB")
        #expect(ByteText.size(1_073_741_823, decimals: 3) == "1.000 GiB")
        // 100 bytes over a 300 GiB quota would read "300.0 GiB of 300.0 GiB".
        #expect(ByteText.sizes([322_122_547_000, 322_122_547_300, quota], limit: quota)
                == ["322122547000 bytes", "322122547300 bytes", "322122547200 bytes"])
        #expect(ByteText.sizes([quota, quota], limit: quota) == ["300.0 GiB", "300.0 GiB"])
    }

    @Test func anOverflowAfterTheDeploymentIsShownInBytes() {
        var plan = PlanSample.unchanged
        plan.storage = StorageSummary(quotaBytes: 322_122_547_200, usageBeforeBytes: 322_122_547_000, deltaBytes: 300,
                                      usageAfterBytes: 322_122_547_300, exceedsQuota: true, unknownSizes: [], usagePeakBytes: 322_122_547_300)
        let text = PlanTextReporter().render(PlanSample.run(plan))
        #expect(text.contains("""
            Code storage (Lambda-managed): +300 bytes
              usage 322122547000 bytes → 322122547300 bytes of 322122547200 bytes
              usage after the deployment exceeds the quota

            """))
    }

    @Test func sharesOfTheQuotaNeverRoundToZeroOrOverflow() {
        #expect(StorageTextReporter.percent(1, of: 322_122_547_200) == "<0.01%")
        #expect(StorageTextReporter.percent(5_368_709_120, of: 322_122_547_200) == "1.67%")
        #expect(StorageTextReporter.percent(322_122_547_199, of: 322_122_547_200) == ">99.99%")
        // A state file can say anything: a share too large for a number is still an answer.
        #expect(StorageTextReporter.percent(.max, of: 1) == ">10000000000%")
        #expect(StorageTextReporter.percent(-5, of: 100) == "?")
    }

    @Test func findingsUseTheSameUnitsAsTheSummary() {
        #expect(ByteText.size(262_144_000) == "250.0 MiB")
        #expect(ByteText.size(322_122_547_200) == "300.0 GiB")
        #expect(ByteText.size(-512) == "−512 bytes")
    }
}
