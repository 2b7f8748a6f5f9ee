/// Version 2: the back office. Which agencies are on each case (for queues), sessions and API
/// tokens (in the database, so that several server instances share them), the security log.
extension Schema {
    static let v2Workflow = Migration(
        name: "v2-workflow",
        statements: [
            // The lead and coordinating agencies, as folded from the events; rewritten with each event.
            """
            CREATE TABLE petition_agencies (
                petition_id BIGINT NOT NULL REFERENCES petitions(id), agency_code TEXT NOT NULL,
                role TEXT NOT NULL, PRIMARY KEY (petition_id, agency_code))
            """,
            "CREATE INDEX petition_agencies_agency ON petition_agencies (agency_code, petition_id)",
            // Only a hash of each session id or token is kept: a stolen table opens nothing.
            """
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY, staff_id BIGINT NOT NULL REFERENCES staff(id), kind TEXT NOT NULL,
                created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL, ip TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_staff ON sessions (staff_id)",
            """
            CREATE TABLE security_log (
                id {ID}, at TEXT NOT NULL, action TEXT NOT NULL, staff_id BIGINT, username TEXT,
                ip TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX security_log_user ON security_log (action, username, at)",
            "CREATE INDEX security_log_ip ON security_log (action, ip, at)",
            "CREATE INDEX events_agency ON events (agency_code, type)",
            // Which step an answer waits for ('approval', 'publication' or ''), folded from the
            // events like the status, for the leaders' approval queue.
            "ALTER TABLE petitions ADD COLUMN awaiting TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX petitions_awaiting ON petitions (awaiting, lead_agency_code)",
        ])
}
