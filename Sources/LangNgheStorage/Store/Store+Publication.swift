import Foundation
import LangNgheCore

/// A published answer as the public reads it.
public struct PublishedAnswer: Sendable, Hashable {
    public var trackingCode: TrackingCode
    public var agencyCode: String?
    public var category: PetitionCategory
    public var fieldCode: String?
    public var status: PetitionStatus
    public var receivedAt: Date
    public var publishedAt: Date
    public var title: String
    public var content: String
    public var answer: String
    /// Only with the submitter's consent.
    public var submitterName: String?
    /// What the petition led to, when a coordinator marked it useful.
    public var useful: String?
    public var folded: String
    /// Who signed the answer for the agency ("Name, title") and when; nil for answers approved
    /// before signing existed.
    public var signer: String?
    public var signedAt: Date?
}

/// Which published answers to list.
public struct AnswerFilter: Sendable {
    public var agency: String?
    public var category: PetitionCategory?
    public var field: String?
    public var status: PetitionStatus?
    /// Publication dates, inclusive, Vietnam time.
    public var from: CivilDate?
    public var to: CivilDate?
    public var usefulOnly = false
    public var page = 1
    public var pageSize = 20

    public init(
        agency: String? = nil, category: PetitionCategory? = nil, field: String? = nil, status: PetitionStatus? = nil,
        from: CivilDate? = nil, to: CivilDate? = nil, usefulOnly: Bool = false, page: Int = 1, pageSize: Int = 20
    ) {
        self.agency = agency
        self.category = category
        self.field = field
        self.status = status
        self.from = from
        self.to = to
        self.usefulOnly = usefulOnly
        self.page = PageNumber(clamping: page).value
        self.pageSize = min(max(1, pageSize), 1000)
    }

    /// The WHERE clause and its arguments, shared by listing, counting and exporting.
    func conditions() -> (String, [SQLValue]) {
        var parts = ["1 = 1"]
        var arguments: [SQLValue] = []
        if let agency {
            parts.append("agency_code = ?")
            arguments.append(.text(agency))
        }
        if let category {
            parts.append("category = ?")
            arguments.append(.text(category.rawValue))
        }
        if let field {
            parts.append("field_code = ?")
            arguments.append(.text(field))
        }
        if let status {
            parts.append("status = ?")
            arguments.append(.text(status.rawValue))
        }
        if let from {
            parts.append("published_at >= ?")
            arguments.append(.text(Timestamp.string(from.startOfDay(offsetSeconds: 7 * 3600))))
        }
        if let to {
            parts.append("published_at < ?")
            arguments.append(.text(Timestamp.string(to.adding(days: 1).startOfDay(offsetSeconds: 7 * 3600))))
        }
        if usefulOnly { parts.append("useful IS NOT NULL") }
        return (parts.joined(separator: " AND "), arguments)
    }
}

