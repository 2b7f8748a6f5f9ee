import Foundation
import LangNgheCore
import Testing

/// A report over 16 March – 15 April 2026 (31 days; the previous period 13 February – 15 March),
/// on six cases whose figures were worked out by hand with the calendar of `statsEngine` (no
/// holiday in March or April before the 27th; 20 working days from 12 March end on 8 April).
@Suite("Report: every figure of a period, worked out by hand")
struct ReportBuilderTests {
    static let period = ReportPeriod(from: civil("2026-03-16"), to: civil("2026-04-15"))!
    static let head = PeriodReport.Head(size: 99, rootHash: "ab", timestamp: "2026-04-20T00:00:00.000Z", keyID: 1, signature: "c2ln")
    /// Ranked from one answer and named from one case, so that a small fixture shows both.
    static let criteria = RankingCriteria(minimumCases: 1, minimumEvidence: 1)

    static func reportCase(_ number: Int, _ log: Log, channel: Channel = .web, sender: Submitter.Kind = .individual) -> ReportCase {
        ReportCase(
            id: number, trackingCode: TrackingCode(statsCode(number))!, category: .regulation, fieldCode: "land", channel: channel,
            senderKind: sender, events: log.events)
    }

    static let cases: [ReportCase] = [
        // 1. Received before the period (11 March), answered on its due date, 8 April: on time, 20 days.
        reportCase(1, statsLog(agency: "BTC", answered: "2026-04-08 16:00")),
        // 2. Received 11 March, due 8 April, answered only on 20 April: overdue at the end of the
        //    period by 5 working days (9, 10, 13, 14, 15 April), and not answered in it.
        reportCase(2, statsLog(agency: "BTC", answered: "2026-04-20 10:00")),
        // 3. Received on paper from a business on 17 March, answered 1 April: on time, 11 days; rated 4.
        reportCase(
            3,
            statsLog(agency: "BYT", received: "2026-03-17 10:00", answered: "2026-04-01 10:00").with(
                .rated, "2026-04-02 10:00", data: ["satisfaction": "4", "comment": "Cảm ơn"]), channel: .paper, sender: .organization),
        // 4. Refused as a duplicate on 19 March.
        reportCase(
            4,
            Log().with(.submitted, "2026-03-18 10:00").with(
                .rejected, "2026-03-19 10:00", agency: Agency.governmentOfficeCode, data: ["reasonCode": "duplicate"])),
        // 5. Answered 30 March (8 days), followed up, escalated as a repeated complaint, closed by
        //    the Government's decision on 10 April.
        reportCase(
            5,
            statsLog(agency: "BTC", received: "2026-03-18 10:00", answered: "2026-03-30 10:00")
                .with(FollowedUp(content: "Vẫn chưa được giải quyết"), "2026-04-02 10:00")
                .with(
                    Escalated(reason: .repeatedComplaint, summary: "Đề nghị Thủ tướng chỉ đạo", proposalNumber: "123/TTr-VPCP"),
                    "2026-04-03 10:00", agency: Agency.governmentOfficeCode
                )
                .with(
                    Decided(decision: "Đóng vụ việc", outcome: .close, documentNumber: "45/TB-VPCP"), "2026-04-10 10:00",
                    agency: Agency.governmentOfficeCode)),
        // 6. Received the day after the period: not in it.
        reportCase(6, Log().with(.submitted, "2026-04-16 10:00")),
    ]

    static func build(_ cases: [ReportCase] = cases, agency: String? = nil, audience: ReportAudience = .internal) -> PeriodReport {
        var builder = ReportBuilder(period: period, agency: agency, engine: statsEngine, criteria: criteria)
        for c in cases { builder.add(c) }
        return builder.finish(
            head: head, audience: audience, agencyNames: ["BTC": "Bộ Tài chính", "BYT": "Bộ Y tế", "VPCP": "Văn phòng Chính phủ"],
            fieldNames: ["land": "Đất đai"])
    }

    @Test func receivedByChannelSenderAndAgency() {
        let r = Self.build().received
        #expect(r.total == 3)
        #expect(r.previousTotal == 2)
        #expect(r.byChannel == [.init(key: "paper", count: 1), .init(key: "web", count: 2)])
        #expect(r.bySender == [.init(key: "individual", count: 2), .init(key: "organization", count: 1)])
        #expect(r.byAgency == [.init(key: "BTC", count: 1), .init(key: "BYT", count: 1)])
        #expect(r.byField == [.init(key: "land", count: 3)])
    }

