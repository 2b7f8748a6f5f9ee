import Foundation

/// How long the submitter's personal data is kept, as data (`retention-policy.json`), not code:
/// the law changes, and the policy with it. Each rule names the finished statuses it applies to
/// and the years after a case's last change when the scheduler erases the personal data
/// (`personalDataErased`).
public struct RetentionPolicy: Sendable, Codable, Hashable {
    public struct Rule: Sendable, Codable, Hashable {
        public var code: String
        public var statuses: [PetitionStatus]
        public var afterYears: Int
        public var descriptionVi: String
        public var descriptionEn: String

        /// The instant before which a case's last change makes it due: `afterYears` of 365.25
        /// days before `now` (a day more or less does not matter to a five-year rule).
        public func cutoff(now: Date) -> Date {
            now.addingTimeInterval(-Double(afterYears) * 365.25 * 86_400)
        }
    }

    public var version: Int
    public var legalBasis: String
    public var rules: [Rule]

    public init(version: Int, legalBasis: String, rules: [Rule]) {
        self.version = version
        self.legalBasis = legalBasis
        self.rules = rules
    }
}
