/// Version 8: the case row carries what queues sort and filter on — the answer deadline's due
/// date and instant, its clock's state, the count of clock restarts, the last public update,
/// whether an answer is published — and `case_clocks` every open clock with the agency that
/// owes it. Filled from the events right after the migration (`Store.rebuildProjections`).
extension Schema {
    static let v8CaseReadModels = Migration(
        name: "v8-case-read-models",
        statements: [
            "ALTER TABLE petitions ADD COLUMN due_date TEXT",
            "ALTER TABLE petitions ADD COLUMN due_at TEXT",
            "ALTER TABLE petitions ADD COLUMN clock TEXT NOT NULL DEFAULT 'none'",
            "ALTER TABLE petitions ADD COLUMN restarts INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE petitions ADD COLUMN last_public_at TEXT",
            "ALTER TABLE petitions ADD COLUMN published INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX petitions_due ON petitions (due_at, id)",
            "CREATE INDEX petitions_lead_due ON petitions (lead_agency_code, due_at)",
            """
            CREATE TABLE case_clocks (
                petition_id BIGINT NOT NULL REFERENCES petitions(id), policy TEXT NOT NULL, agency_code TEXT,
                due_date TEXT NOT NULL, due_at TEXT NOT NULL)
            """,
            "CREATE INDEX case_clocks_petition ON case_clocks (petition_id)",
            "CREATE INDEX case_clocks_agency ON case_clocks (agency_code, due_date)",
        ])
}
