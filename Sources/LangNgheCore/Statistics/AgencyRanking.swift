/// The fair on-time ranking of agencies, the agencies named publicly and the agencies
/// commended, for one period's statistics under published criteria.
public struct AgencyRanking: Sendable, Hashable {
    /// An agency's place in the on-time ranking.
    public struct Place: Sendable, Hashable {
        /// 1 for the best; agencies with the same lower bound share a place.
        public let rank: Int
        public let statistics: AgencyStatistics
        public var agencyCode: String { statistics.agencyCode ?? "" }
        public var onTime: WilsonInterval { statistics.onTime }
    }

    /// An agency named publicly, with why and on which cases.
    public struct Naming: Sendable, Hashable {
        /// One reason met, with its evidence.
        public struct Finding: Sendable, Hashable {
            public let reason: NamingReason
            /// The cases that meet it, by petition number, in the order they were registered.
            public let petitionIDs: [Int]

            public init(reason: NamingReason, petitionIDs: [Int]) {
                self.reason = reason
                self.petitionIDs = petitionIDs
            }
        }

        public let agencyCode: String
        /// The reasons met, in the order of `NamingReason.allCases`.
        public let findings: [Finding]

        public init(agencyCode: String, findings: [Finding]) {
            self.agencyCode = agencyCode
            self.findings = findings
        }
    }

    public let criteria: RankingCriteria
    /// Agencies with at least `minimumCases` answered cases, best first: by the lower bound of
    /// the Wilson interval of their on-time rate, so that a rate over few cases, which could be
    /// luck, ranks below the same rate over many. Ties keep agency-code order.
    public let ranked: [Place]
    /// Agencies that handled cases but answered too few to be ranked, by code.
    public let unranked: [String]
    /// Agencies that meet at least one naming reason, by code.
    public let named: [Naming]
    /// Agencies that meet every commendation threshold, by code.
    public let commended: [AgencyStatistics]

    public init(statistics: Statistics, criteria: RankingCriteria = .standard) {
        self.criteria = criteria
        let agencies = statistics.agencies
        let eligible = agencies.filter { $0.answered >= criteria.minimumCases }
        let ordered = eligible.enumerated().sorted { a, b in
            (-a.element.onTime.lower, a.offset) < (-b.element.onTime.lower, b.offset)
        }.map(\.element)
        ranked = ordered.map { agency in
            Place(rank: 1 + ordered.count { $0.onTime.lower > agency.onTime.lower }, statistics: agency)
        }
        // Agencies that handled cases; the Office screens and routes, it is not ranked.
        unranked = agencies.filter {
            $0.answered < criteria.minimumCases && $0.agencyCode != Agency.governmentOfficeCode && ($0.received > 0 || $0.answered > 0)
        }
        .compactMap(\.agencyCode)
        named = agencies.compactMap { Self.naming($0, minimumEvidence: criteria.minimumEvidence) }
        commended = agencies.filter { Self.meets(criteria.commendation, $0) }
    }

    private static func naming(_ agency: AgencyStatistics, minimumEvidence: Int) -> Naming? {
        let findings = NamingReason.allCases.compactMap { reason -> Naming.Finding? in
            guard let ids = agency.evidence[reason], ids.count >= max(1, minimumEvidence) else { return nil }
            return Naming.Finding(reason: reason, petitionIDs: ids)
        }
        guard let code = agency.agencyCode, !findings.isEmpty else { return nil }
        return Naming(agencyCode: code, findings: findings)
    }

    private static func meets(_ bar: RankingCriteria.Commendation, _ agency: AgencyStatistics) -> Bool {
        guard agency.answered >= bar.minimumCases, let rate = agency.onTime.estimate,
            let satisfaction = agency.meanSatisfaction
        else { return false }
        return rate >= bar.minimumOnTimeRate && satisfaction >= bar.minimumSatisfaction
            && agency.overdueNow <= bar.maximumOverdue
    }
}
