import Foundation
import LangNgheCore

extension Store {
    /// The signed tree head a report is computed from: the one of `size` (to regenerate a report
    /// that names it), or one over the whole log signed in the last `maxAge` seconds (a new one
    /// if there is none).
    public func reportHead(size: Int?, maxAge: TimeInterval = 0, now: Date) async throws -> TreeHead? {
        guard let size else { return try await treeHead(now: now, maxAge: maxAge) }
        return try await database.read { db in
            try await db.first(
                "SELECT size, root, signed_at, key_id, signature FROM log_heads WHERE size = ? ORDER BY signed_at LIMIT 1", size
            ).flatMap(Self.head)
        }
    }

    /// The columns of an event as a report reads it: an approval without its signed answer
    /// (kilobytes of certificates and text that no figure reads; decoding them was a tenth of a
    /// report's time).
    static let reportEventColumns = eventColumns.replacingOccurrences(
        of: "e.data", with: "CASE WHEN e.type = 'answerApproved' THEN '{}' ELSE e.data END AS data")

    /// Which cases a report reads one by one, with their events.
    public enum ReportCases: Sendable {
        /// Every case a report on the period may need, to compute it from the events alone:
        /// those received by the period's end and either touched since the previous period
        /// began or still waiting now (such a case may have been overdue at the end without any
        /// event since). One answered, refused or closed before, and untouched since, adds
        /// nothing and is left out (at 100,000 petitions, 30,000 cases read for a quarter
        /// instead of 55,000).
        case all(ReportPeriod)
        /// The cases that may have been open at the period's end: waiting now, or touched since.
        case openAtEnd(ReportPeriod)
        /// The cases with a step in the period that a report lists or counts one by one: a
        /// merge, an escalation, a decision, a follow-up, a petition marked useful. With
        /// `leadsOnly`, each case's steps and only the events that set its lead agency
        /// (assignments, decisions, returns: `CaseState`), which is all the whole system's
        /// report reads of them (an agency's also asks whether the case concerns it).
        case steps(ReportPeriod, leadsOnly: Bool)

        var leadsOnly: Bool {
            if case .steps(_, let leadsOnly) = self { return leadsOnly }
            return false
        }

        var period: ReportPeriod {
            switch self {
            case .all(let period), .openAtEnd(let period), .steps(let period, _): period
            }
        }

        /// The condition on the petitions `p`, and its arguments, with days ending in office time.
        func condition(offsetSeconds offset: Int) -> (sql: String, arguments: [SQLValue]) {
            func instant(_ day: CivilDate) -> SQLValue { .text(Timestamp.string(day.startOfDay(offsetSeconds: offset))) }
            let waiting = "p.status NOT IN ('rejected', 'closed', 'answered')"
            switch self {
            case .all(let period):
                let since = instant(period.previous.from)
                return ("p.received_at < ? AND (p.updated_at >= ? OR \(waiting))", [instant(period.to.adding(days: 1)), since])
            case .openAtEnd(let period):
                let end = instant(period.to.adding(days: 1))
                return ("p.received_at < ? AND (p.updated_at >= ? OR \(waiting))", [end, end])
            case .steps(let period, _):
                return (
                    "SELECT DISTINCT petition_id FROM events WHERE type IN (\(Schema.stepTypes)) AND at >= ? AND at < ?",
                    [instant(period.from), instant(period.to.adding(days: 1))]
                )
            }
        }

        /// The condition on the petitions `p`, with its arguments; for the steps, their few case
        /// numbers instead, read once (a subquery would run again for every page, and a walk
        /// through the petitions in order would read them all to find a few thousand).
        func petitions(offsetSeconds offset: Int, in db: any SQLConnection) async throws -> (
            sql: String, arguments: [SQLValue], ids: [Int]?
        ) {
            let condition = condition(offsetSeconds: offset)
            guard case .steps = self else { return (condition.sql, condition.arguments, nil) }
            let ids = try await db.query(condition.sql, condition.arguments).compactMap { $0.int("petition_id") }
            return ("", [], ids.sorted())
        }
    }

