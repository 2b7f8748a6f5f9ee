/// The statistics of the petitions received in a period, overall and per agency, with the
/// series the public dashboard draws.
///
/// A pure function of the cases' facts: the quarterly report recomputes it from the events.
public struct Statistics: Sendable, Hashable {
    /// One calendar month of the period.
    public struct Month: Sendable, Hashable {
        public let year: Int
        public let month: Int
        /// Petitions received in the month.
        public let received: Int
        /// First answers published in the month, whenever their petitions were received: the
        /// flow of answers set against the flow of petitions.
        public let answered: Int
    }

    /// How many petitions of a category were received.
    public struct CategoryCount: Sendable, Hashable {
        public let category: PetitionCategory
        public let count: Int
    }

    /// The days of receipt selected, in office time (Vietnam), both ends included.
    public let period: ClosedRange<CivilDate>
    /// The cases received in the period, in order of receipt: the evidence behind every figure.
    public let cases: [CaseFacts]
    /// The figures of all agencies together.
    public let overall: AgencyStatistics
    /// The figures of every agency the cases concern, by agency code.
    public let agencies: [AgencyStatistics]
    /// Every month the period touches, in order, empty ones included.
    public let months: [Month]
    /// Every category, in the order of `PetitionCategory.allCases`, empty ones included.
    public let categories: [CategoryCount]

    /// The statistics of `facts` over `period`: the cases received in it, and for the monthly
    /// series also the answers published in it.
    public init(facts: [CaseFacts], period: ClosedRange<CivilDate>) {
        self.period = period
        let cases = facts.filter { period.contains($0.receivedOn) }
            .sorted { ($0.receivedAt, $0.trackingCode) < ($1.receivedAt, $1.trackingCode) }
        self.cases = cases
        var overall = AgencyStatistics(agencyCode: nil)
        var byAgency: [String: AgencyStatistics] = [:]
        for facts in cases {
            overall.count(facts)
            for code in facts.agencyCodes {
                byAgency[code, default: AgencyStatistics(agencyCode: code)].count(facts)
            }
        }
        self.overall = overall
        agencies = byAgency.keys.sorted().compactMap { byAgency[$0] }
        months = Self.months(of: period, received: cases.map(\.receivedOn), answered: facts.compactMap(\.firstAnswerOn))
        categories = PetitionCategory.allCases.map { category in
            CategoryCount(category: category, count: cases.count { $0.category == category })
        }
    }

    /// The figures of one agency, if any case of the period concerns it.
    public func agency(_ code: String) -> AgencyStatistics? {
        agencies.first { $0.agencyCode == code }
    }

    private static func months(of period: ClosedRange<CivilDate>, received: [CivilDate], answered: [CivilDate]) -> [Month] {
        func index(_ day: CivilDate) -> Int { day.year * 12 + day.month - 1 }
        var receivedIn: [Int: Int] = [:]
        var answeredIn: [Int: Int] = [:]
        for day in received { receivedIn[index(day), default: 0] += 1 }
        for day in answered where period.contains(day) { answeredIn[index(day), default: 0] += 1 }
        return (index(period.lowerBound)...index(period.upperBound)).map { i in
            Month(year: i / 12, month: i % 12 + 1, received: receivedIn[i] ?? 0, answered: answeredIn[i] ?? 0)
        }
    }
}
