import Foundation

/// What `langnghe assist train` learns from handled cases: the weight of each term (for
/// comparing petitions) and two classifiers, for the lead agency and for the field.
public struct AssistModel: Sendable {
    public let weights: TermWeights
    public let agency: NaiveBayes
    public let field: NaiveBayes

    public init(weights: TermWeights, agency: NaiveBayes, field: NaiveBayes) {
        self.weights = weights
        self.agency = agency
        self.field = field
    }

    /// Nothing learned yet: no suggestion, every term weighs the same.
    public static let empty = AssistModel(
        weights: .uniform, agency: NaiveBayes.Trainer().finish { _ in true }, field: NaiveBayes.Trainer().finish { _ in true })

    /// The routing a coordinator is offered: agencies and fields, best first, the few likeliest.
    public func suggest(_ terms: TermBag, limit: Int = 3) -> RoutingSuggestion {
        RoutingSuggestion(
            agencies: agency.rank(terms).prefix(limit).map { .init(code: $0.label, score: $0.score) },
            fields: field.rank(terms).prefix(limit).map { .init(code: $0.label, score: $0.score) })
    }

    /// Counts the handled cases one by one.
    public struct Trainer: Sendable {
        private var agency = NaiveBayes.Trainer()
        private var field = NaiveBayes.Trainer()
        private var weights = TermWeights.Counter()
        public var cases: Int { weights.documents }

        public init() {}

        /// `fieldCode` is nil when the case has no field to learn from.
        public mutating func add(_ terms: TermBag, agency agencyCode: String, field fieldCode: String?) {
            weights.add(terms)
            agency.add(terms, label: agencyCode)
            if let fieldCode { field.add(terms, label: fieldCode) }
        }

        public func finish() -> AssistModel {
            let weights = self.weights.finish()
            let keep: (UInt64) -> Bool = { weights.frequencies[$0] != nil }
            return AssistModel(weights: weights, agency: agency.finish(keeping: keep), field: field.finish(keeping: keep))
        }
    }
}

/// Where the words of a petition point, with a confidence for each: an offer, never a decision.
public struct RoutingSuggestion: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public let code: String
        public let score: Double
    }

    public let agencies: [Choice]
    public let fields: [Choice]
}
