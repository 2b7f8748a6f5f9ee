/// Version 27: notifications (issue 14). `notifications` is the outbox: a row per person and
/// channel, written in the transaction of the event that causes it and sent afterwards by the
/// delivery worker. It holds no address and no text: the address is read (and unsealed) when
/// the message is sent, so that erasing a submitter's details also stops their mail. `message_id`
/// is fixed when the row is written, so every attempt sends the same Message-ID. A reminder
/// (`day` set) is written once per case, kind, day, person and channel. A staff notification
/// waiting for its account's daily digest is folded into the digest row `digest_id`.
///
/// The submitter's channels and language are kept with the petition; staff choose theirs.
extension Schema {
    static let v27Notifications = Migration(
        name: "v27-notifications",
        statements: [
            """
            CREATE TABLE notifications (
                id {ID}, message_id TEXT NOT NULL UNIQUE, petition_id BIGINT REFERENCES petitions(id), sequence INTEGER,
                kind TEXT NOT NULL, staff_id BIGINT REFERENCES staff(id), channel TEXT NOT NULL, language TEXT NOT NULL,
                state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, holder TEXT,
                lease_until TEXT, last_error TEXT, created_at TEXT NOT NULL, sent_at TEXT, day TEXT, digest_id BIGINT)
            """,
            "CREATE INDEX notifications_due ON notifications (state, next_attempt_at)",
            "CREATE INDEX notifications_petition ON notifications (petition_id, id)",
            "CREATE INDEX notifications_staff ON notifications (staff_id, state)",
            "CREATE INDEX notifications_digest ON notifications (digest_id) WHERE digest_id IS NOT NULL",
            """
            CREATE UNIQUE INDEX notifications_reminder ON notifications (petition_id, kind, day, staff_id, channel)
            WHERE day IS NOT NULL
            """,
            "ALTER TABLE petitions ADD COLUMN notify_by TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE petitions ADD COLUMN language TEXT NOT NULL DEFAULT 'vi'",
            "ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE staff ADD COLUMN notify_by TEXT NOT NULL DEFAULT 'email'",
            "ALTER TABLE staff ADD COLUMN digest INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE staff ADD COLUMN language TEXT NOT NULL DEFAULT 'vi'",
        ])
}