extension Store {
    /// Rewrites (or removes) a case's public record after its events change: called inside the
    /// append's transaction, so the public never sees a half-published case.
    func republish(
        petitionID: Int, state: CaseState, log: [PetitionEvent], fresh: Bool = false, document made: SearchDocument? = nil,
        in db: any SQLConnection
    ) async throws {
        guard let index = log.lastIndex(where: { $0.type == .answerPublished }),
            let row = try await db.first(
                """
                SELECT p.tracking_code, p.lead_agency_code, p.category, p.field_code, p.status, p.received_at, p.title, p.content,
                    p.publish_name, s.name AS submitter_name
                FROM petitions p JOIN submitters s ON s.id = p.submitter_id WHERE p.id = ?
                """, petitionID)
        else { return }
        let published = log[index]
        let signed = log.signedAnswer(publishedAt: index)
        let title = state.publicTitle ?? row.string("title") ?? ""
        let content = state.publicContent ?? row.string("content") ?? ""
        let document = made ?? SearchDocument(title: title, content: content, answer: published.text)
        // The folded title and body, as folding the whole text would give them.
        let folded = [document.title, document.body].filter { !$0.isEmpty }.joined(separator: " ")
        if !fresh { try await db.execute("DELETE FROM published_answers WHERE petition_id = ?", petitionID) }
        try await db.execute(
            """
            INSERT INTO published_answers (petition_id, tracking_code, agency_code, category, field_code, status, received_at,
                published_at, title, content, answer, submitter_name, useful, folded, signer, signed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, petitionID, row.string("tracking_code") ?? "", published.agencyCode ?? row.string("lead_agency_code"),
            row.string("category") ?? "", row.string("field_code"), state.status.rawValue, row.string("received_at") ?? "",
            Timestamp.string(published.at), title, content, published.text,
            row.bool("publish_name") && !state.personalDataErased
                ? try await dataKey(in: db, create: false).open(row.string("submitter_name")) : nil,
            state.usefulOutcome, folded, signed?.document.signerLine, signed?.document.approvedAt)
        try await Self.indexAnswer(petitionID: petitionID, title: title, content: content, fresh: fresh, in: db)
        switch dialect {
        case .sqlite:
            if !fresh { try await db.execute("DELETE FROM search_fts WHERE rowid = ?", petitionID) }
            try await db.execute(
                "INSERT INTO search_fts (rowid, title, body, pairs, exact) VALUES (?, ?, ?, ?, ?)", petitionID, document.title,
                document.body,
                document.pairs, document.exact)
        case .postgresql:
            try await db.execute(
                """
                UPDATE published_answers SET search = setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')
                    || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D')
                WHERE petition_id = ?
                """, document.exact, document.pairs, document.title, document.body, petitionID)
        }
    }

    /// A page of published answers, newest first, and how many match.
    public func publishedAnswers(_ filter: AnswerFilter) async throws -> ([PublishedAnswer], Int) {
        try await database.read { db in
            let (conditions, arguments) = filter.conditions()
            let total =
                try await db.query("SELECT COUNT(*) AS n FROM published_answers WHERE " + conditions, arguments).first?.int("n") ?? 0
            let rows = try await db.query(
                "SELECT * FROM published_answers WHERE \(conditions) ORDER BY published_at DESC, petition_id DESC LIMIT ? OFFSET ?",
                arguments + [
                    .int(Int64(filter.pageSize)), .int(Int64(PageNumber(clamping: filter.page).offset(pageSize: filter.pageSize))),
                ])
            return (try rows.map(PublishedAnswer.init(row:)), total)
        }
    }

    public func publishedAnswer(_ code: TrackingCode) async throws -> PublishedAnswer? {
        try await database.read { db in
            try await db.first("SELECT * FROM published_answers WHERE tracking_code = ?", code.description).map(PublishedAnswer.init(row:))
        }
    }

    /// Every matching answer, oldest first, a page at a time by key (not by offset), so that a
    /// million rows stream with the memory of one page.
    public func forEachPublishedAnswer(_ filter: AnswerFilter, pageSize: Int = 500, _ body: ([PublishedAnswer]) async throws -> Void)
        async throws
    {
        var after: Int64 = 0
        while true {
            let (conditions, arguments) = filter.conditions()
            let from = after
            let rows = try await database.read { db in
                try await db.query(
                    "SELECT * FROM published_answers WHERE \(conditions) AND petition_id > ? ORDER BY petition_id LIMIT ?",
                    arguments + [.int(from), .int(Int64(pageSize))])
            }
            try await body(try rows.map(PublishedAnswer.init(row:)))
            guard rows.count == pageSize, let last = rows.last?.int("petition_id") else { return }
            after = Int64(last)
        }
    }
}

extension PublishedAnswer {
    /// A stored published answer; one that cannot be read is an error, never skipped.
    init(row: SQLRow) throws {
        guard let code = TrackingCode(row.string("tracking_code") ?? ""),
            let category = PetitionCategory(rawValue: row.string("category") ?? ""),
            let status = PetitionStatus(rawValue: row.string("status") ?? ""),
            let receivedAt = Timestamp.date(row.string("received_at") ?? ""),
            let publishedAt = Timestamp.date(row.string("published_at") ?? "")
        else { throw StoreError.unreadable("published_answers \(row.string("tracking_code") ?? "")") }
        self.init(
            trackingCode: code, agencyCode: row.string("agency_code"), category: category, fieldCode: row.string("field_code"),
            status: status, receivedAt: receivedAt, publishedAt: publishedAt, title: row.string("title") ?? "",
            content: row.string("content") ?? "", answer: row.string("answer") ?? "", submitterName: row.string("submitter_name"),
            useful: row.string("useful"), folded: row.string("folded") ?? "", signer: row.string("signer"),
            signedAt: row.string("signed_at").flatMap(Timestamp.date))
    }
}
