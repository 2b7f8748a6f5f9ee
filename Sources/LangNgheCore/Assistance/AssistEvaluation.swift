import Foundation

/// How well the assistant does, measured as `langnghe assist evaluate` prints it.
public enum AssistEvaluation {
    /// A handled case, for routing.
    public struct Example: Sendable {
        public let terms: TermBag
        public let agency: String
        public let field: String?
        public let receivedAt: Date

        public init(terms: TermBag, agency: String, field: String?, receivedAt: Date) {
            self.terms = terms
            self.agency = agency
            self.field = field
            self.receivedAt = receivedAt
        }
    }

    /// Top-1 and top-3 accuracy of one classifier on the test cases.
    public struct Accuracy: Sendable, Equatable {
        public var cases = 0
        public var top1 = 0
        public var top3 = 0

        public var top1Share: Double { cases == 0 ? 0 : Double(top1) / Double(cases) }
        public var top3Share: Double { cases == 0 ? 0 : Double(top3) / Double(cases) }

        mutating func count(_ ranked: [(label: String, score: Double)], truth: String) {
            cases += 1
            if ranked.first?.label == truth { top1 += 1 }
            if ranked.prefix(3).contains(where: { $0.label == truth }) { top3 += 1 }
        }
    }

    public struct Routing: Sendable {
        public let trained: Int
        public let agency: Accuracy
        public let field: Accuracy
    }

    /// Trains on the older cases and tests on the newer (`testShare` of them, by received time):
    /// as in production, where the model knows only the past.
    public static func routing(_ examples: [Example], testShare: Double = 0.2) -> Routing {
        let sorted = examples.sorted { $0.receivedAt < $1.receivedAt }
        let split = sorted.count - Int((Double(sorted.count) * testShare).rounded())
        var trainer = AssistModel.Trainer()
        for example in sorted[..<split] { trainer.add(example.terms, agency: example.agency, field: example.field) }
        let model = trainer.finish()
        var agency = Accuracy()
        var field = Accuracy()
        for example in sorted[split...] {
            agency.count(model.agency.rank(example.terms), truth: example.agency)
            if let truth = example.field { field.count(model.field.rank(example.terms), truth: truth) }
        }
        return Routing(trained: split, agency: agency, field: field)
    }

    /// A labelled pair of petitions.
    public struct Pair: Sendable {
        public let a: String
        public let b: String
        public let duplicate: Bool

        public init(a: String, b: String, duplicate: Bool) {
            self.a = a
            self.b = b
            self.duplicate = duplicate
        }
    }

    public struct Detection: Sendable, Equatable {
        public var threshold: Double
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var trueNegatives = 0
        /// Duplicates the band index would not have offered for comparison at all.
        public var missedByBands = 0

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    /// Precision and recall of duplicate detection as the server does it: a pair is found when
    /// the two share a band (so the index would offer one for the other) and their cosine reaches
    /// `threshold`.
    public static func duplicates(_ pairs: [Pair], weights: TermWeights, threshold: Double = Likeness.duplicate) -> Detection {
        var result = Detection(threshold: threshold)
        for pair in pairs {
            let a = TermBag(text: pair.a)
            let b = TermBag(text: pair.b)
            let candidate = !Set(MinHash(a).bandKeys).isDisjoint(with: MinHash(b).bandKeys)
            let score = TermWeights.cosine(weights.vector(a), weights.vector(b))
            let found = candidate && score >= threshold
            switch (pair.duplicate, found) {
            case (true, true): result.truePositives += 1
            case (true, false):
                result.falseNegatives += 1
                if !candidate { result.missedByBands += 1 }
            case (false, true): result.falsePositives += 1
            case (false, false): result.trueNegatives += 1
            }
        }
        return result
    }
}
