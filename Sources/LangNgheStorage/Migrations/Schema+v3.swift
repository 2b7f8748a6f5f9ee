/// Version 3: deadlines. The official calendar's dated overrides (admin-edited, seeded from
/// `calendar-overrides.json`), the reminders the scheduler records, and the leases that let
/// several server instances share one scheduler.
extension Schema {
    static let v3Deadlines = Migration(
        name: "v3-deadlines",
        statements: [
            """
            CREATE TABLE calendar_overrides (
                day TEXT PRIMARY KEY, kind TEXT NOT NULL, reason TEXT NOT NULL, legal_basis TEXT NOT NULL,
                created_at TEXT NOT NULL)
            """,
            // One row per case, kind and day: the unique key is what makes a reminder exactly-once,
            // whichever instance records it.
            """
            CREATE TABLE reminders (
                id {ID}, petition_id BIGINT NOT NULL REFERENCES petitions(id), kind TEXT NOT NULL, day TEXT NOT NULL,
                agency_code TEXT, due_date TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (petition_id, kind, day))
            """,
            "CREATE INDEX reminders_day ON reminders (day, kind)",
            "CREATE TABLE job_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)",
        ])
}
