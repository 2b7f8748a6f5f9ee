import Foundation
import LangNgheCore
import LangNgheStorage

/// The figures of one agency (or all), as the API and the pages show them.
struct FiguresView: Encodable {
    var agency: String?
    var received, answered, answeredOnTime, overdueNow: Int
    var onTimeRate: Double?
    var onTimeInterval: [Double]?
    var meanWorkingDaysToAnswer, medianWorkingDaysToAnswer: Double?
    var returns, overruledReturns, reassignments, escalations, unansweredCoordination, followUps: Int
    var meanSatisfaction: Double?
    var ratings: Int

    init(_ s: AgencyStatistics) {
        agency = s.agencyCode
        received = s.received
        answered = s.answered
        answeredOnTime = s.answeredOnTime
        overdueNow = s.overdueNow
        onTimeRate = s.answered > 0 ? Self.round(Double(s.answeredOnTime) / Double(s.answered)) : nil
        onTimeInterval = s.answered > 0 ? [Self.round(s.onTime.lower), Self.round(s.onTime.upper)] : nil
        meanWorkingDaysToAnswer = s.meanWorkingDaysToAnswer.map(Self.round)
        medianWorkingDaysToAnswer = s.medianWorkingDaysToAnswer
        returns = s.returns
        overruledReturns = s.overruledReturns
        reassignments = s.reassignments
        escalations = s.escalations
        unansweredCoordination = s.unansweredCoordination
        followUps = s.followUps
        meanSatisfaction = s.meanSatisfaction.map(Self.round)
        ratings = s.ratingCount
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

struct StatisticsView: Encodable {
    struct Month: Encodable {
        var month: String
        var received, answered: Int
    }
    var from, to: String
    var overall: FiguresView
    var agencies: [FiguresView]
    var months: [Month]
    var categories: [String: Int]

    init(_ s: Statistics, agency: String?) {
        from = s.period.lowerBound.iso
        to = s.period.upperBound.iso
        overall = FiguresView(s.overall)
        agencies = agency == nil ? s.agencies.map(FiguresView.init) : []
        months = s.months.map { Month(month: String(format: "%04d-%02d", $0.year, $0.month), received: $0.received, answered: $0.answered) }
        categories = Dictionary(uniqueKeysWithValues: s.categories.map { ($0.category.rawValue, $0.count) })
    }
}

/// Named and commended agencies, with the published criteria and the evidence.
struct ConductView: Encodable {
    struct Named: Encodable {
        var agency: String
        var reasons: [String: [String]]
    }
    struct Ranked: Encodable {
        var rank: Int
        var agency: String
        var onTimeRate: Double?
        var onTimeInterval: [Double]?
        var answered: Int
    }
    var from, to: String
    var criteria: RankingCriteria
    var named: [Named]
    var commended: [String]
    var ranking: [Ranked]
    var unranked: [String]
    var usefulPetitions: [String]
    /// Cases restarted twice or more without an answer, now.
    var prolonged: [Prolonged]

    struct Prolonged: Encodable {
        var trackingCode: String
        var agency: String
        var restarts: Int
    }

    /// `codes`: the tracking code of every case in the findings.
    init(_ ranking: AgencyRanking, statistics: Statistics, codes: [Int: String], useful: [String], prolonged: [ProlongedCase]) {
        from = statistics.period.lowerBound.iso
        to = statistics.period.upperBound.iso
        criteria = ranking.criteria
        named = ranking.named.map { naming in
            Named(
                agency: naming.agencyCode,
                reasons: Dictionary(
                    naming.findings.map { ($0.reason.rawValue, $0.petitionIDs.compactMap { codes[$0] }) }, uniquingKeysWith: { a, _ in a }))
        }
        commended = ranking.commended.compactMap(\.agencyCode)
        self.ranking = ranking.ranked.map {
            let figures = FiguresView($0.statistics)
            return Ranked(
                rank: $0.rank, agency: $0.agencyCode, onTimeRate: figures.onTimeRate, onTimeInterval: figures.onTimeInterval,
                answered: figures.answered)
        }
        unranked = ranking.unranked
        usefulPetitions = useful
        self.prolonged = prolonged.map {
            Prolonged(trackingCode: $0.trackingCode.description, agency: $0.agencyCode, restarts: $0.restarts)
        }
    }
}
