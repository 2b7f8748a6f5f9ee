/// Version 18: a second factor for staff (TOTP, RFC 6238). The shared secret is sealed under the
/// data key like the submitters' details; `totp_last_step` refuses a code used once already;
/// recovery codes are kept as hashes and used once each. A session made by a password alone,
/// for an account that must have a second factor and has none yet, is `enrol` only: it opens
/// the enrolment page and nothing else.
extension Schema {
    static let v18SecondFactor = Migration(
        name: "v18-second-factor",
        statements: [
            "ALTER TABLE staff ADD COLUMN totp_secret TEXT",
            "ALTER TABLE staff ADD COLUMN totp_enabled_at TEXT",
            "ALTER TABLE staff ADD COLUMN totp_last_step BIGINT",
            """
            CREATE TABLE recovery_codes (
                staff_id BIGINT NOT NULL REFERENCES staff(id), code_hash TEXT NOT NULL, used_at TEXT, PRIMARY KEY (staff_id, code_hash))
            """,
            "ALTER TABLE sessions ADD COLUMN enrol_only INTEGER NOT NULL DEFAULT 0",
        ])
}
