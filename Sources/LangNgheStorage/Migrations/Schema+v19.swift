/// Version 19: what is kept only for a while is found by its age, so that the daily purge
/// (`Store.purgeExpired`) reads no more than it deletes.
extension Schema {
    static let v19Expiry = Migration(
        name: "v19-expiry",
        statements: [
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
            "CREATE INDEX rate_limit_hits_at ON rate_limit_hits (at)",
        ])
}
