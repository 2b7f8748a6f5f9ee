import Foundation
import LangNgheCore

extension Store {
    /// Loads the shipped official schedules unless this very version (a digest of the file) was
    /// loaded already. Overrides admins entered for other days are kept; a shipped one replaces
    /// the same day's.
    @discardableResult
    public func loadCalendarOverrides(_ overrides: [CalendarOverride], version: Int) async throws -> Bool {
        let loaded = try await database.write { db -> Bool in
            let current = try await db.first("SELECT version FROM reference_versions WHERE name = 'calendar'")?.int("version")
            if current == version { return false }
            for o in overrides { try await Self.upsert(o, in: db) }
            try await db.execute(
                """
                INSERT INTO reference_versions (name, version, loaded_at) VALUES ('calendar', ?, ?)
                ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at
                """, version, Timestamp.string(Date()))
            return true
        }
        if loaded { try await calendarChanged() }
        return loaded
    }

    public func calendarOverrides() async throws -> [CalendarOverride] {
        try await database.read { db in try await Self.calendarOverrides(in: db) }
    }

    static func calendarOverrides(in db: any SQLConnection) async throws -> [CalendarOverride] {
        try await db.query("SELECT * FROM calendar_overrides ORDER BY day").map { row in
            guard let date = CivilDate(iso: row.string("day") ?? ""), let kind = CalendarOverride.Kind(rawValue: row.string("kind") ?? "")
            else {
                throw StoreError.unreadable("calendar_overrides \(row.string("day") ?? "")")
            }
            return CalendarOverride(date: date, kind: kind, reason: row.string("reason") ?? "", legalBasis: row.string("legal_basis") ?? "")
        }
    }

    /// Adds or replaces the override of its day.
    /// Every open case's due dates follow.
    public func saveCalendarOverride(_ override: CalendarOverride) async throws {
        try await database.write { db in try await Self.upsert(override, in: db) }
        try await calendarChanged()
    }

    /// Removes the override of a day; false if there was none.
    @discardableResult
    public func deleteCalendarOverride(_ date: CivilDate) async throws -> Bool {
        let deleted = try await database.write { db in
            guard try await db.first("SELECT day FROM calendar_overrides WHERE day = ?", date.iso) != nil else { return false }
            try await db.execute("DELETE FROM calendar_overrides WHERE day = ?", date.iso)
            return true
        }
        if deleted { try await calendarChanged() }
        return deleted
    }

    static func upsert(_ o: CalendarOverride, in db: any SQLConnection) async throws {
        try await db.execute(
            """
            INSERT INTO calendar_overrides (day, kind, reason, legal_basis, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, legal_basis = excluded.legal_basis
            """, o.date.iso, o.kind.rawValue, o.reason, o.legalBasis, Timestamp.string(Date()))
    }
}
