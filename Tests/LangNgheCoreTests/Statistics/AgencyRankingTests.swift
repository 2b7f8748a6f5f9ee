import Foundation
import LangNgheCore
import Testing

@Suite("Statistics: fair ranking, naming and commendation of agencies")
struct AgencyRankingTests {
    let march = civil("2026-03-01")...civil("2026-04-20")

    @Test func agenciesWithFewCasesAreNotRankedAndTheRestGoByTheLowerBound() throws {
        // setup: 19 of 20 on time ranks above 10 of 10 (lower bounds 0.764 and 0.722).
        let facts =
            try rankingCases("BTC", count: 20, onTime: 19, from: 1) + rankingCases("BYT", count: 10, onTime: 10, from: 100)
            + rankingCases("BXD", count: 5, onTime: 5, from: 200) + rankingCases("BCT", count: 12, onTime: 6, from: 300)
        let statistics = statsStatistics(facts, period: march, today: "2026-04-20")
        // MUT
        let ranking = AgencyRanking(statistics: statistics)
        // validate
        #expect(ranking.ranked.map(\.agencyCode) == ["BTC", "BYT", "BCT"])
        #expect(ranking.ranked.map(\.rank) == [1, 2, 3])
        #expect(ranking.unranked == ["BXD"])
        let lowered = AgencyRanking(statistics: statistics, criteria: RankingCriteria(minimumCases: 5))
        #expect(lowered.ranked.map(\.agencyCode) == ["BTC", "BYT", "BXD", "BCT"])
        #expect(lowered.unranked.isEmpty)
    }

    @Test func agenciesWithTheSameLowerBoundShareAPlace() throws {
        let facts =
            try rankingCases("BYT", count: 10, onTime: 10, from: 1) + rankingCases("BTC", count: 10, onTime: 10, from: 100)
            + rankingCases("BCT", count: 10, onTime: 5, from: 200)
        let ranking = AgencyRanking(statistics: statsStatistics(facts, period: march, today: "2026-04-20"))
        #expect(ranking.ranked.map(\.agencyCode) == ["BTC", "BYT", "BCT"])
        #expect(ranking.ranked.map(\.rank) == [1, 1, 3])
    }

    @Test func commendedAgenciesMeetEveryThreshold() throws {
        let overdue = statsCase(statsLog(agency: "BCT"), code: statsCode(999))
        let facts =
            try rankingCases("BTC", count: 20, onTime: 19, from: 1)  // 95 %, rated 5
            + rankingCases("BYT", count: 10, onTime: 10, rating: "3", from: 100)  // satisfaction too low
            + rankingCases("BXD", count: 5, onTime: 5, from: 200)  // too few cases
            + rankingCases("BCT", count: 12, onTime: 12, from: 300) + [overdue]  // one case overdue
            + rankingCases("BNV", count: 10, onTime: 10, rating: nil, from: 400)  // nobody rated it
        let statistics = statsStatistics(facts, period: march, today: "2026-04-20")

        #expect(AgencyRanking(statistics: statistics).commended.map(\.agencyCode) == ["BTC"])
        let stricter = RankingCriteria(commendation: .init(minimumOnTimeRate: 0.96))
        #expect(AgencyRanking(statistics: statistics, criteria: stricter).commended.isEmpty)
        let lenient = RankingCriteria(commendation: .init(minimumCases: 5, minimumSatisfaction: 3, maximumOverdue: 1))
        #expect(AgencyRanking(statistics: statistics, criteria: lenient).commended.map(\.agencyCode) == ["BCT", "BTC", "BXD", "BYT"])
    }

    @Test func namedAgenciesComeWithTheirReasonsAndTheCasesBehindThem() throws {
        let vpcp = Agency.governmentOfficeCode
        // Received Monday 2 March: due Monday 30 March.
        let overdue = statsLog(agency: "BTC", received: "2026-03-02 10:00")
        let late = statsLog(agency: "BTC", received: "2026-03-02 10:00", answered: "2026-03-31 10:00")
        let overruled = statsLog(agency: "BYT").with(.returned, "2026-03-13 10:00", agency: "BYT")
            .with(.assigned, "2026-03-16 09:00", agency: vpcp, data: ["leadAgency": "BYT"])
        let unanswered = statsLog(agency: "BTC")
            .with(.coordinationRequested, "2026-03-13 10:00", agency: "BTC", data: ["agency": "BXD"])
        let followedUp = statsLog(agency: "BTC", answered: "2026-03-20 10:00").with(.followedUp, "2026-03-23 10:00")
        let facts = [overdue, late, overruled, unanswered, followedUp].enumerated().map { i, log in
            statsCase(log, code: statsCode(i + 1))
        }
        let statistics = statsStatistics(facts, period: civil("2026-03-01")...civil("2026-04-01"), today: "2026-04-01")

        let ranking = AgencyRanking(statistics: statistics, criteria: RankingCriteria(minimumEvidence: 1))

        typealias Finding = AgencyRanking.Naming.Finding
        #expect(
            ranking.named == [
                .init(
                    agencyCode: "BTC",
                    findings: [
                        Finding(reason: .overdueCases, petitionIDs: [1]),
                        Finding(reason: .lateAnswers, petitionIDs: [2]),
                    ]),
                .init(agencyCode: "BXD", findings: [Finding(reason: .unansweredCoordination, petitionIDs: [4])]),
                .init(agencyCode: "BYT", findings: [Finding(reason: .overruledReturns, petitionIDs: [3])]),
            ])
        #expect(AgencyRanking(statistics: statistics, criteria: RankingCriteria(minimumEvidence: 2)).named.isEmpty)
        // By default one late case names nobody; three do. A follow-up never names the agency.
        #expect(AgencyRanking(statistics: statistics).named.isEmpty)
        let threeLate = (1...3).map { i in
            statsCase(
                statsLog(agency: "BTC", received: "2026-03-02 10:00", answered: "2026-03-31 10:00").with(.followedUp, "2026-04-01 09:00"),
                code: statsCode(10 + i))
        }
        let named = AgencyRanking(statistics: statsStatistics(threeLate, period: march, today: "2026-04-20")).named
        #expect(named.map(\.agencyCode) == ["BTC"])
        #expect(named.first?.findings.map(\.reason) == [.lateAnswers])
    }

    @Test func theCriteriaArePublishedAsData() throws {
        let criteria = RankingCriteria.standard
        #expect(criteria.minimumCases == 10 && criteria.commendation.minimumOnTimeRate == 0.95)
        #expect(criteria.commendation.minimumSatisfaction == 4 && criteria.commendation.maximumOverdue == 0)
        let json = try JSONEncoder().encode(criteria)
        #expect(try JSONDecoder().decode(RankingCriteria.self, from: json) == criteria)
    }
}

/// `count` cases of `agency` received on 11 March: the first `onTime` answered on their due
/// date (8 April), the others the day after; each rated `rating` if given.
private func rankingCases(_ agency: String, count: Int, onTime: Int, rating: String? = "5", from first: Int) throws -> [StatsCase] {
    (0..<count).map { i in
        var log = statsLog(agency: agency, answered: i < onTime ? "2026-04-08 10:00" : "2026-04-09 10:00")
        if let rating { log = log.with(.rated, "2026-04-10 10:00", data: ["satisfaction": rating]) }
        return statsCase(log, code: statsCode(first + i))
    }
}
