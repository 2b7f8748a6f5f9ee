import Foundation

/// Ranks search results in Swift, the same way on both databases: the database only finds the
/// documents holding every term (FTS5 or tsvector), and the order never depends on its scoring.
///
/// Score = Σ over terms of tf-idf (tf saturated, BM25-style), + a bonus for each pair of
/// adjacent query syllables found next to each other (Vietnamese words are syllable pairs),
/// + a bonus when the title holds a term, + a boost when the text contains the query exactly
/// as typed, accents included.
public struct SearchRanking: Sendable {
    public struct Document: Sendable {
        public let id: String
        public let title: String
        public let body: String
        /// Folded title and body, space-separated syllables.
        public let folded: String
        public let date: Date

        public init(id: String, title: String, body: String, folded: String, date: Date) {
            self.id = id
            self.title = title
            self.body = body
            self.folded = folded
            self.date = date
        }
    }

    public let query: SearchQuery

    public init(query: SearchQuery) { self.query = query }

    /// The documents in order: best first; equal scores newest first, then by id.
    public func rank(_ documents: [Document], totalDocuments: Int) -> [(Document, Double)] {
        let syllableLists = documents.map { $0.folded.split(separator: " ").map(String.init) }
        var documentFrequency: [String: Int] = [:]
        for syllables in syllableLists {
            for term in Set(syllables).intersection(query.terms) { documentFrequency[term, default: 0] += 1 }
        }
        let n = Double(max(totalDocuments, documents.count, 1))
        let scored = zip(documents, syllableLists).map { document, syllables -> (Document, Double) in
            (document, score(document, syllables: syllables, documentFrequency: documentFrequency, n: n))
        }
        return scored.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            if $0.0.date != $1.0.date { return $0.0.date > $1.0.date }
            return $0.0.id < $1.0.id
        }
    }

    func score(_ document: Document, syllables: [String], documentFrequency: [String: Int], n: Double) -> Double {
        var counts: [String: Int] = [:]
        for syllable in syllables where query.terms.contains(syllable) { counts[syllable, default: 0] += 1 }
        let length = Double(max(syllables.count, 1))
        var score = 0.0
        for term in query.terms {
            let tf = Double(counts[term] ?? 0)
            let df = Double(documentFrequency[term] ?? 0)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * length / 200))
        }
        if query.terms.count > 1 {
            let pairs = Set(zip(syllables, syllables.dropFirst()).map { $0.0 + " " + $0.1 })
            for pair in zip(query.terms, query.terms.dropFirst()) where pairs.contains(pair.0 + " " + pair.1) { score += 1.5 }
        }
        let foldedTitle = Set(VietnameseText.syllables(document.title).map(String.init))
        score += Double(query.terms.filter(foldedTitle.contains).count) * 0.8
        if !query.exact.isEmpty, (document.title + " " + document.body).lowercased().contains(query.exact) { score += 3 }
        // Rounded so that both databases' floating-point paths cannot reorder equal documents.
        return (score * 1_000_000).rounded() / 1_000_000
    }
}
