/// The report on how petitions were received and handled over a period (the quarterly report to
/// the Prime Minister, DOMAIN.md §9), for the whole system or one agency: what `ReportBuilder`
/// computes from the events under one signed tree head, and what is signed and published.
///
/// Every figure is an integer or a decimal written as text with fixed digits ("0.8571", "7.5"):
/// the document's canonical JSON (`CanonicalJSON`) has no floating point, so that the same events
/// always give the same bytes. Lists are in a fixed order (codes, then tracking codes).
/// The JSON schema is `docs/report-schema.json`.
public struct PeriodReport: Sendable, Hashable, Codable {
    public static let currentFormat = "langnghe-report/1"

    /// The signed tree head the report was computed from: events beyond it are not counted.
    public struct Head: Sendable, Hashable, Codable {
        public var size: Int
        /// Hex.
        public var rootHash: String
        public var timestamp: String
        public var keyID: Int
        /// Base64: the log's own signature of the head, checkable against `/api/v1/log/keys`.
        public var signature: String

        public init(size: Int, rootHash: String, timestamp: String, keyID: Int, signature: String) {
            self.size = size
            self.rootHash = rootHash
            self.timestamp = timestamp
            self.keyID = keyID
            self.signature = signature
        }
    }

    /// What the report was asked for and the rules it applied.
    public struct Parameters: Sendable, Hashable, Codable {
        /// `2026-Q3`, `2026-H1`, or `2026-07-01..2026-08-15`.
        public var period: String
        public var from: String
        public var to: String
        public var previousFrom: String
        public var previousTo: String
        /// The one agency reported on, or nil for the whole system.
        public var agency: String?
        /// `internal` (coordinators, admins, the agency's leaders) or `public` (no free texts).
        public var audience: String
        public var head: Head
        /// The ranking and naming criteria applied (`RankingCriteria`), as integers and decimals.
        public var minimumCasesToRank: Int
        public var minimumEvidenceToName: Int
        public var prolongedRestarts: Int
    }

    /// A number of petitions under a key (a channel, a category, a field code, an agency code…).
    public struct Count: Sendable, Hashable, Codable {
        public var key: String
        public var count: Int

        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    public struct Received: Sendable, Hashable, Codable {
        public var total: Int
        public var previousTotal: Int
        public var byChannel: [Count]
        public var byCategory: [Count]
        public var byField: [Count]
        /// Given to each agency as lead in the period.
        public var byAgency: [Count]
        /// `individual` (citizens) and `organization` (businesses and other bodies).
        public var bySender: [Count]
    }

    public struct Outcomes: Sendable, Hashable, Codable {
        /// First answers published in the period.
        public var answered: Int
        public var refused: Int
        public var refusedByReason: [Count]
        /// Given back by an agency as not within its competence.
        public var returned: Int
        /// Taken from one agency and given to another.
        public var rerouted: Int
        public var merged: Int
        public var escalated: Int
        public var decided: Int
        /// Cases received by the end of the period and still open at its end.
        public var openAtEnd: Int
    }

    /// One agency's handling: the on-time ranking's row.
    public struct AgencyRow: Sendable, Hashable, Codable {
        public var agency: String
        public var received: Int
        public var answered: Int
        public var answeredOnTime: Int
        public var answeredLate: Int
        /// Answered on time out of answered, and its 95 % Wilson interval.
        public var onTimeRate: String?
        public var onTimeLower: String?
        public var onTimeUpper: String?
        /// Working days from receipt to the first answer.
        public var medianDays: String?
        public var p90Days: String?
        /// 1 for the best (by the interval's lower bound); nil when too few answers to rank.
        public var rank: Int?
        public var previousRank: Int?
        /// The on-time rate's change from the previous period, in percentage points.
        public var onTimeChange: String?
        public var overdueAtEnd: Int
        public var returns: Int
        public var escalations: Int
        public var followUps: Int
        public var ratings: Int
        public var meanSatisfaction: String?
    }

