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

    /// Every case a report on `period` may need, with its events up to the head (`headSize`
    /// leaves of the log): those received by the period's end and either touched since the
    /// previous period began or still waiting now (such a case may have been overdue at the end
    /// without any event since). One answered, refused or closed before, and untouched since,
    /// adds nothing and is left out (at 100,000 petitions, 30,000 cases read for a quarter instead
    /// of 55,000). Read `pageSize` cases at a time, in the order of registration, so that memory
    /// holds one page; with `shard` (index, count), only the cases whose number leaves that
    /// remainder, so that several readers share the work. `progress` gets the cases read so far
    /// and the shard's total.
    public func forEachReportCase(
        _ period: ReportPeriod, headSize: Int, pageSize: Int = 500, shard: (index: Int, count: Int) = (0, 1),
        progress: (@Sendable (Int, Int) -> Void)? = nil, _ body: (ReportCase) throws -> Void
    ) async throws {
        let engine = try await deadlineEngine()
        let offset = engine.officeHours.utcOffsetSeconds
        let end = Timestamp.string(period.to.adding(days: 1).startOfDay(offsetSeconds: offset))
        let since = Timestamp.string(period.previous.from.startOfDay(offsetSeconds: offset))
        let candidates =
            "p.received_at < ? AND (p.updated_at >= ? OR p.status NOT IN ('rejected', 'closed', 'answered')) "
            + "AND p.id % \(max(1, shard.count)) = \(shard.index)"
        let total = try await database.read { db in
            try await db.first("SELECT COUNT(*) AS n FROM petitions p WHERE \(candidates)", end, since)?.int("n") ?? 0
        }
        var after: Int64 = 0
        var done = 0
        while true {
            let from = after
            let page: [ReportCase] = try await database.read { db in
                let petitions = try await db.query(
                    """
                    SELECT p.id, p.tracking_code, p.category, p.field_code, p.channel, s.kind FROM petitions p
                    JOIN submitters s ON s.id = p.submitter_id WHERE p.id > ? AND \(candidates) ORDER BY p.id LIMIT ?
                    """, from, end, since, pageSize)
                guard !petitions.isEmpty else { return [] }
                let ids = petitions.compactMap { $0.int("id") }
                var events: [Int: [PetitionEvent]] = [:]
                for row in try await db.query(
                    """
                    SELECT e.petition_id, \(Self.eventColumns) FROM events e
                    JOIN log_leaves l ON l.petition_id = e.petition_id AND l.sequence = e.sequence
                    WHERE e.petition_id IN (\(ids.map { _ in "?" }.joined(separator: ", "))) AND l.position < ?
                    ORDER BY e.petition_id, e.sequence
                    """, ids.map { SQLValue.int(Int64($0)) } + [.int(Int64(headSize))])
                {
                    events[row.int("petition_id") ?? 0, default: []].append(try PetitionEvent(row: row))
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
            guard let last = page.last else { break }
            for item in page where !item.events.isEmpty { try body(item) }
            after = Int64(last.id)
            done += page.count
            progress?(done, total)
        }
    }
}