    @Test func aCaseGivenToAnAgencyInThePeriodCountsForItWheneverItArrived() {
        // Received on Friday 13 March (the previous period), given to BYT on Monday 16 March.
        let log = Log().with(.submitted, "2026-03-13 10:00").with(
            .assigned, "2026-03-16 09:00", agency: Agency.governmentOfficeCode, data: ["leadAgency": "BYT"])
        let r = Self.build(Self.cases + [Self.reportCase(8, log)]).received
        #expect(r.total == 3 && r.previousTotal == 3)
        #expect(r.byAgency == [.init(key: "BTC", count: 1), .init(key: "BYT", count: 2)])
    }

    @Test func outcomes() {
        let o = Self.build().outcomes
        #expect(o.answered == 3)
        #expect(o.refused == 1 && o.refusedByReason == [.init(key: "duplicate", count: 1)])
        #expect(o.escalated == 1 && o.decided == 1 && o.merged == 0 && o.returned == 0 && o.rerouted == 0)
        // Only case 2 is still waiting at the end: 5 was closed by the decision, 6 came later.
        #expect(o.openAtEnd == 1)
    }

    @Test func agenciesRankedWithIntervalsAndWorkingDays() {
        let rows = Self.build().agencies
        #expect(rows.map(\.agency) == ["BTC", "BYT"])
        let btc = rows[0]
        #expect(btc.rank == 1 && btc.answered == 2 && btc.answeredOnTime == 2 && btc.received == 1)
        #expect(btc.onTimeRate == "1.0000" && btc.onTimeLower == "0.3424" && btc.onTimeUpper == "1.0000")
        #expect(btc.medianDays == "14.0" && btc.p90Days == "20.0")
        #expect(btc.overdueAtEnd == 1 && btc.followUps == 1 && btc.escalations == 1)
        #expect(btc.previousRank == nil && btc.onTimeChange == nil)
        let byt = rows[1]
        #expect(byt.rank == 2 && byt.onTimeLower == "0.2065" && byt.medianDays == "11.0" && byt.meanSatisfaction == "4.00")
    }

    @Test func aCaseOverdueAtTheEndAndAnsweredAfterIsListedAsItStoodThen() {
        let report = Self.build()
        let late = report.overdueAtEnd.map { "\($0.trackingCode) \($0.agency) \($0.dueDate) \($0.workingDaysLate) \($0.restarts)" }
        #expect(late == ["\(statsCode(2)) BTC 2026-04-08 5 0"])
        #expect(report.prolongedAtEnd.isEmpty)
        #expect(report.named.map(\.agency) == ["BTC"])
        #expect(report.named[0].findings.map { "\($0.reason) \($0.trackingCodes)" } == ["overdueCases [\"\(statsCode(2))\"]"])
    }

