import Foundation
import LangNgheCore

/// A page of search results and how many answers match: counted when they fit in the ranking
/// window, estimated beyond it.
public struct SearchResults: Sendable {
    public var answers: [PublishedAnswer]
    public var total: Int
    public var totalIsEstimate: Bool
    /// Whether another page follows (known exactly, whatever the total).
    public var hasMore: Bool

    public init(answers: [PublishedAnswer], total: Int, totalIsEstimate: Bool, hasMore: Bool) {
        self.answers = answers
        self.total = total
        self.totalIsEstimate = totalIsEstimate
        self.hasMore = hasMore
    }
}

extension Store {
    /// How many of the newest matches are ranked by relevance; older matches follow them,
    /// newest first. Ranking every match of a common word costs time in proportion to the
    /// archive (70 ms for "thuế" at 100,000 petitions, seconds at millions). A window of the
    /// newest keeps a search's cost the same at any size, and the newest answers are the ones a
    /// citizen most needs. At 100,000 petitions "giấy phép xây dựng" took 20 ms with a window
    /// of 2,000, 10 ms with this one.
    public static let searchRankingWindow = 1_000

    /// A page of the published answers holding every folded term of the query, best first.
    ///
    /// Ranked in the database — `langnghe_rank` in SQLite (`SearchRank`), `ts_rank` in
    /// PostgreSQL — over the same four fields (`SearchDocument`): the terms in the title weigh
    /// more than in the body, the query's syllable pairs found side by side more, the words as
    /// typed (accents and all) most. Ties go to the newest case. Only the page's answers leave
    /// the database.
    public func search(_ query: SearchQuery, agency: String?, page: Int, pageSize: Int, window: Int = searchRankingWindow) async throws
        -> SearchResults
    {
        guard let match = SearchMatch(query, dialect: dialect) else {
            return SearchResults(answers: [], total: 0, totalIsEstimate: false, hasMore: false)
        }
        let filter = agency == nil ? "" : " AND pa.agency_code = ?"
        let filterArguments: [SQLValue] = agency.map { [.text($0)] } ?? []
        let offset = PageNumber(clamping: page).offset(pageSize: pageSize)
        return try await database.read { db in
            // The window: the newest matches, as ids, from the index alone where it can; one
            // more than the window tells whether there are older ones.
            let matching = match.matching(filter: filter)
            let newest = try await db.query(
                "SELECT id FROM (\(matching)) m ORDER BY id DESC LIMIT ?", [match.setArgument] + filterArguments + [.int(Int64(window + 1))]
            ).compactMap { $0.int("id") }
            let ranked = newest.prefix(window)
            guard let cutoff = ranked.last else {
                return SearchResults(answers: [], total: 0, totalIsEstimate: false, hasMore: false)
            }
            let complete = newest.count <= window
            // The page and one more answer, to know whether another page follows: an estimated
            // total cannot say.
            let wanted = pageSize + 1
            var ids: [Int] = []
            if offset < ranked.count {
                ids = try await db.query(
                    match.ranked(filter: filter) + " ORDER BY score, id DESC LIMIT ? OFFSET ?",
                    [match.rankArgument, .int(Int64(cutoff))] + filterArguments + [.int(Int64(wanted)), .int(Int64(offset))]
                ).compactMap { $0.int("id") }
            }
            if ids.count < wanted, !complete {
                ids += try await db.query(
                    "SELECT id FROM (\(matching)) m WHERE id < ? ORDER BY id DESC LIMIT ? OFFSET ?",
                    [match.setArgument] + filterArguments + [
                        .int(Int64(cutoff)), .int(Int64(wanted - ids.count)), .int(Int64(max(0, offset - ranked.count))),
                    ]
                ).compactMap { $0.int("id") }
            }
            let hasMore = ids.count > pageSize
            ids = Array(ids.prefix(pageSize))
            var total = ranked.count
            if !complete {
                // The window's share of the published answers (of the agency, if one), applied
                // to all of them; never fewer than are known to exist. By case numbers instead,
                // "thuế" came out at 20,000 for 42,000: the newest cases are the least often
                // answered yet.
                let published = "SELECT COUNT(*) AS n FROM published_answers pa WHERE 1 = 1" + filter
                let all = try await db.query(published, filterArguments).first?.int("n") ?? 0
                let inWindow =
                    try await db.query(published + " AND pa.petition_id >= ?", filterArguments + [.int(Int64(cutoff))]).first?.int("n") ?? 0
                let estimate = Self.roughly(Double(window) * Double(all) / Double(max(1, inWindow)))
                total = max(estimate, window + 1, offset + ids.count + (hasMore ? 1 : 0))
            }
            guard !ids.isEmpty else { return SearchResults(answers: [], total: total, totalIsEstimate: !complete, hasMore: false) }
            let rows = try await db.query(
                "SELECT * FROM published_answers WHERE petition_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
                ids.map { .int(Int64($0)) })
            var byID: [Int: PublishedAnswer] = [:]
            for row in rows { if let id = row.int("petition_id") { byID[id] = try PublishedAnswer(row: row) } }
            return SearchResults(answers: ids.compactMap { byID[$0] }, total: total, totalIsEstimate: !complete, hasMore: hasMore)
        }
    }

