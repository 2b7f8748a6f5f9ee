import Foundation
import LangNgheCore
import Testing

@Suite("Statistics: the facts a case adds, on the day of each event")
struct StatisticsFactTests {
    func measures(_ log: Log) -> [String] {
        statsCase(log).facts.map { "\($0.day.iso) \($0.agencyCode) \($0.measure.rawValue)" + ($0.detail.isEmpty ? "" : " \($0.detail)") }
    }

    @Test func answeredOnItsDueDateIsOnTimeAfterTwentyWorkingDays() {
        #expect(
            measures(statsLog(agency: "BTC", answered: "2026-04-08 16:00")) == [
                "2026-03-11 VPCP submitted", "2026-03-12 BTC received",
                "2026-04-08 BTC answered", "2026-04-08 BTC answeredOnTime", "2026-04-08 BTC answerDays 20",
            ])
    }

    @Test func answeredTheDayAfterIsLate() {
        let facts = measures(statsLog(agency: "BTC", answered: "2026-04-09 09:00"))
        #expect(facts.suffix(2) == ["2026-04-09 BTC answeredLate", "2026-04-09 BTC answerDays 21"])
    }

    @Test func onTimeFollowsTheDeadlineWhileTheWaitCountsEveryDay() {
        // A published progress update on 23 March restarts the 20 days: due 20 April.
        let log = statsLog(agency: "BTC").with(.progressUpdated, "2026-03-23 10:00", agency: "BTC")
            .with(.answerPublished, "2026-04-15 10:00", agency: "BTC")
        let facts = measures(log)
        #expect(facts.contains("2026-03-23 BTC restarted"))
        #expect(facts.suffix(2) == ["2026-04-15 BTC answeredOnTime", "2026-04-15 BTC answerDays 25"])  // the citizen's wait
    }

    @Test func laterEventsOnlyAddFacts() {
        let log = statsLog(agency: "BTC", answered: "2026-04-01 10:00")
        let before = statsCase(Log(events: Array(log.events.dropLast()))).facts
        #expect(Array(statsCase(log).facts.prefix(before.count)) == before)
    }

    @Test func aReturnIsOverruledWhenTheOfficeAssignsTheCaseBackToTheSameAgency() {
        let vpcp = Agency.governmentOfficeCode
        let log = statsLog(agency: "BTC")
            .with(.returned, "2026-03-13 10:00", agency: "BTC")
            .with(.assigned, "2026-03-16 09:00", agency: vpcp, data: ["leadAgency": "BYT"])
            .with(.returned, "2026-03-17 10:00", agency: "BYT")
            .with(.assigned, "2026-03-18 09:00", agency: vpcp, data: ["leadAgency": "BTC"])
        #expect(
            measures(log).dropFirst(2) == [
                "2026-03-13 BTC returned", "2026-03-16 BYT received", "2026-03-16 BTC reassigned",
                "2026-03-17 BYT returned", "2026-03-18 BTC received", "2026-03-18 BYT reassigned", "2026-03-18 BTC overruledReturn",
            ])
    }

    @Test func aCoordinationReplyAfterFiveWorkingDaysIsLateForTheAgencyAsked() {
        // Asked on Friday 13 March: due Friday 20 March.
        let log = statsLog(agency: "BTC")
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BYT"])
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BXD"])
            .with(.coordinationReplied, "2026-03-16 10:00", agency: "BXD")
            .with(.coordinationReplied, "2026-03-23 10:00", agency: "BYT")
        #expect(
            measures(log).dropFirst(2) == [
                "2026-03-13 BYT coordinationRequested", "2026-03-13 BXD coordinationRequested", "2026-03-23 BYT coordinationRepliedLate",
            ])
    }

    @Test func followUpsRatingsAndEscalationsAfterTheAnswer() {
        let log = statsLog(agency: "BTC", answered: "2026-03-20 10:00")
            .with(.rated, "2026-03-21 10:00", data: ["satisfaction": "2"])
            .with(.followedUp, "2026-03-22 10:00")
            .with(.escalated, "2026-03-23 10:00", agency: Agency.governmentOfficeCode, data: ["reason": "repeatedComplaint"])
        #expect(measures(log).suffix(3) == ["2026-03-21 BTC rating 2", "2026-03-22 BTC followedUp", "2026-03-23 BTC escalated"])
    }

    @Test func refusalsCountForTheOfficeWithTheirReason() {
        let log = Log().with(.submitted, "2026-03-11 10:00").with(
            .rejected, "2026-03-12 10:00", agency: "VPCP", data: ["reasonCode": "legalQuestion"])
        #expect(measures(log) == ["2026-03-11 VPCP submitted", "2026-03-12 VPCP refused legalQuestion"])
    }
}
