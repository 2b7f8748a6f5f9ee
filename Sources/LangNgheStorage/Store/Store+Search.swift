import Foundation
import LangNgheCore

extension Store {
    /// A page of the published answers holding every folded term of the query, best first, and
    /// how many match. Ranked in the database — FTS5's bm25 in SQLite, ts_rank in PostgreSQL —
    /// over the same four fields (`SearchDocument`): the terms in the title weigh more than in
    /// the body, the query's syllable pairs found side by side more, the words as typed (accents
    /// and all) most. Ties go to the newest: by publication, or by case number where SQLite
    /// ranks in its index alone.
    public func search(_ query: SearchQuery, agency: String?, page: Int, pageSize: Int) async throws -> (answers: [PublishedAnswer], total: Int) {
        // Folded terms and typed words are letters and digits only: nothing in them can break
        // either query syntax.
        let terms = query.terms.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !terms.isEmpty else { return ([], 0) }
        let exact = query.exactWords.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        let pairs = query.pairs.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        let match: String
        let from: String
        let score: String
        switch dialect {
        case .sqlite:
            let folded = "{title body} : (" + terms.map { "\"\($0)\"" }.joined(separator: " AND ") + ")"
            var boosts = ["{title body} : \"\(terms[0])\""]
            if !pairs.isEmpty { boosts.append("pairs : (" + pairs.map { "\"\($0)\"" }.joined(separator: " OR ") + ")") }
            if !exact.isEmpty { boosts.append("exact : \"" + exact.joined(separator: " ") + "\"") }
            match = folded + " AND (" + boosts.joined(separator: " OR ") + ")"
            from = "search_fts JOIN published_answers pa ON pa.petition_id = search_fts.rowid WHERE search_fts MATCH ?"
            // Lower is better; the weights of title, body, pairs, exact.
            score = "bm25(search_fts, 2.0, 1.0, 3.0, 8.0)"
        case .postgresql:
            let folded = terms.map { "\($0):CD" }.joined(separator: " & ")
            var boosts = ["\(terms[0]):CD"] + pairs.map { "\($0):B" }
            if !exact.isEmpty { boosts.append("(" + exact.map { "\($0):A" }.joined(separator: " <-> ") + ")") }
            match = "(" + folded + ") & (" + boosts.joined(separator: " | ") + ")"
            from = "published_answers pa, to_tsquery('simple', ?) AS q WHERE pa.search @@ q"
            // Weights {D body, C title, B pairs, A exact}; negated so that lower is better, as in SQLite.
            score = "-ts_rank('{0.1, 0.2, 0.4, 1.0}', pa.search, q)"
        }
        var sql = from
        var arguments: [SQLValue] = [.text(match)]
        if let agency {
            sql += " AND pa.agency_code = ?"
            arguments.append(.text(agency))
        }
        // Without an agency, SQLite counts and ranks in the full-text index alone (one row
        // per published answer) and reads only the page's answers: joining every match first
        // took 150 ms for a word in half the answers at 100,000 petitions, ranking alone 50.
        let indexOnly = dialect == .sqlite && agency == nil
        let counted = indexOnly ? "search_fts WHERE search_fts MATCH ?" : sql
        let ranked =
            indexOnly
            ? "SELECT search_fts.rowid AS id, \(score) AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score, search_fts.rowid DESC"
            : "SELECT pa.petition_id AS id, \(score) AS score FROM \(sql) ORDER BY score, pa.published_at DESC, pa.petition_id DESC"
        let filter = arguments
        return try await database.read { db in
            let total = try await db.query("SELECT COUNT(*) AS n FROM " + counted, filter).first?.int("n") ?? 0
            let ids = try await db.query(
                ranked + " LIMIT ? OFFSET ?", filter + [.int(Int64(pageSize)), .int(Int64(PageNumber(clamping: page).offset(pageSize: pageSize)))]
            ).compactMap { $0.int("id") }
            guard !ids.isEmpty else { return ([], total) }
            let rows = try await db.query(
                "SELECT * FROM published_answers WHERE petition_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))", ids.map { .int(Int64($0)) })
            var byID: [Int: PublishedAnswer] = [:]
            for row in rows { if let id = row.int("petition_id") { byID[id] = try PublishedAnswer(row: row) } }
            return (ids.compactMap { byID[$0] }, total)
        }
    }
}
