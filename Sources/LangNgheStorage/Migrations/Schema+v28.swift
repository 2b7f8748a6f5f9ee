/// Version 28: smart assistance (issue 15).
///
/// `case_bands` and `answer_bands` are the locality-sensitive index of similar petitions
/// (`MinHash.bandKeys`): a case's bands from its own text, written when it is received; a
/// published answer's from its masked question, rewritten when it is published again. Looking a
/// text up reads a few index entries per band instead of every petition.
///
/// `submitter_keys` holds a keyed hash (HMAC under the data key) of a submitter's phone and
/// e-mail, never the values, so that a petition repeated by the same person is found without
/// anyone being able to look a phone number up; erasing the submitter's details deletes them.
///
/// `assist_models` keeps the trained model, one row, so that every server instance uses the same.
///
/// The cases already stored are indexed by `Store.migrate()` (`assistancePending`): their
/// submitters' details must be unsealed for the keys, which SQL cannot do.
extension Schema {
    static let v28Assistance = Migration(
        name: "v28-assistance",
        statements: [
            "CREATE TABLE assist_models (id INTEGER PRIMARY KEY, trained_at TEXT NOT NULL, cases INTEGER NOT NULL, bytes {BLOB} NOT NULL)"
        ],
        // Tables that are only their key: SQLite keeps them in the key's own tree (no row id and
        // no second copy in an index), which halves an index of twenty rows per petition.
        sqliteOnly: keyTables.map { $0 + " WITHOUT ROWID" },
        postgresqlOnly: keyTables,
        after: [
            "CREATE INDEX answer_bands_petition ON answer_bands (petition_id)",
            "CREATE INDEX submitter_keys_petition ON submitter_keys (petition_id)",
        ])

    private static let keyTables = [
        "CREATE TABLE case_bands (band BIGINT NOT NULL, petition_id BIGINT NOT NULL, PRIMARY KEY (band, petition_id))",
        "CREATE TABLE answer_bands (band BIGINT NOT NULL, petition_id BIGINT NOT NULL, PRIMARY KEY (band, petition_id))",
        "CREATE TABLE submitter_keys (key TEXT NOT NULL, petition_id BIGINT NOT NULL, PRIMARY KEY (key, petition_id))",
    ]
}
