import Foundation

/// How much a term says about a petition: inverse document frequency, learned from the
/// petitions the routing model was trained on (`AssistModel`). "de nghi" is in nearly every
/// petition and says nothing; "tach thua" says a lot.
public struct TermWeights: Sendable {
    /// The number of petitions counted.
    public let documents: Int
    /// In how many of them each term occurs (terms seen once are left out: they are mostly names
    /// and numbers, and weigh as an unseen term does).
    public let frequencies: [UInt64: UInt32]

    public init(documents: Int, frequencies: [UInt64: UInt32]) {
        self.documents = documents
        self.frequencies = frequencies
    }

    /// Without a trained model every term weighs the same.
    public static let uniform = TermWeights(documents: 0, frequencies: [:])

    public func idf(_ term: UInt64) -> Double {
        guard documents > 0 else { return 1 }
        return log(Double(documents + 1) / Double((frequencies[term] ?? 1) + 1)) + 1
    }

    /// The TF-IDF vector of a text's syllables, unit length (sub-linear term frequency: a word
    /// said five times is not five times the matter).
    public func vector(_ terms: TermBag) -> [UInt64: Double] {
        var vector: [UInt64: Double] = [:]
        vector.reserveCapacity(terms.syllableCounts.count)
        var norm = 0.0
        for (term, count) in terms.syllableCounts {
            let weight = (1 + log(Double(count))) * idf(term)
            vector[term] = weight
            norm += weight * weight
        }
        guard norm > 0 else { return [:] }
        let scale = 1 / norm.squareRoot()
        for key in vector.keys { vector[key]! *= scale }
        return vector
    }

    /// Counts in how many texts each term occurs.
    public struct Counter: Sendable {
        public private(set) var documents = 0
        private var frequencies: [UInt64: UInt32] = [:]

        public init() {}

        public mutating func add(_ terms: TermBag) {
            documents += 1
            for term in terms.counts.keys { frequencies[term, default: 0] += 1 }
        }

        /// The terms seen in two texts or more, and their weights.
        public func finish() -> TermWeights {
            TermWeights(documents: documents, frequencies: frequencies.filter { $0.value >= 2 })
        }
    }

    /// The cosine of two unit vectors: 1 for the same words in the same proportions, 0 for none in common.
    public static func cosine(_ a: [UInt64: Double], _ b: [UInt64: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var sum = 0.0
        for (term, weight) in small { if let other = large[term] { sum += weight * other } }
        return min(1, sum)
    }
}
