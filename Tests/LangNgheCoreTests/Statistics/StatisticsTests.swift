import Foundation
import LangNgheCore
import Testing

@Suite("Statistics: figures over a period, overall and per agency")
struct StatisticsTests {
    let march = civil("2026-03-01")...civil("2026-03-31")

    @Test func aPeriodSelectsByTheDayOfReceiptInVietnam() throws {
        // setup: the second petition is sent on 31 March in UTC, but on 1 April in Vietnam.
        let received = ["2025-12-31 23:50", "2026-01-01 00:10", "2026-03-31 23:30", "2026-04-01 06:00"]
        let facts = try received.enumerated().map { i, at in
            try statsFacts(Log().with(.submitted, at), code: statsCode(i + 1), today: "2026-04-02")
        }
        // MUT
        let quarter = Statistics(facts: facts, period: civil("2026-01-01")...civil("2026-03-31"))
        // validate
        #expect(quarter.cases.map(\.trackingCode) == [statsCode(2), statsCode(3)])
        #expect(quarter.overall.received == 2)
    }

    @Test func eachFigureCountsForTheAgencyWhoseDoingItIs() throws {
        let vpcp = Agency.governmentOfficeCode
        let asked = statsLog(agency: "BTC")
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BXD"])
            .with(.answerPublished, "2026-03-20 10:00", agency: "BTC")
        let late = statsLog(agency: "BTC", answered: "2026-04-09 09:00")
        let overdue = statsLog(agency: "BTC")
        let moved = statsLog(agency: "BTC").with(.returned, "2026-03-13 10:00", agency: "BTC")
            .with(.assigned, "2026-03-16 09:00", agency: vpcp, data: ["leadAgency": "BYT"])
            .with(.answerPublished, "2026-03-30 10:00", agency: "BYT")
        let facts = try [asked, late, overdue, moved].enumerated().map { i, log in
            try statsFacts(log, code: statsCode(i + 1), today: "2026-04-20")
        }

        let statistics = Statistics(facts: facts, period: march)

        let overall = statistics.overall
        #expect((overall.received, overall.answered, overall.answeredOnTime, overall.overdueNow) == (4, 3, 2, 1))
        #expect((overall.returns, overall.reassignments, overall.unansweredCoordination) == (1, 1, 1))
        #expect(statistics.agencies.map(\.agencyCode) == ["BTC", "BXD", "BYT"])
        let btc = try #require(statistics.agency("BTC"))
        #expect((btc.received, btc.answered, btc.answeredOnTime, btc.overdueNow) == (3, 2, 1, 1))
        #expect((btc.returns, btc.overruledReturns, btc.reassignments) == (1, 0, 1))
        #expect(btc.evidence == [.lateAnswers: [statsCode(2)], .overdueCases: [statsCode(3)]])
        let byt = try #require(statistics.agency("BYT"))
        #expect((byt.received, byt.answered, byt.answeredOnTime, byt.returns) == (1, 1, 1, 0))
        let bxd = try #require(statistics.agency("BXD"))
        #expect(bxd.received == 0 && bxd.unansweredCoordination == 1)
        #expect(bxd.evidence == [.unansweredCoordination: [statsCode(1)]])
    }

    @Test func meanAndMedianWorkingDaysWithAnOddAndAnEvenCount() throws {
        // Received Wednesday 11 March; answered after 1, 3 and 10 working days, then 4.
        let answers = ["2026-03-12 10:00", "2026-03-16 10:00", "2026-03-25 10:00", "2026-03-17 10:00"]
        let facts = try answers.enumerated().map { i, at in
            try statsFacts(statsLog(agency: "BTC", answered: at), code: statsCode(i + 1), today: "2026-04-01")
        }

        let odd = Statistics(facts: Array(facts.prefix(3)), period: march).overall
        #expect(odd.workingDaysToAnswer == [1, 3, 10])
        #expect(odd.medianWorkingDaysToAnswer == 3)
        #expect(abs((odd.meanWorkingDaysToAnswer ?? 0) - 14.0 / 3) < 1e-12)
        let even = Statistics(facts: facts, period: march).overall
        #expect(even.medianWorkingDaysToAnswer == 3.5 && even.meanWorkingDaysToAnswer == 4.5)
        let none = Statistics(facts: [], period: march).overall
        #expect(none.medianWorkingDaysToAnswer == nil && none.meanWorkingDaysToAnswer == nil)
    }

    @Test func meanSatisfactionOverEveryRating() throws {
        let ratings = [["5"], ["4", "2"], []]
        let facts = try ratings.enumerated().map { i, given in
            var log = statsLog(agency: "BTC", answered: "2026-03-20 10:00")
            for rating in given { log = log.with(.rated, "2026-03-21 10:00", data: ["satisfaction": rating]) }
            return try statsFacts(log, code: statsCode(i + 1), today: "2026-03-25")
        }
        let btc = try #require(Statistics(facts: facts, period: march).agency("BTC"))
        #expect(btc.ratings == [5, 4, 2] && btc.meanSatisfaction == 11.0 / 3)
        #expect(Statistics(facts: [], period: march).overall.meanSatisfaction == nil)
    }

    @Test func monthlySeriesAndCategoryMix() throws {
        // (received, answered, category)
        let cases: [(String, String?, PetitionCategory)] = [
            ("2026-01-20 10:00", "2026-02-10 10:00", .conduct),  // answered in the period only
            ("2026-02-25 10:00", "2026-03-05 10:00", .regulation),
            ("2026-03-11 10:00", "2026-04-08 10:00", .regulation),
            ("2026-03-11 10:00", nil, .conduct),
            ("2026-04-20 10:00", "2026-05-05 10:00", .regulation),  // answered after the period
        ]
        let facts = try cases.enumerated().map { i, c in
            try statsFacts(
                statsLog(agency: "BTC", received: c.0, answered: c.1), code: statsCode(i + 1), category: c.2,
                today: "2026-05-10")
        }

        let statistics = Statistics(facts: facts, period: civil("2026-02-01")...civil("2026-04-30"))

        #expect(
            statistics.months.map { "\($0.year)-\($0.month) \($0.received)/\($0.answered)" } == [
                "2026-2 1/1", "2026-3 2/1", "2026-4 1/1",
            ])
        #expect(statistics.categories.map(\.count) == [1, 3, 0])
        #expect(statistics.categories.map(\.category) == PetitionCategory.allCases)
    }
}
