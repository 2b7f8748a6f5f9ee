import Foundation
import LangNgheCore

extension Store {
    /// Published answers holding every term of the query (at most `limit`), found by the
    /// database's full-text index over the folded text; the ranking is done in Swift
    /// (`SearchRanking`), so both databases give the same results in the same order.
    public func searchCandidates(_ query: SearchQuery, agency: String?, limit: Int = 2000) async throws -> (candidates: [PublishedAnswer], total: Int) {
        // Folded terms are letters and digits only: nothing in them can break either query syntax.
        let terms = query.terms.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !terms.isEmpty else { return ([], 0) }
        return try await database.read { db in
            let total = try await db.first("SELECT COUNT(*) AS n FROM published_answers")?.int("n") ?? 0
            let match: String
            let argument: String
            switch self.dialect {
            case .sqlite:
                match = "petition_id IN (SELECT rowid FROM published_answers_fts WHERE published_answers_fts MATCH ?)"
                argument = terms.map { "\"\($0)\"" }.joined(separator: " AND ")
            case .postgresql:
                match = "search @@ to_tsquery('simple', ?)"
                argument = terms.joined(separator: " & ")
            }
            var arguments: [SQLValue] = [.text(argument)]
            var sql = "SELECT * FROM published_answers WHERE " + match
            if let agency {
                sql += " AND agency_code = ?"
                arguments.append(.text(agency))
            }
            sql += " ORDER BY petition_id DESC LIMIT ?"
            arguments.append(.int(Int64(limit)))
            return (try await db.query(sql, arguments).compactMap(PublishedAnswer.init(row:)), total)
        }
    }
}