    /// A case late at the end of the period, as it stood then.
    public struct LateCase: Sendable, Hashable, Codable {
        public var trackingCode: String
        public var agency: String
        public var dueDate: String
        /// Working days past the due date at the period's end.
        public var workingDaysLate: Int
        /// Public progress updates that restarted the answer clock, by the period's end.
        public var restarts: Int
    }

    public struct Escalation: Sendable, Hashable, Codable {
        public var trackingCode: String
        public var on: String
        /// `disagreement`, `repeatedComplaint`, `governmentAuthority`.
        public var reason: String
        public var agency: String?
        public var proposalNumber: String?
        /// VPCP's proposal and the agencies' positions: internal only.
        public var proposal: String?
        public var positions: String?
        public var decision: Decision?
    }

    /// The Government's decision on an escalated case.
    public struct Decision: Sendable, Hashable, Codable {
        public var on: String
        /// `implement` or `close`.
        public var outcome: String
        public var documentNumber: String?
        public var leadAgency: String?
        /// The decision's text: internal only.
        public var text: String?
    }

    public struct RepeatedComplaints: Sendable, Hashable, Codable {
        /// Follow-ups sent after an answer in the period, and the cases they concern.
        public var followUps: Int
        public var cases: Int
        /// Escalated on that ground in the period.
        public var escalated: Int
        /// Follow-ups per agency that answered.
        public var byAgency: [Count]
    }

    public struct Satisfaction: Sendable, Hashable, Codable {
        public var ratings: Int
        /// Ratings 1 to 5, each with its count (all five, empty ones included).
        public var distribution: [Count]
        public var mean: String?
    }

    /// An agency named publicly, with why and on which cases.
    public struct Naming: Sendable, Hashable, Codable {
        public struct Finding: Sendable, Hashable, Codable {
            /// A `NamingReason`.
            public var reason: String
            public var trackingCodes: [String]
        }

        public var agency: String
        public var findings: [Finding]
    }

    public struct Commendation: Sendable, Hashable, Codable {
        public var agency: String
        public var answered: Int
        public var onTimeRate: String
        public var meanSatisfaction: String
    }

    /// A petition marked useful in the period, with what it led to.
    public struct UsefulPetition: Sendable, Hashable, Codable {
        public var trackingCode: String
        public var on: String
        public var agency: String?
        /// What it led to: internal only.
        public var result: String?
    }

    public var format: String
    public var parameters: Parameters
    /// Names of the agencies and fields the report mentions, by code (reference data).
    public var agencyNames: [String: String]
    public var fieldNames: [String: String]
    public var received: Received
    public var outcomes: Outcomes
    /// Every agency that handled cases in the period, ranked ones first in rank order.
    public var agencies: [AgencyRow]
    public var overdueAtEnd: [LateCase]
    public var prolongedAtEnd: [LateCase]
    public var escalations: [Escalation]
    public var repeatedComplaints: RepeatedComplaints
    public var satisfaction: Satisfaction
    public var named: [Naming]
    public var commended: [Commendation]
    public var useful: [UsefulPetition]
    /// What changed most since the previous period, in Vietnamese sentences.
    public var summary: [String]

    /// The bytes signed and published: the canonical JSON.
    public func canonicalBytes() throws -> [UInt8] { try CanonicalJSON(encoding: self).bytes }

    /// The version for the portal: every free text (proposals, positions, decisions' texts, what
    /// a useful petition led to) left out; the figures, codes and numbers stay.
    public func publicVersion() -> PeriodReport {
        var report = self
        report.parameters.audience = ReportAudience.public.rawValue
        for i in report.escalations.indices {
            report.escalations[i].proposal = nil
            report.escalations[i].positions = nil
            report.escalations[i].decision?.text = nil
        }
        for i in report.useful.indices { report.useful[i].result = nil }
        return report
    }
}

/// Who a report is for: the internal one carries the free texts of proposals and decisions.
public enum ReportAudience: String, Sendable, Codable, CaseIterable {
    case `internal`, `public`
}
