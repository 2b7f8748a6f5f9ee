/// Version 5: API keys for Open311 clients, issued by admins; only a hash of each is kept.
extension Schema {
    static let v5APIKeys = Migration(
        name: "v5-api-keys",
        statements: [
            """
            CREATE TABLE api_keys (
                id {ID}, key_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0)
            """
        ])
}
