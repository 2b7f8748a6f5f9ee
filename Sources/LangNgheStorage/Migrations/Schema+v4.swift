/// Version 4: the public portal. Each published answer, as the public may read it (personal
/// data masked, the name only with consent), rewritten with every event of its case; and its
/// full-text index over the folded text, FTS5 in SQLite and a GIN-indexed tsvector in PostgreSQL.
extension Schema {
    static let v4Publication = Migration(
        name: "v4-publication",
        statements: [
            """
            CREATE TABLE published_answers (
                petition_id BIGINT PRIMARY KEY REFERENCES petitions(id), tracking_code TEXT NOT NULL UNIQUE,
                agency_code TEXT, category TEXT NOT NULL, field_code TEXT, status TEXT NOT NULL,
                received_at TEXT NOT NULL, published_at TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL,
                answer TEXT NOT NULL, submitter_name TEXT, useful TEXT, folded TEXT NOT NULL)
            """,
            "CREATE INDEX published_answers_published ON published_answers (published_at)",
            "CREATE INDEX published_answers_agency ON published_answers (agency_code, published_at)",
        ],
        sqliteOnly: [
            // rowid is the petition's id; the folded text is all it holds.
            "CREATE VIRTUAL TABLE published_answers_fts USING fts5(folded, tokenize='unicode61')"
        ],
        postgresqlOnly: [
            "ALTER TABLE published_answers ADD COLUMN search tsvector",
            "CREATE INDEX published_answers_search ON published_answers USING GIN (search)",
        ])
}
