/// Version 23: certificates for signed answers (issue 11 §1). One table for LangNghe's own root
/// (`root`, at most one), outside roots an admin trusted when importing a chain (`anchor`), and
/// agencies' signing certificates (`agency`, newest unrevoked one signs). The root's private key
/// is sealed under the CA passphrase, an agency's under the data key; an anchor has none.
/// `published_answers` gains who signed the answer it shows, and when.
extension Schema {
    static let v23Certificates = Migration(
        name: "v23-certificates",
        statements: [
            """
            CREATE TABLE certificates (
                id {ID}, kind TEXT NOT NULL, agency_code TEXT REFERENCES agencies(code), certificate TEXT NOT NULL,
                chain TEXT NOT NULL DEFAULT '', fingerprint TEXT NOT NULL UNIQUE, serial TEXT NOT NULL, subject TEXT NOT NULL,
                not_before TEXT NOT NULL, not_after TEXT NOT NULL, sealed_private_key TEXT, source TEXT NOT NULL,
                created_at TEXT NOT NULL, revoked_at TEXT, revocation_reason TEXT)
            """,
            "CREATE UNIQUE INDEX certificates_one_root ON certificates (kind) WHERE kind = 'root'",
            "CREATE INDEX certificates_agency ON certificates (agency_code, id)",
            "ALTER TABLE published_answers ADD COLUMN signer TEXT",
            "ALTER TABLE published_answers ADD COLUMN signed_at TEXT",
        ])
}
