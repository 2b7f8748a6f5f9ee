/// Version 10: `Idempotency-Key` on API submissions. Only a hash of each key is kept, with a
/// hash of the request it came with and the receipt sealed under a key derived from the
/// client's key, so that a stolen table reveals no access key.
extension Schema {
    static let v10Idempotency = Migration(
        name: "v10-idempotency",
        statements: [
            """
            CREATE TABLE idempotency_keys (
                key_hash TEXT PRIMARY KEY, request_hash TEXT NOT NULL, tracking_code TEXT NOT NULL, sealed_receipt TEXT NOT NULL,
                created_at TEXT NOT NULL)
            """
        ])
}
