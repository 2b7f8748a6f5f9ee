/// Version 15: submission rate limits. One row per petition filed, under each key it counts
/// against (a keyed hash of the client address, of the sender's phone, of the sender's e-mail:
/// never the values themselves); rows older than their window are deleted as new ones come.
extension Schema {
    static let v15RateLimits = Migration(
        name: "v15-rate-limits",
        statements: [
            "CREATE TABLE rate_limit_hits (key TEXT NOT NULL, at TEXT NOT NULL)",
            "CREATE INDEX rate_limit_hits_key ON rate_limit_hits (key, at)",
        ])
}
