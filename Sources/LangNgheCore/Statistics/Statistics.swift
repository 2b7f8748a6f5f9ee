/// The statistics of a period, overall and per agency, with the series the public dashboard
/// draws: the sums of the facts of its days (`Rollup`), so they are read, not recomputed, and
/// a past period's figures stay as they were.
public struct Statistics: Sendable, Hashable {
    /// One calendar month of the period.
    public struct Month: Sendable, Hashable {
        public let year: Int
        public let month: Int
        /// Petitions received in the month.
        public let received: Int
        /// First answers published in the month.
        public let answered: Int
    }

    /// How many petitions of a category were received.
    public struct CategoryCount: Sendable, Hashable {
        public let category: PetitionCategory
        public let count: Int
    }

    /// The cases behind a naming reason: those of the period (from its facts), or those late
    /// now (`current`, only for a period that includes today).
    /// Cases are named by their petition number, in the order they were registered: the
    /// store reads them from its indexes alone, and pages look up the tracking codes of the few
    /// they show.
    public struct Evidence: Sendable, Hashable {
        public let reason: NamingReason
        public let agencyCode: String
        public let petitionID: Int
        public let current: Bool

        public init(reason: NamingReason, agencyCode: String, petitionID: Int, current: Bool) {
            self.reason = reason
            self.agencyCode = agencyCode
            self.petitionID = petitionID
            self.current = current
        }
    }

    /// The days selected, in office time (Vietnam), both ends included.
    public let period: ClosedRange<CivilDate>
    /// The one agency the figures were asked for, if any: then every figure is that agency's.
    public let agencyFilter: String?
    /// The figures of all agencies together (of the one agency, with a filter).
    public let overall: AgencyStatistics
    /// The figures of every agency with a fact in the period, by agency code.
    public let agencies: [AgencyStatistics]
    /// Every month the period touches, in order, empty ones included.
    public let months: [Month]
    /// Every category, in the order of `PetitionCategory.allCases`, empty ones included.
    public let categories: [CategoryCount]

    /// How many cases are late now for a reason, per agency: the figures of a period that
    /// includes today, when the cases themselves are not needed (the dashboard, the API).
    public struct CurrentCount: Sendable, Hashable {
        public let reason: NamingReason
        public let agencyCode: String
        public let count: Int

        public init(reason: NamingReason, agencyCode: String, count: Int) {
            self.reason = reason
            self.agencyCode = agencyCode
            self.count = count
        }
    }

    /// The statistics of the period from its rollup counts and its evidence (or, without the
    /// cases, the counts of those late now).
    public init(
        period: ClosedRange<CivilDate>, counts: [Rollup.Count], evidence: [Evidence] = [], current: [CurrentCount] = [],
        agency filter: String? = nil
    ) {
        self.period = period
        agencyFilter = filter
        let counts = filter.map { code in counts.filter { $0.agencyCode == code } } ?? counts
        var overall = AgencyStatistics(agencyCode: filter)
        var byAgency: [String: AgencyStatistics] = [:]
        var receivedIn: [String: Int] = [:]
        var answeredIn: [String: Int] = [:]
        var byCategory: [PetitionCategory: Int] = [:]
        // Received, overall: what arrived in the system; for one agency: what it was given.
        let receipt: StatisticsFact.Measure = filter == nil ? .submitted : .received
        for count in counts {
            overall.add(count.measure, detail: count.detail, count: count.count)
            byAgency[count.agencyCode, default: AgencyStatistics(agencyCode: count.agencyCode)]
                .add(count.measure, detail: count.detail, count: count.count)
            if count.measure == receipt {
                receivedIn[count.month, default: 0] += count.count
                if let category = count.category { byCategory[category, default: 0] += count.count }
            }
            if count.measure == .answered { answeredIn[count.month, default: 0] += count.count }
        }
        // In the order of registration, whatever order they came in.
        for item in evidence.sorted(by: { $0.petitionID < $1.petitionID }) where filter == nil || item.agencyCode == filter {
            overall.note(item.reason, item.petitionID, current: item.current)
            byAgency[item.agencyCode, default: AgencyStatistics(agencyCode: item.agencyCode)]
                .note(item.reason, item.petitionID, current: item.current)
        }
        for item in current where filter == nil || item.agencyCode == filter {
            overall.addCurrent(item.reason, item.count)
            byAgency[item.agencyCode, default: AgencyStatistics(agencyCode: item.agencyCode)].addCurrent(item.reason, item.count)
        }
        self.overall = overall
        agencies = byAgency.keys.sorted().compactMap { byAgency[$0] }
        months = Self.months(of: period).map { key in
            Month(
                year: Int(key.prefix(4)) ?? 0, month: Int(key.suffix(2)) ?? 0, received: receivedIn[key] ?? 0,
                answered: answeredIn[key] ?? 0)
        }
        categories = PetitionCategory.allCases.map { CategoryCount(category: $0, count: byCategory[$0] ?? 0) }
    }

    /// The figures of one agency, if any fact of the period concerns it.
    public func agency(_ code: String) -> AgencyStatistics? {
        agencies.first { $0.agencyCode == code }
    }

    /// "2026-03" for every month the period touches.
    static func months(of period: ClosedRange<CivilDate>) -> [String] {
        let first = period.lowerBound.year * 12 + period.lowerBound.month - 1
        let last = period.upperBound.year * 12 + period.upperBound.month - 1
        return (first...last).map { Rollup.month(year: $0 / 12, month: $0 % 12 + 1) }
    }
}
