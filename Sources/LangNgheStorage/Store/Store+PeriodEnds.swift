import Foundation
import LangNgheCore

/// The cases open at the end of a day, kept once computed (v29): see `Schema.v29PeriodEnds`.
extension Store {
    /// The instant a day ends in office time: events before it happened on or before that day.
    func endOfDay(_ day: CivilDate) async throws -> String {
        let offset = try await deadlineEngine().officeHours.utcOffsetSeconds
        return Timestamp.string(day.adding(days: 1).startOfDay(offsetSeconds: offset))
    }

    /// The cases open at the end of `day` as kept, and the size of the log they were computed
    /// from: every event on or before that day is among its first `logSize` leaves (one appended
    /// later deletes what was kept). Nil when nothing is kept for that day.
    public func periodEnd(_ day: CivilDate) async throws -> (logSize: Int, cases: [CaseAtEnd])? {
        try await database.read { db in
            guard let size = try await db.first("SELECT log_size FROM period_ends WHERE day = ?", day.iso)?.int("log_size") else {
                return nil
            }
            let cases = try await db.query(
                """
                SELECT petition_id, tracking_code, agency_code, due_date, days_late, restarts, overdue FROM period_end_cases
                WHERE day = ? ORDER BY petition_id
                """, day.iso
            ).map { row in
                guard let id = row.int("petition_id"), let code = row.string("tracking_code"), let agency = row.string("agency_code"),
                    let late = row.int("days_late"), let restarts = row.int("restarts")
                else { throw StoreError.unreadable("period_end_cases") }
                return CaseAtEnd(
                    petitionID: id, trackingCode: code, agency: agency, dueDate: row.string("due_date") ?? "", workingDaysLate: late,
                    restarts: restarts, overdue: row.bool("overdue"))
            }
            return (size, cases)
        }
    }

    /// Keeps `cases`, the cases open at the end of `day` computed from the log's first `logSize`
    /// leaves, unless an event on or before that day has been appended since: false then, and
    /// nothing is kept.
    @discardableResult
    public func keepPeriodEnd(_ day: CivilDate, logSize: Int, cases: [CaseAtEnd]) async throws -> Bool {
        let endsAt = try await endOfDay(day)
        return try await database.write { db in
            // Read as appending reads it, taking the log's row on PostgreSQL: no event is
            // half-appended while this checks (its deletion of what is kept would miss these rows).
            let size = try await EventLog.state(dialect: self.dialect, in: db).size
            guard try await !Self.hasEvents(before: endsAt, positions: logSize..<max(logSize, size), in: db) else { return false }
            try await db.execute("DELETE FROM period_ends WHERE day = ?", day.iso)
            try await db.execute("DELETE FROM period_end_cases WHERE day = ?", day.iso)
            // A hundred rows a statement: a quarter's end at a million petitions is some 80,000.
            for start in stride(from: 0, to: cases.count, by: 100) {
                let slice = cases[start..<min(cases.count, start + 100)]
                try await db.execute(
                    """
                    INSERT INTO period_end_cases (day, petition_id, tracking_code, agency_code, due_date, days_late, restarts, overdue)
                    VALUES \(slice.map { _ in "(?, ?, ?, ?, ?, ?, ?, ?)" }.joined(separator: ", "))
                    """,
                    slice.flatMap { end -> [SQLValue] in
                        [
                            .text(day.iso), .int(Int64(end.petitionID)), .text(end.trackingCode), .text(end.agency), .text(end.dueDate),
                            .int(Int64(end.workingDaysLate)), .int(Int64(end.restarts)), .int(end.overdue ? 1 : 0),
                        ]
                    })
            }
            try await db.execute("INSERT INTO period_ends (day, ends_at, log_size) VALUES (?, ?, ?)", day.iso, endsAt, logSize)
            return true
        }
    }

    /// Whether an event among the log's leaves `positions` happened on or before `day`: if not,
    /// a head anywhere in that range sees the same events up to that day.
    public func hasEvents(onOrBefore day: CivilDate, positions: Range<Int>) async throws -> Bool {
        guard !positions.isEmpty else { return false }
        let endsAt = try await endOfDay(day)
        return try await database.read { db in try await Self.hasEvents(before: endsAt, positions: positions, in: db) }
    }

    private static func hasEvents(before endsAt: String, positions: Range<Int>, in db: any SQLConnection) async throws -> Bool {
        guard !positions.isEmpty else { return false }
        return try await db.first(
            """
            SELECT 1 AS found FROM log_leaves l JOIN events e ON e.petition_id = l.petition_id AND e.sequence = l.sequence
            WHERE l.position >= ? AND l.position < ? AND e.at < ? LIMIT 1
            """, positions.lowerBound, positions.upperBound, endsAt) != nil
    }

    /// A period's receipts as a report counts them, from the statistics facts: for the whole
    /// system every petition submitted in it, for one agency every case it was given as lead
    /// in it (once, however often), under "total", "channel:…", "category:…", "field:…" and
    /// "sender:…"; every assignment as lead in it under "agency:…"; and the previous period's
    /// total counted the same way.
    public func reportReceipts(_ period: ReportPeriod, agency: String?) async throws -> (counts: [String: Int], previousTotal: Int) {
        let measure = agency == nil ? "submitted" : "received"
        @Sendable func facts(_ measure: String, _ days: ClosedRange<CivilDate>) -> (sql: String, arguments: [SQLValue]) {
            var sql = "measure = ? AND day >= ? AND day <= ?"
            var arguments: [SQLValue] = [.text(measure), .text(days.lowerBound.iso), .text(days.upperBound.iso)]
            if let agency {
                sql += " AND agency_code = ?"
                arguments.append(.text(agency))
            }
            return (sql, arguments)
        }
        return try await database.read { db in
            var counts: [String: Int] = [:]
            let receipts = facts(measure, period.days)
            for row in try await db.query(
                """
                SELECT p.channel, p.category, p.field_code, s.kind, COUNT(*) AS n FROM petitions p JOIN submitters s ON s.id = p.submitter_id
                WHERE p.id IN (SELECT petition_id FROM case_facts WHERE \(receipts.sql))
                GROUP BY p.channel, p.category, p.field_code, s.kind
                """, receipts.arguments)
            {
                let n = row.int("n") ?? 0
                counts["total", default: 0] += n
                counts["channel:" + (row.string("channel") ?? ""), default: 0] += n
                counts["category:" + (row.string("category") ?? ""), default: 0] += n
                counts["field:" + (row.string("field_code") ?? "-"), default: 0] += n
                counts["sender:" + (row.string("kind") ?? ""), default: 0] += n
            }
            let leads = facts("received", period.days)
            for row in try await db.query(
                "SELECT agency_code, COUNT(*) AS n FROM case_facts WHERE \(leads.sql) GROUP BY agency_code", leads.arguments)
            {
                counts["agency:" + (row.string("agency_code") ?? ""), default: 0] += row.int("n") ?? 0
            }
            let before = facts(measure, period.previous.days)
            let previous =
                try await db.query("SELECT COUNT(DISTINCT petition_id) AS n FROM case_facts WHERE \(before.sql)", before.arguments).first?
                .int("n")
                ?? 0
            return (counts, previous)
        }
    }
}
