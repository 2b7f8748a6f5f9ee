import Foundation

/// A multinomial naive Bayes classifier over `TermBag` terms: which label (an agency's code, a
/// field's code) the words of a petition point to, with a probability for each.
///
/// Chosen over logistic regression because it trains in one pass (counting), so a million
/// petitions train in seconds, and because it needs no tuning but its smoothing.
public struct NaiveBayes: Sendable {
    public let labels: [String]
    /// log P(label).
    let logPrior: [Double]
    /// log P(term | label) of a term never counted with the label (additive smoothing).
    let logUnseen: [Double]
    /// For each term counted with some labels: how much more likely it makes each of them than
    /// an unseen term would, log((count + α) / α). Sparse: a term meets few labels.
    let gains: [UInt64: [Gain]]

    /// How many independent words a petition's evidence counts as (see `rank`).
    static let evidence = 12

    struct Gain: Sendable {
        let label: Int32
        let value: Float
    }

    /// The labels, most likely first, with their probabilities (which sum to 1).
    public func rank(_ terms: TermBag) -> [(label: String, score: Double)] {
        guard !labels.isEmpty else { return [] }
        var scores = logPrior
        var known = 0
        for (term, count) in terms.counts {
            guard let gains = gains[term] else { continue }
            known += count
            for gain in gains { scores[Int(gain.label)] += Double(count) * Double(gain.value) }
        }
        // Naive Bayes counts every word as independent evidence, and a syllable and its pairs
        // are anything but: left as they are, its probabilities say 100 % for nearly every
        // petition. The evidence is tempered to that of `evidence` independent words, so that a
        // confidence shown to a coordinator means something; the order of the labels is unchanged
        // but for the prior's share.
        let temper = known > Self.evidence ? Double(Self.evidence) / Double(known) : 1
        for i in scores.indices { scores[i] = logPrior[i] + (scores[i] - logPrior[i] + Double(known) * logUnseen[i]) * temper }
        let top = scores.max() ?? 0
        let exps = scores.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return zip(labels, exps).map { ($0, $1 / total) }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.label < $1.label) }
    }

    /// Counts petitions one by one; `finish` makes the classifier.
    public struct Trainer: Sendable {
        static let smoothing = 0.1
        private var labelIndex: [String: Int32] = [:]
        private var labels: [String] = []
        private var documents: [Int] = []
        private var totals: [Double] = []
        /// Counts by term and label together: the term's 48 bits, the label in the low 16.
        private var counts: [UInt64: UInt32] = [:]

        public init() {}

        public mutating func add(_ terms: TermBag, label: String) {
            let index: Int32
            if let known = labelIndex[label] {
                index = known
            } else {
                guard labels.count < Int(UInt16.max) else { return }
                index = Int32(labels.count)
                labelIndex[label] = index
                labels.append(label)
                documents.append(0)
                totals.append(0)
            }
            documents[Int(index)] += 1
            for (term, count) in terms.counts {
                counts[term << 16 | UInt64(index), default: 0] += UInt32(count)
                totals[Int(index)] += Double(count)
            }
        }

        /// `vocabulary`: the terms worth keeping (seen in two petitions or more); the others are
        /// dropped from the counts and from the totals alike.
        public func finish(keeping vocabulary: (UInt64) -> Bool) -> NaiveBayes {
            var gains: [UInt64: [Gain]] = [:]
            var kept = [Double](repeating: 0, count: labels.count)
            for (key, count) in counts {
                let term = key >> 16
                guard vocabulary(term) else { continue }
                let label = Int32(key & 0xFFFF)
                kept[Int(label)] += Double(count)
                gains[term, default: []].append(Gain(label: label, value: Float(log((Double(count) + Self.smoothing) / Self.smoothing))))
            }
            let size = Double(gains.count)
            let all = Double(documents.reduce(0, +))
            return NaiveBayes(
                labels: labels, logPrior: documents.map { log(Double($0) / max(all, 1)) },
                logUnseen: kept.map { log(Self.smoothing / ($0 + Self.smoothing * max(size, 1))) }, gains: gains)
        }
    }
}
