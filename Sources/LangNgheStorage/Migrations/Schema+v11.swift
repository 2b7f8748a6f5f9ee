/// Version 11: search ranked in the database. The index holds four fields of each published
/// answer (`SearchDocument`): folded title, folded body, syllable pairs and the words as written.
/// SQLite ranks with FTS5 (bm25 then, `langnghe_rank` since) over them, PostgreSQL with ts_rank over a weighted tsvector;
/// only a page of rows leaves the database. Filled by the rebuild after the migration.
extension Schema {
    static let v11SearchIndex = Migration(
        name: "v11-search-index",
        statements: [],
        sqliteOnly: [
            "DROP TABLE published_answers_fts",
            // rowid is the petition's id. Tokens keep their accents (the exact field needs them;
            // the folded fields have none).
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, pairs, exact, tokenize = 'unicode61 remove_diacritics 0')",
        ],
        postgresqlOnly: [
            "ALTER TABLE published_answers DROP COLUMN search",
            "ALTER TABLE published_answers ADD COLUMN search tsvector",
            "CREATE INDEX published_answers_search ON published_answers USING GIN (search)",
        ])
}
