import Foundation
import LangNgheCore
import Testing

@Suite("Statistics: what one case contributes")
struct CaseFactsTests {
    @Test func answeredOnItsDueDateIsOnTimeAfterTwentyWorkingDays() throws {
        // setup
        let log = statsLog(agency: "BTC", answered: "2026-04-08 16:00")
        // MUT
        let facts = try statsFacts(log, today: "2026-04-20")
        // validate
        #expect(facts.agencyCode == "BTC" && facts.status == .answered)
        #expect(facts.receivedOn == civil("2026-03-11") && facts.firstAnswerOn == civil("2026-04-08"))
        #expect(facts.answeredOnTime == true && facts.workingDaysToAnswer == 20)
        #expect(!facts.isOverdue && facts.returns.isEmpty && facts.reassignments.isEmpty)
    }

    @Test func answeredTheDayAfterIsLate() throws {
        let facts = try statsFacts(statsLog(agency: "BTC", answered: "2026-04-09 09:00"), today: "2026-04-20")
        #expect(facts.answeredOnTime == false && facts.workingDaysToAnswer == 21)
        #expect(!facts.isOverdue)
    }

    @Test func onTimeFollowsTheDeadlineWhileTheWaitCountsEveryDay() throws {
        // A published progress update on 23 March restarts the 20 days: due 20 April.
        let log = statsLog(agency: "BTC").with(.progressUpdated, "2026-03-23 10:00", agency: "BTC")
            .with(.answerPublished, "2026-04-15 10:00", agency: "BTC")
        let facts = try statsFacts(log, today: "2026-04-20")
        #expect(facts.answeredOnTime == true)
        #expect(facts.workingDaysToAnswer == 25)  // 12 March to 15 April, the citizen's wait
    }

    @Test func unansweredPastTheDueDateIsOverdueNow() throws {
        let log = statsLog(agency: "BTC")
        #expect(try !statsFacts(log, today: "2026-04-08").isOverdue)
        let late = try statsFacts(log, today: "2026-04-09")
        #expect(late.isOverdue && late.firstAnswerOn == nil && late.answeredOnTime == nil && late.workingDaysToAnswer == nil)
    }

    @Test func eventsAfterTheDayReadAreNotYetKnown() throws {
        let log = statsLog(agency: "BTC", answered: "2026-04-01 10:00")
        let before = try statsFacts(log, today: "2026-03-31")
        #expect(before.firstAnswerOn == nil && before.status == .inProgress)
    }

    @Test func aCaseNoAgencyHoldsCountsForTheGovernmentOffice() throws {
        let facts = try statsFacts(Log().with(.submitted, "2026-03-11 10:00"), today: "2026-03-12")
        #expect(facts.agencyCode == Agency.governmentOfficeCode && facts.status == .received)
        #expect(
            CaseFacts(trackingCode: "x", category: .conduct, fieldCode: nil, events: [], engine: statsEngine, today: civil("2026-03-12"))
                == nil)
    }

    @Test func aReturnIsOverruledWhenTheOfficeAssignsTheCaseBackToTheSameAgency() throws {
        let vpcp = Agency.governmentOfficeCode
        let log = statsLog(agency: "BTC")
            .with(.returned, "2026-03-13 10:00", agency: "BTC")
            .with(.assigned, "2026-03-16 09:00", agency: vpcp, data: ["leadAgency": "BYT"])
            .with(.returned, "2026-03-17 10:00", agency: "BYT")
            .with(.assigned, "2026-03-18 09:00", agency: vpcp, data: ["leadAgency": "BTC"])
        let facts = try statsFacts(log, today: "2026-03-20")
        #expect(facts.returns == [.init(agencyCode: "BTC", isOverruled: true), .init(agencyCode: "BYT", isOverruled: false)])
        #expect(facts.reassignments == [.init(from: "BTC", to: "BYT"), .init(from: "BYT", to: "BTC")])
        #expect(facts.agencyCode == "BTC" && facts.agencyCodes == ["BTC", "BYT"])
    }

    @Test func aCoordinationRequestIsLeftUnansweredOncePastItsFiveWorkingDays() throws {
        // Asked on Friday 13 March: due Friday 20 March. The construction ministry replies.
        let log = statsLog(agency: "BTC")
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BYT"])
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BXD"])
            .with(.coordinationReplied, "2026-03-16 10:00", agency: "BXD")
        let onTheDay = try statsFacts(log, today: "2026-03-20")
        #expect(onTheDay.coordinationRequests.map(\.isOverdue) == [false, false])
        let after = try statsFacts(log, today: "2026-03-23")
        #expect(
            after.coordinationRequests == [
                .init(agencyCode: "BYT", isAnswered: false, isOverdue: true),
                .init(agencyCode: "BXD", isAnswered: true, isOverdue: false),
            ])
        // A return withdraws the requests still open: not the asked agency's delay.
        let returned = log.with(.returned, "2026-03-17 10:00", agency: "BTC")
        #expect(try statsFacts(returned, today: "2026-03-23").coordinationRequests.allSatisfy { !$0.isOverdue })
    }

    @Test func followUpsAndRatingsAfterTheAnswer() throws {
        let log = statsLog(agency: "BTC", answered: "2026-03-20 10:00")
            .with(.rated, "2026-03-21 10:00", data: ["satisfaction": "2"])
            .with(.followedUp, "2026-03-22 10:00")
            .with(.escalated, "2026-03-23 10:00", agency: Agency.governmentOfficeCode, data: ["reason": "repeatedComplaint"])
        let facts = try statsFacts(log, today: "2026-03-25")
        #expect(facts.followedUpAfterAnswer && facts.isEscalated && facts.ratings == [2])
        #expect(facts.status == .escalated && facts.answeredOnTime == true)
        #expect(try !statsFacts(statsLog(agency: "BTC", answered: "2026-03-20 10:00"), today: "2026-03-25").followedUpAfterAnswer)
    }
}
