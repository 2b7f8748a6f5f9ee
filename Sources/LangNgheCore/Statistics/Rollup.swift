/// The statistics facts added up per day, agency, category, measure and detail: what the
/// database keeps, so that a period's figures are a sum over its days.
public enum Rollup {
    /// A sum of facts over the days of one month of a period, or over the whole period for
    /// the measures not drawn month by month.
    public struct Count: Sendable, Hashable {
        /// "2026-03"; empty for a measure summed over the whole period (`isSeries` false).
        public let month: String
        public let agencyCode: String
        /// For receipts only (the category mix); nil for the other measures, summed over categories.
        public let category: PetitionCategory?
        public let measure: StatisticsFact.Measure
        public let detail: String
        public let count: Int

        public init(
            month: String, agencyCode: String, category: PetitionCategory?, measure: StatisticsFact.Measure, detail: String, count: Int
        ) {
            self.month = month
            self.agencyCode = agencyCode
            self.category = category
            self.measure = measure
            self.detail = detail
            self.count = count
        }

        /// The same sum with another count: the key under which counts are added up.
        public func withCount(_ count: Int) -> Count {
            Count(month: month, agencyCode: agencyCode, category: category, measure: measure, detail: detail, count: count)
        }
    }

    /// The measures the dashboard draws month by month: receipts and answers. The others are
    /// summed over the whole period, which at 100,000 petitions returns a twelfth of the rows
    /// (the days taken to answer alone come in some forty values per agency and month).
    public static func isSeries(_ measure: StatisticsFact.Measure) -> Bool {
        measure == .submitted || measure == .received || measure == .answered
    }

    public static func month(year: Int, month: Int) -> String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    /// The counts of `facts` over `period`, as the database sums them: for tests and for
    /// checking the database against the events.
    public static func counts(of facts: [StatisticsFact], in period: ClosedRange<CivilDate>) -> [Count] {
        var sums: [Count: Int] = [:]
        for fact in facts where period.contains(fact.day) { sums[key(of: fact), default: 0] += 1 }
        return sums.map {
            Count(
                month: $0.key.month, agencyCode: $0.key.agencyCode, category: $0.key.category, measure: $0.key.measure,
                detail: $0.key.detail, count: $0.value)
        }
    }

    /// The sum a fact adds one to (with count 0): its month for the measures drawn month by
    /// month, its category for receipts.
    public static func key(of fact: StatisticsFact) -> Count {
        let receipt = fact.measure == .submitted || fact.measure == .received
        return Count(
            month: isSeries(fact.measure) ? month(year: fact.day.year, month: fact.day.month) : "", agencyCode: fact.agencyCode,
            category: receipt ? fact.category : nil, measure: fact.measure, detail: fact.detail, count: 0)
    }

    /// The naming reason a fact is evidence for, if any.
    public static func namingReason(of measure: StatisticsFact.Measure) -> NamingReason? {
        switch measure {
        case .answeredLate: .lateAnswers
        case .overruledReturn: .overruledReturns
        case .coordinationRepliedLate: .unansweredCoordination
        default: nil
        }
    }
}
