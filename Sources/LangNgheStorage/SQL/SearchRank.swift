import GRDB
import GRDBSQLite

/// `langnghe_rank(search_fts, w0, w1, …)`: the relevance of a full-text match, lower is better,
/// as FTS5's `bm25` orders it, but without bm25's inverse document frequency.
///
/// Each phrase of the query scores its weighted hits in the row (a hit in column *c* counts
/// *w<sub>c</sub>*), saturated as bm25 saturates them (k1 = 1.2, b = 0.75, over the row's length
/// against the average). The phrases' scores add up.
///
/// Why not `bm25`: to weigh rare terms above common ones, bm25 counts, once per query, the rows
/// holding each phrase, walking each phrase's whole index list. A query with common syllables
/// ("đăng ký kinh doanh") and its pairs has nine phrases over lists of 40,000 to 80,000 rows at
/// 100,000 answers: about 20 ms before the first row is scored, at any page size. Vietnamese
/// queries are made of common syllables, so that count says little, and PostgreSQL's `ts_rank`,
/// which ranks the same search there, has no such term either.
enum SearchRank {
    static let name = "langnghe_rank"

    /// Makes the function known to FTS5 on this connection.
    static func register(on db: Database) throws {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else { throw DatabaseError(message: "FTS5 offers no xCreateFunction") }
        let code = create(api, name, nil, rank, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)") }
    }

    private static let k1 = 1.2
    private static let b = 0.75

    /// The most phrases and columns scored; a query has at most a few dozen (terms, pairs,
    /// the words as typed), and the search index four columns.
    private static let maximumPhrases = 256
    private static let maximumColumns = 16

    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts else { return }
        func fail(_ code: Int32) { sqlite3_result_error_code(context, code) }
        let columns = Int(api.xColumnCount(fts))
        let phrases = Int(api.xPhraseCount(fts))
        guard columns <= maximumColumns, phrases <= maximumPhrases else { return fail(SQLITE_TOOBIG) }
        var rows: sqlite3_int64 = 0
        var tokens: sqlite3_int64 = 0
        var length: Int32 = 0
        var instances: Int32 = 0
        for code in [
            api.xRowCount(fts, &rows), api.xColumnTotalSize(fts, -1, &tokens), api.xColumnSize(fts, -1, &length),
            api.xInstCount(fts, &instances),
        ]
        where code != SQLITE_OK { return fail(code) }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: columns + phrases) { buffer in
            buffer.initialize(repeating: 0)
            // Weights given for the first columns; 1 for the others.
            for column in 0..<columns {
                buffer[column] = column < Int(count) && values != nil ? sqlite3_value_double(values![column]) : 1
            }
            for index in 0..<instances {
                var phrase: Int32 = 0
                var column: Int32 = 0
                var offset: Int32 = 0
                let code = api.xInst(fts, index, &phrase, &column, &offset)
                guard code == SQLITE_OK else { return fail(code) }
                guard phrase >= 0, Int(phrase) < phrases, column >= 0, Int(column) < columns else { continue }
                buffer[columns + Int(phrase)] += buffer[Int(column)]
            }
            let average = rows > 0 && tokens > 0 ? Double(tokens) / Double(rows) : 1
            let norm = k1 * (1 - b + b * Double(length) / average)
            var score = 0.0
            for phrase in 0..<phrases {
                let hits = buffer[columns + phrase]
                if hits > 0 { score += hits * (k1 + 1) / (hits + norm) }
            }
            sqlite3_result_double(context, -score)
        }
    }
}
