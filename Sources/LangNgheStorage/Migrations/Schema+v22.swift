/// Version 22: signed tree heads (issue 11). `log_keys` holds the log's signing keys, the
/// private half sealed with the data key; `log_heads` every head signed.
extension Schema {
    static let v22LogHeads = Migration(
        name: "v22-log-heads",
        statements: [
            "CREATE TABLE log_keys (id {ID}, public_key TEXT NOT NULL, sealed_private_key TEXT NOT NULL, created_at TEXT NOT NULL)",
            """
            CREATE TABLE log_heads (
                size BIGINT PRIMARY KEY, root {BLOB} NOT NULL, signed_at TEXT NOT NULL,
                key_id BIGINT NOT NULL REFERENCES log_keys(id), signature {BLOB} NOT NULL)
            """,
        ])
}