    /// The `cases` with their events up to the head (`headSize` leaves of the log) and the
    /// period's end (in order, until the first event after its last day), read
    /// `pageSize` at a time in the order of registration, so that memory holds one page; with
    /// `shard` (index, count), only the cases whose number leaves that remainder, so that several
    /// readers share the work. `progress` gets the cases read so far and the shard's total.
    public func forEachReportCase(
        _ cases: ReportCases, headSize: Int, pageSize: Int = 500, shard: (index: Int, count: Int) = (0, 1),
        progress: (@Sendable (Int, Int) -> Void)? = nil, _ body: (ReportCase) throws -> Void
    ) async throws {
        let engine = try await deadlineEngine()
        let offset = engine.officeHours.utcOffsetSeconds
        let endsAt = Timestamp.string(cases.period.to.adding(days: 1).startOfDay(offsetSeconds: offset))
        let shards = max(1, shard.count)
        let (selection, total) = try await database.read { db in
            let selection = try await cases.petitions(offsetSeconds: offset, in: db)
            if let ids = selection.ids { return (selection, ids.filter { $0 % shards == shard.index }.count) }
            let sql = "SELECT COUNT(*) AS n FROM petitions p WHERE \(selection.sql) AND p.id % \(shards) = \(shard.index)"
            return (selection, try await db.query(sql, selection.arguments).first?.int("n") ?? 0)
        }
        let listed = selection.ids?.filter { $0 % shards == shard.index }
        var after: Int64 = 0
        var done = 0
        while true {
            let from = after
            // The next page: of the numbers listed, or of those the condition selects.
            let page: (sql: String, arguments: [SQLValue], last: Int?)
            if let listed {
                let next = listed.drop { $0 <= from }.prefix(pageSize)
                guard let last = next.last else { break }
                page = ("p.id IN (\(next.map(String.init).joined(separator: ", ")))", [], last)
            } else {
                page = (
                    "p.id > ? AND \(selection.sql) AND p.id % \(shards) = \(shard.index) ORDER BY p.id LIMIT ?",
                    [.int(from)] + selection.arguments + [.int(Int64(pageSize))], nil
                )
            }
            let read = try await reportCases(
                (page.sql, page.arguments), headSize: headSize, endsAt: endsAt, leadsOnly: cases.leadsOnly)
            guard let last = page.last ?? read.last?.id else { break }
            after = Int64(last)
            for item in read where !item.events.isEmpty { try body(item) }
            done += read.count
            progress?(done, total)
        }
    }

    /// One page of cases with their events under the head, read up to the period's end.
    private func reportCases(_ page: (sql: String, arguments: [SQLValue]), headSize: Int, endsAt: String, leadsOnly: Bool)
        async throws -> [ReportCase]
    {
        try await database.read { db in
            let petitions = try await db.query(
                """
                SELECT p.id, p.tracking_code, p.category, p.field_code, p.channel, s.kind FROM petitions p
                JOIN submitters s ON s.id = p.submitter_id WHERE \(page.sql)
                """, page.arguments
            ).sorted { ($0.int("id") ?? 0) < ($1.int("id") ?? 0) }
            guard !petitions.isEmpty else { return [] }
            let ids = petitions.compactMap { $0.int("id") }
            // Every event is under a head of the whole log: its leaves need not be read.
            let logSize = try await db.first("SELECT size FROM log_state WHERE id = 1")?.int("size") ?? 0
            let underHead =
                logSize <= headSize
                ? ""
                : "AND EXISTS (SELECT 1 FROM log_leaves l WHERE l.petition_id = e.petition_id AND l.sequence = e.sequence AND l.position < \(headSize))"
            let types = leadsOnly ? "AND e.type IN ('assigned', 'decided', 'returned', \(Schema.stepTypes))" : ""
            var events: [Int: [PetitionEvent]] = [:]
            var ended = 0
            for row in try await db.query(
                """
                SELECT e.petition_id, \(Self.reportEventColumns) FROM events e
                WHERE e.petition_id IN (\(ids.map { _ in "?" }.joined(separator: ", "))) \(underHead) \(types)
                ORDER BY e.petition_id, e.sequence
                """, ids.map { SQLValue.int(Int64($0)) })
            {
                // A case's events in order until the first after the period: nothing later
                // changes a report on it, and decoding is most of the work.
                let id = row.int("petition_id") ?? 0
                if id == ended { continue }
                if (row.string("at") ?? "") >= endsAt {
                    ended = id
                    continue
                }
                events[id, default: []].append(try PetitionEvent(row: row))
            }
            return try petitions.map { row in
                guard let id = row.int("id"), let code = row.string("tracking_code").flatMap(TrackingCode.init),
                    let category = PetitionCategory(rawValue: row.string("category") ?? ""),
                    let channel = Channel(rawValue: row.string("channel") ?? ""),
                    let kind = Submitter.Kind(rawValue: row.string("kind") ?? "")
                else { throw StoreError.unreadable("petitions row for a report") }
                return ReportCase(
                    id: id, trackingCode: code, category: category, fieldCode: row.string("field_code"), channel: channel,
                    senderKind: kind, events: events[id] ?? [])
            }
        }
    }
}