    /// An estimate to two significant digits: 41,956 → 42,000.
    static func roughly(_ x: Double) -> Int {
        guard x >= 100 else { return Int(x.rounded()) }
        let unit = pow(10, (log10(x) - 1).rounded(.down))
        return Int((x / unit).rounded() * unit)
    }
}

/// A query in the dialect's full-text syntax: which answers match (every folded term, in the
/// title or body) and how they rank (the same, plus the boosts: the first term, the pairs, the
/// words as typed).
struct SearchMatch {
    let dialect: SQLDialect
    /// The set: cheaper to evaluate, the same answers.
    let setArgument: SQLValue
    /// The set and the boosts, for ranking.
    let rankArgument: SQLValue

    init?(_ query: SearchQuery, dialect: SQLDialect) {
        // Folded terms and typed words are letters and digits only: nothing in them can break
        // either query syntax.
        let terms = query.terms.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !terms.isEmpty else { return nil }
        let exact = query.exactWords.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        let pairs = query.pairs.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        self.dialect = dialect
        switch dialect {
        case .sqlite:
            // The boosts are OR-ed with the first term, which every match holds: they weigh in
            // the rank without narrowing the set.
            let folded = "{title body} : (" + terms.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"
            var boosts = ["{title body} : \"\(terms[0])\""]
            if !pairs.isEmpty { boosts.append("pairs : (" + pairs.map { "\"\($0)\"" }.joined(separator: " OR ") + ")") }
            if !exact.isEmpty { boosts.append("exact : \"" + exact.joined(separator: " ") + "\"") }
            setArgument = .text(folded)
            rankArgument = .text(folded + " AND (" + boosts.joined(separator: " OR ") + ")")
        case .postgresql:
            let folded = terms.map { "\($0):CD" }.joined(separator: " & ")
            var boosts = ["\(terms[0]):CD"] + pairs.map { "\($0):B" }
            if !exact.isEmpty { boosts.append("(" + exact.map { "\($0):A" }.joined(separator: " <-> ") + ")") }
            setArgument = .text(folded)
            rankArgument = .text("(" + folded + ") & (" + boosts.joined(separator: " | ") + ")")
        }
    }

    /// `SELECT id` of every match; its arguments: the set, then the filter's.
    func matching(filter: String) -> String {
        switch dialect {
        case .sqlite where filter.isEmpty:
            // The index alone, one row per published answer: joining every match first took
            // 150 ms for a word in half the answers at 100,000 petitions.
            return "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ?"
        case .sqlite:
            return
                "SELECT pa.petition_id AS id FROM search_fts JOIN published_answers pa ON pa.petition_id = search_fts.rowid WHERE search_fts MATCH ?"
                + filter
        case .postgresql:
            return "SELECT pa.petition_id AS id FROM published_answers pa, to_tsquery('simple', ?) AS q WHERE pa.search @@ q" + filter
        }
    }

    /// `SELECT id, score` of the matches from a case number on; its arguments: the rank
    /// query, the first case number, then the filter's.
    func ranked(filter: String) -> String {
        switch dialect {
        case .sqlite where filter.isEmpty:
            return
                "SELECT rowid AS id, langnghe_rank(search_fts, 2.0, 1.0, 3.0, 8.0) AS score FROM search_fts WHERE search_fts MATCH ? AND rowid >= ?"
        case .sqlite:
            return """
                SELECT pa.petition_id AS id, langnghe_rank(search_fts, 2.0, 1.0, 3.0, 8.0) AS score FROM search_fts \
                JOIN published_answers pa ON pa.petition_id = search_fts.rowid WHERE search_fts MATCH ? AND search_fts.rowid >= ?
                """ + filter
        case .postgresql:
            // Weights {D body, C title, B pairs, A exact}; negated so that lower is better, as in SQLite.
            return """
                SELECT pa.petition_id AS id, -ts_rank('{0.1, 0.2, 0.4, 1.0}', pa.search, q) AS score \
                FROM published_answers pa, to_tsquery('simple', ?) AS q WHERE pa.search @@ q AND pa.petition_id >= ?
                """ + filter
        }
    }
}