    @Test func escalationsRepeatedComplaintsSatisfaction() {
        let report = Self.build()
        #expect(report.escalations.count == 1)
        let e = report.escalations[0]
        #expect(e.trackingCode == statsCode(5) && e.on == "2026-04-03" && e.reason == "repeatedComplaint" && e.agency == "BTC")
        #expect(e.proposalNumber == "123/TTr-VPCP" && e.proposal == "Đề nghị Thủ tướng chỉ đạo" && e.positions == nil)
        #expect(e.decision?.on == "2026-04-10" && e.decision?.outcome == "close" && e.decision?.documentNumber == "45/TB-VPCP")
        #expect(e.decision?.text == "Đóng vụ việc" && e.decision?.leadAgency == nil)
        let repeated = report.repeatedComplaints
        #expect(
            repeated.followUps == 1 && repeated.cases == 1 && repeated.escalated == 1 && repeated.byAgency == [.init(key: "BTC", count: 1)])
        #expect(report.satisfaction.ratings == 1 && report.satisfaction.mean == "4.00")
        #expect(report.satisfaction.distribution.map(\.count) == [0, 0, 0, 1, 0])
    }

    @Test func theSummarySaysWhatChanged() {
        let summary = Self.build().summary
        #expect(summary.first == "Kỳ này tiếp nhận 3 PAKN, tăng 50,0% so với kỳ trước (2).")
        #expect(summary.contains("Trả lời đúng hạn 100,0% trong 3 PAKN đã trả lời (khoảng tin cậy 95%: 43,8–100,0%)."))
        #expect(summary.contains("Cuối kỳ còn 1 PAKN đang xử lý, trong đó 1 quá hạn và 0 bị kéo dài."))
    }

    @Test func theSameCasesGiveTheSameBytesInAnyOrder() throws {
        let once = try Self.build().canonicalBytes()
        #expect(try Self.build(Self.cases.reversed()).canonicalBytes() == once)
        #expect(try Self.build().csvArchive() == Self.build(Self.cases.shuffled()).csvArchive())
    }

    @Test func buildersOverPartsOfTheCasesMergeIntoTheWhole() throws {
        let whole = try Self.build().canonicalBytes()
        for split in 1..<Self.cases.count {
            var first = ReportBuilder(period: Self.period, agency: nil, engine: statsEngine, criteria: Self.criteria)
            var second = first
            for (i, c) in Self.cases.enumerated() {
                if i % split == 0 { first.add(c) } else { second.add(c) }
            }
            second.merge(first)
            let merged = second.finish(
                head: Self.head, audience: .internal,
                agencyNames: ["BTC": "Bộ Tài chính", "BYT": "Bộ Y tế", "VPCP": "Văn phòng Chính phủ"],
                fieldNames: ["land": "Đất đai"])
            #expect(try merged.canonicalBytes() == whole, "split \(split)")
        }
    }

    /// The bytes do depend on the cases: what the store gives the builder must be cut at the
    /// head (ReportTests checks that it is).
    @Test func anotherCaseChangesTheBytes() throws {
        let cut = try Self.build().canonicalBytes()
        var later = Self.cases
        later.append(Self.reportCase(7, Log().with(.submitted, "2026-03-20 10:00")))
        #expect(try Self.build(later).canonicalBytes() != cut)
    }

    @Test func oneAgencysReportKeepsItsRankAmongAll() {
        let report = Self.build(agency: "BYT")
        #expect(report.agencies.map(\.agency) == ["BYT"])
        #expect(report.agencies[0].rank == 2)
        #expect(report.received.total == 1 && report.received.byAgency == [.init(key: "BYT", count: 1)])
        #expect(report.overdueAtEnd.isEmpty && report.escalations.isEmpty)
    }

    @Test func thePublicVersionHasNoFreeTexts() throws {
        let report = Self.build(audience: .public)
        #expect(report.parameters.audience == "public")
        #expect(report.escalations[0].proposal == nil && report.escalations[0].decision?.text == nil)
        #expect(report.escalations[0].proposalNumber == "123/TTr-VPCP")
        let text = String(decoding: try report.canonicalBytes(), as: UTF8.self)
        #expect(!text.contains("Đề nghị Thủ tướng chỉ đạo") && !text.contains("Đóng vụ việc"))
        #expect(!report.tables.contains { $0.columns.contains { ["proposal", "positions", "decision_text", "result"].contains($0.key) } })
    }

    @Test func periodsByName() {
        #expect(ReportPeriod("2026-Q3")?.days == civil("2026-07-01")...civil("2026-09-30"))
        #expect(ReportPeriod("2026-q1")?.previous.label == "2025-Q4")
        #expect(ReportPeriod("2026-H1")?.days == civil("2026-01-01")...civil("2026-06-30"))
        #expect(ReportPeriod("2026-H1")?.previous.label == "2025-H2")
        #expect(Self.period.previous.days == civil("2026-02-13")...civil("2026-03-15"))
        #expect(Self.period.label == "2026-03-16..2026-04-15")
        for bad in ["2026-Q5", "2026-Q0", "2026-H3", "26-Q1", "2026-Q", "Q3-2026", ""] { #expect(ReportPeriod(bad) == nil) }
        #expect(ReportPeriod(from: civil("2026-02-01"), to: civil("2026-01-31")) == nil)
    }

    @Test func csvQuotesAndTheZipReadsBack() throws {
        let csv = Self.build().tables.first { $0.name == "escalations" }!.csv
        #expect(csv.hasPrefix("\u{FEFF}tracking_code,date,reason"))
        #expect(csv.contains("\r\n" + statsCode(5) + ",2026-04-03,repeatedComplaint,BTC,123/TTr-VPCP,2026-04-10,close,45/TB-VPCP,,"))
        let zip = try Self.build().csvArchive()
        #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(Array(zip.suffix(22)).starts(with: [0x50, 0x4B, 0x05, 0x06]))
    }

    @Test func decimalsAreFixed() {
        #expect(Decimals.fixed(0.85714, 4) == "0.8571")
        #expect(Decimals.fixed(2.5, 0) == "3")
        #expect(Decimals.fixed(-0.04, 1) == "0.0")
        #expect(Decimals.fixed(-3.25, 1) == "-3.3")
        #expect(Decimals.fixed(14, 1) == "14.0")
    }
}
