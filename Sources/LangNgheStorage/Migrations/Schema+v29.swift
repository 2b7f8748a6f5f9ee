/// Version 29: what lets a quarterly report read sums instead of every case (issue 13).
///
/// `period_ends` and `period_end_cases` keep the cases open at the end of a day that a report
/// has ended on (a quarter's last day, usually): each with its lead agency, due date, lateness
/// and restarts as they stood that evening. They depend only on the events up to that day, so
/// they are computed once, from a log of `log_size` leaves; an event appended later that
/// happened on or before that day (the demo's history, a test's fixture) deletes the day's row,
/// and the next report computes it again.
extension Schema {
    static let v29PeriodEnds = Migration(
        name: "v29-period-ends",
        statements: [
            "CREATE TABLE period_ends (day TEXT PRIMARY KEY, ends_at TEXT NOT NULL, log_size BIGINT NOT NULL)",
            "CREATE INDEX period_ends_at ON period_ends (ends_at)",
            """
            CREATE TABLE period_end_cases (
                day TEXT NOT NULL, petition_id BIGINT NOT NULL, tracking_code TEXT NOT NULL, agency_code TEXT NOT NULL,
                due_date TEXT NOT NULL, days_late INTEGER NOT NULL, restarts INTEGER NOT NULL, overdue INTEGER NOT NULL,
                PRIMARY KEY (day, petition_id))
            """,
        ])

    /// The kinds of event a report lists or counts one by one (merges, escalations, decisions,
    /// follow-ups, petitions marked useful): found by `events_type_at` (v1), a seek per kind.
    static let stepTypes = "'merged', 'escalated', 'decided', 'followedUp', 'markedUseful'"
}
