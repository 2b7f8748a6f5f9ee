import Foundation
import LangNgheCore

/// A reminder the scheduler recorded for a case on a day.
public struct Reminder: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The answer is due within three working days.
        case dueSoon
        /// The answer is overdue.
        case overdue
        /// Late for seven days or more without a public progress update.
        case lateWithoutUpdate
        /// The lead agency has not accepted or returned the case within its working days.
        case forwardOverdue
        /// An agency asked for coordination has not replied in time (the reminder is for it).
        case coordinationOverdue
    }

    public var trackingCode: TrackingCode
    public var kind: Kind
    public var day: CivilDate
    public var agencyCode: String?
    public var dueDate: CivilDate

    public init(trackingCode: TrackingCode, kind: Kind, day: CivilDate, agencyCode: String?, dueDate: CivilDate) {
        self.trackingCode = trackingCode
        self.kind = kind
        self.day = day
        self.agencyCode = agencyCode
        self.dueDate = dueDate
    }
}

extension Store {
    /// Takes (or renews) the lease on a job for `holder` until `until`, if nobody else holds a
    /// live one. Two instances racing for it: one wins, the other gets false.
    public func acquireLease(_ name: String, holder: String, now: Date, until: Date) async throws -> Bool {
        try await database.write { db in
            if let row = try await db.first(Self.lockLease(dialect: self.dialect), name) {
                let expires = Timestamp.date(row.string("expires_at") ?? "") ?? .distantPast
                guard row.string("holder") == holder || expires <= now else { return false }
                try await db.execute(
                    "UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ?", holder, Timestamp.string(until), name)
                return true
            }
            try await db.execute(
                "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                name, holder, Timestamp.string(until))
            return try await db.first("SELECT holder FROM job_leases WHERE name = ?", name)?.string("holder") == holder
        }
    }

    /// Runs `body` holding the lease `name`, released afterwards whatever happens; nil when
    /// another instance holds it.
    public func withLease<T: Sendable>(
        _ name: String, holder: String, now: Date, for duration: TimeInterval, _ body: () async throws -> T
    ) async throws -> T? {
        guard try await acquireLease(name, holder: holder, now: now, until: now.addingTimeInterval(duration)) else { return nil }
        do {
            let result = try await body()
            try await releaseLease(name, holder: holder)
            return result
        } catch {
            try? await releaseLease(name, holder: holder)
            throw error
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await database.write { db in try await db.execute("DELETE FROM job_leases WHERE name = ? AND holder = ?", name, holder) }
    }

    static func lockLease(dialect: SQLDialect) -> String {
        let select = "SELECT holder, expires_at FROM job_leases WHERE name = ?"
        return dialect == .postgresql ? select + " FOR UPDATE" : select
    }

    /// Records a reminder unless the same case, kind and day already has one. Returns whether
    /// this call recorded it.
    @discardableResult
    public func recordReminder(_ reminder: Reminder, now: Date) async throws -> Bool {
        try await database.write { db in
            guard
                let id = try await db.first("SELECT id FROM petitions WHERE tracking_code = ?", reminder.trackingCode.description)?.int(
                    "id")
            else {
                throw StoreError.notFound
            }
            let inserted = try await db.query(
                """
                INSERT INTO reminders (petition_id, kind, day, agency_code, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (petition_id, kind, day) DO NOTHING RETURNING id
                """, id, reminder.kind.rawValue, reminder.day.iso, reminder.agencyCode, reminder.dueDate.iso, Timestamp.string(now))
            guard !inserted.isEmpty else { return false }
            // The people it is for are told, in the same transaction: a reminder never without
            // its notifications.
            try await Self.recordNotices(
                [NoticeRules.reminder(dueSoon: reminder.kind == .dueSoon, agency: reminder.agencyCode)], petitionID: id, now: now,
                day: reminder.day, in: db)
            return true
        }
    }

    public func reminders(on day: CivilDate? = nil) async throws -> [Reminder] {
        try await database.read { db in
            let select = """
                SELECT p.tracking_code, r.kind, r.day, r.agency_code, r.due_date FROM reminders r
                JOIN petitions p ON p.id = r.petition_id
                """
            let rows: [SQLRow]
            if let day {
                rows = try await db.query(select + " WHERE r.day = ? ORDER BY r.id", day.iso)
            } else {
                rows = try await db.query(select + " ORDER BY r.id")
            }
            return rows.compactMap { row in
                guard let code = TrackingCode(row.string("tracking_code") ?? ""),
                    let kind = Reminder.Kind(rawValue: row.string("kind") ?? ""),
                    let day = CivilDate(iso: row.string("day") ?? ""), let due = CivilDate(iso: row.string("due_date") ?? "")
                else { return nil }
                return Reminder(trackingCode: code, kind: kind, day: day, agencyCode: row.string("agency_code"), dueDate: due)
            }
        }
    }

    /// Every open case's log, streamed in pages by id so memory stays bounded however many
    /// there are.
    public func forEachOpenCase(pageSize: Int = 500, _ body: (CaseLog) async throws -> Void) async throws {
        try await forEachCase(where: "status NOT IN ('closed', 'rejected')", [], pageSize: pageSize) { page in
            for openCase in page { try await body(openCase) }
        }
    }
}

/// A case and its whole event log, as the scheduler, the statistics and the benchmark read them.
public struct CaseLog: Sendable {
    public var id: Int
    public var trackingCode: TrackingCode
    public var category: PetitionCategory
    public var fieldCode: String?
    public var leadAgencyCode: String?
    public var events: [PetitionEvent]
}

extension Store {
    /// Every case received before `until`, with its log, a page at a time: the statistics and
    /// the reports are computed from events, never from counters that could drift.
    public func forEachCase(receivedBefore until: Date, pageSize: Int = 500, _ body: ([CaseLog]) async throws -> Void) async throws {
        try await forEachCase(where: "received_at < ?", [.text(Timestamp.string(until))], pageSize: pageSize, body)
    }

    /// The cases matching `condition`, by id, a page at a time, each page's events read in one query.
    private func forEachCase(
        where condition: String, _ arguments: [SQLValue], pageSize: Int, _ body: ([CaseLog]) async throws -> Void
    ) async throws {
        var after = 0
        while true {
            let from = after
            let page: [CaseLog] = try await database.read { db in
                let rows = try await db.query(
                    "SELECT id, tracking_code, category, field_code, lead_agency_code FROM petitions WHERE \(condition) AND id > ? ORDER BY id LIMIT ?",
                    arguments + [.int(Int64(from)), .int(Int64(pageSize))])
                let ids = rows.compactMap { $0.int("id") }
                guard let first = ids.first, let last = ids.last else { return [] }
                var logs: [Int: [PetitionEvent]] = [:]
                for row in try await db.query(
                    "SELECT e.petition_id, \(Self.eventColumns) FROM events e WHERE e.petition_id BETWEEN ? AND ? ORDER BY e.petition_id, e.sequence",
                    first, last)
                {
                    guard let id = row.int("petition_id") else { throw StoreError.unreadable("events.petition_id") }
                    logs[id, default: []].append(try PetitionEvent(row: row))
                }
                return rows.compactMap { row in
                    guard let id = row.int("id"), let code = TrackingCode(row.string("tracking_code") ?? "") else { return nil }
                    return CaseLog(
                        id: id, trackingCode: code, category: PetitionCategory(rawValue: row.string("category") ?? "") ?? .proposal,
                        fieldCode: row.string("field_code"), leadAgencyCode: row.string("lead_agency_code"), events: logs[id] ?? [])
                }
            }
            try await body(page)
            guard let last = page.last, page.count == pageSize else { return }
            after = last.id
        }
    }
}
