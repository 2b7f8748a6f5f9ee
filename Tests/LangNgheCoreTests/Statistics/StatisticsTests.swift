import Foundation
import LangNgheCore
import Testing

@Suite("Statistics: figures over a period, overall and per agency")
struct StatisticsTests {
    let march = civil("2026-03-01")...civil("2026-03-31")
    let springToToday = civil("2026-03-01")...civil("2026-04-20")

    @Test func aPeriodSelectsByTheDayInVietnam() {
        // setup: the second petition is sent on 31 December in UTC, but on 1 January in Vietnam.
        let received = ["2025-12-31 23:50", "2026-01-01 00:10", "2026-03-31 23:30", "2026-04-01 06:00"]
        let cases = received.enumerated().map { i, at in statsCase(Log().with(.submitted, at), code: statsCode(i + 1)) }
        // MUT
        let quarter = statsStatistics(cases, period: civil("2026-01-01")...civil("2026-03-31"), today: "2026-04-02")
        // validate
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
        let cases = [asked, late, overdue, moved].enumerated().map { i, log in statsCase(log, code: statsCode(i + 1)) }

        let statistics = statsStatistics(cases, period: springToToday, today: "2026-04-20")

        let overall = statistics.overall
        #expect((overall.received, overall.answered, overall.answeredOnTime, overall.overdueNow) == (4, 3, 2, 1))
        #expect((overall.returns, overall.reassignments, overall.unansweredCoordination) == (1, 1, 1))
        #expect(statistics.agencies.map(\.agencyCode) == ["BTC", "BXD", "BYT", vpcp])
        #expect(statistics.agency(vpcp)?.received == 4)
        let btc = try #require(statistics.agency("BTC"))
        #expect((btc.received, btc.answered, btc.answeredOnTime, btc.overdueNow) == (4, 2, 1, 1))
        #expect((btc.returns, btc.overruledReturns, btc.reassignments) == (1, 0, 1))
        #expect(btc.evidence == [.lateAnswers: [2], .overdueCases: [3]])
        let byt = try #require(statistics.agency("BYT"))
        #expect((byt.received, byt.answered, byt.answeredOnTime, byt.returns) == (1, 1, 1, 0))
        let bxd = try #require(statistics.agency("BXD"))
        #expect(bxd.received == 0 && bxd.unansweredCoordination == 1)
        #expect(bxd.evidence == [.unansweredCoordination: [1]])
        // Every figure follows an agency filter.
        let onlyBTC = statsStatistics(cases, period: springToToday, today: "2026-04-20", agency: "BTC")
        #expect((onlyBTC.overall.received, onlyBTC.overall.answered, onlyBTC.overall.overdueNow) == (4, 2, 1))
        #expect(onlyBTC.agencies.map(\.agencyCode) == ["BTC"])
        #expect(onlyBTC.months.map(\.received) == [4, 0] && onlyBTC.categories.map(\.count) == [0, 4, 0])
    }

    @Test func aPastPeriodIsWhatItWasWhateverHappensLater() {
        let open = statsLog(agency: "BTC")  // due 8 April, overdue from the 9th
        let before = statsStatistics([statsCase(open)], period: march, today: "2026-04-20")
        let answeredLater = statsStatistics(
            [statsCase(open.with(.answerPublished, "2026-05-04 10:00", agency: "BTC"))], period: march, today: "2026-05-10")
        #expect(before == answeredLater)
        #expect(before.overall.overdueNow == 0)
    }

    @Test func meanMedianAndNinetiethPercentileOfWorkingDays() throws {
        // Received Wednesday 11 March; answered after 1, 3 and 10 working days, then 4.
        let answers = ["2026-03-12 10:00", "2026-03-16 10:00", "2026-03-25 10:00", "2026-03-17 10:00"]
        let cases = answers.enumerated().map { i, at in statsCase(statsLog(agency: "BTC", answered: at), code: statsCode(i + 1)) }

        let odd = statsStatistics(Array(cases.prefix(3)), period: march, today: "2026-04-01").overall
        #expect(odd.answerDays == [1: 1, 3: 1, 10: 1])
        #expect(odd.medianWorkingDaysToAnswer == 3 && odd.p90WorkingDaysToAnswer == 10)
        #expect(abs((odd.meanWorkingDaysToAnswer ?? 0) - 14.0 / 3) < 1e-12)
        let even = statsStatistics(cases, period: march, today: "2026-04-01").overall
        #expect(even.medianWorkingDaysToAnswer == 3.5 && even.meanWorkingDaysToAnswer == 4.5)
        let none = statsStatistics([], period: march, today: "2026-04-01").overall
        #expect(none.medianWorkingDaysToAnswer == nil && none.meanWorkingDaysToAnswer == nil && none.p90WorkingDaysToAnswer == nil)
    }

    @Test func meanSatisfactionOverEveryRating() throws {
        let ratings = [["5"], ["4", "2"], []]
        let cases = ratings.enumerated().map { i, given in
            var log = statsLog(agency: "BTC", answered: "2026-03-20 10:00")
            for rating in given { log = log.with(.rated, "2026-03-21 10:00", data: ["satisfaction": rating]) }
            return statsCase(log, code: statsCode(i + 1))
        }
        let btc = try #require(statsStatistics(cases, period: march, today: "2026-03-25").agency("BTC"))
        #expect(btc.ratings == [5: 1, 4: 1, 2: 1] && btc.meanSatisfaction == 11.0 / 3)
        #expect(statsStatistics([], period: march, today: "2026-03-25").overall.meanSatisfaction == nil)
    }

    @Test func monthlySeriesAndCategoryMix() {
        // (received, answered, category)
        let cases: [(String, String?, PetitionCategory)] = [
            ("2026-01-20 10:00", "2026-02-10 10:00", .conduct),  // answered in the period only
            ("2026-02-25 10:00", "2026-03-05 10:00", .regulation),
            ("2026-03-11 10:00", "2026-04-08 10:00", .regulation),
            ("2026-03-11 10:00", nil, .conduct),
            ("2026-04-20 10:00", "2026-05-05 10:00", .regulation),  // answered after the period
        ]
        let all = cases.enumerated().map { i, c in
            statsCase(statsLog(agency: "BTC", received: c.0, answered: c.1), code: statsCode(i + 1), category: c.2)
        }

        let statistics = statsStatistics(all, period: civil("2026-02-01")...civil("2026-04-30"), today: "2026-05-10")

        #expect(
            statistics.months.map { "\($0.year)-\($0.month) \($0.received)/\($0.answered)" } == [
                "2026-2 1/1", "2026-3 2/1", "2026-4 1/1",
            ])
        #expect(statistics.categories.map(\.count) == [1, 3, 0])
        #expect(statistics.categories.map(\.category) == PetitionCategory.allCases)
    }
}
