/// The published criteria for ranking, naming and commending agencies, kept as data so that
/// the rule the public reads is the rule the code applies, and a change is a change of data.
public struct RankingCriteria: Sendable, Hashable, Codable {
    /// What an agency must reach in the period to be commended (DOMAIN.md §1.7).
    public struct Commendation: Sendable, Hashable, Codable {
        /// Answered cases, at least: a rate over a handful of cases proves little.
        public var minimumCases: Int
        /// Answered on time out of answered, at least.
        public var minimumOnTimeRate: Double
        /// Mean satisfaction (1 to 5), at least; an agency without ratings does not meet it.
        public var minimumSatisfaction: Double
        /// Cases overdue now, at most.
        public var maximumOverdue: Int

        public init(minimumCases: Int = 10, minimumOnTimeRate: Double = 0.95, minimumSatisfaction: Double = 4.0, maximumOverdue: Int = 0) {
            self.minimumCases = minimumCases
            self.minimumOnTimeRate = minimumOnTimeRate
            self.minimumSatisfaction = minimumSatisfaction
            self.maximumOverdue = maximumOverdue
        }
    }

    /// Answered cases an agency needs in the period before it is ranked.
    public var minimumCases: Int
    /// Cases an agency needs for a reason before it is named for it.
    public var minimumEvidence: Int
    public var commendation: Commendation

    public init(minimumCases: Int = 10, minimumEvidence: Int = 3, commendation: Commendation = Commendation()) {
        self.minimumCases = minimumCases
        self.minimumEvidence = minimumEvidence
        self.commendation = commendation
    }

    /// The defaults: ranked from 10 answered cases; named from three cases (one late case is
    /// an accident, not a pattern); commended with at least
    /// 10 answered, 95 % on time, a mean satisfaction of 4 of 5 and nothing overdue.
    public static let standard = RankingCriteria()
}
