/// Version 1 of the schema: reference data, petitions with their events, staff accounts.
///
/// Conventions for both dialects: instants are UTC text (`Timestamp`), booleans are 0 / 1
/// integers, personal data lives only in `submitters`, and `events` is append-only.
enum Schema {
    static let v1ReferenceData = Migration(
        name: "v1-reference-data",
        statements: [
            """
            CREATE TABLE agencies (
                code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
                kind TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL DEFAULT 0,
                merged_into TEXT REFERENCES agencies(code))
            """,
            """
            CREATE TABLE categories (
                code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
                description_vi TEXT NOT NULL, description_en TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE fields (
                code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE field_categories (
                field_code TEXT NOT NULL REFERENCES fields(code),
                category_code TEXT NOT NULL REFERENCES categories(code),
                PRIMARY KEY (field_code, category_code))
            """,
            "CREATE TABLE reference_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL, loaded_at TEXT NOT NULL)",
        ])

    static let v1Petitions = Migration(
        name: "v1-petitions",
        statements: [
            // Per-year tracking numbers; one row per year, incremented under the row lock.
            "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            """
            CREATE TABLE submitters (
                id {ID}, kind TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
                phone TEXT NOT NULL, email TEXT NOT NULL, organization_name TEXT, tax_code TEXT)
            """,
            // status and lead_agency_code are the events folded, kept in the same transaction as
            // each event so that queues can filter on them.
            """
            CREATE TABLE petitions (
                id {ID}, tracking_code TEXT NOT NULL UNIQUE,
                submitter_id BIGINT NOT NULL REFERENCES submitters(id),
                access_key_hash TEXT NOT NULL, channel TEXT NOT NULL,
                category TEXT NOT NULL REFERENCES categories(code),
                field_code TEXT REFERENCES fields(code),
                agency_code TEXT REFERENCES agencies(code),
                title TEXT NOT NULL, content TEXT NOT NULL, search_text TEXT NOT NULL,
                publish_name INTEGER NOT NULL, received_at TEXT NOT NULL,
                status TEXT NOT NULL, lead_agency_code TEXT REFERENCES agencies(code),
                updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX petitions_received ON petitions (received_at)",
            "CREATE INDEX petitions_status ON petitions (status, received_at)",
            "CREATE INDEX petitions_lead ON petitions (lead_agency_code, status)",
            """
            CREATE TABLE attachments (
                id {ID}, petition_id BIGINT NOT NULL REFERENCES petitions(id),
                position INTEGER NOT NULL, file_name TEXT NOT NULL, media_type TEXT NOT NULL,
                size BIGINT NOT NULL, sha256 TEXT NOT NULL, content {BLOB} NOT NULL)
            """,
            "CREATE INDEX attachments_petition ON attachments (petition_id, position)",
            // The global id gives every event a stable order across cases (the roadmap's Merkle
            // log); sequence orders one case's events.
            """
            CREATE TABLE events (
                id {ID}, petition_id BIGINT NOT NULL REFERENCES petitions(id),
                sequence INTEGER NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL,
                actor_kind TEXT NOT NULL, actor_id BIGINT, agency_code TEXT,
                text TEXT NOT NULL, is_public INTEGER NOT NULL, data TEXT NOT NULL,
                UNIQUE (petition_id, sequence))
            """,
            "CREATE INDEX events_type_at ON events (type, at)",
        ])

    static let v1Staff = Migration(
        name: "v1-staff",
        statements: [
            """
            CREATE TABLE staff (
                id {ID}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                agency_code TEXT NOT NULL REFERENCES agencies(code), role TEXT NOT NULL,
                password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL)
            """
        ])
}
