/// Version 16: the submitter's personal data sealed at rest. `data_keys` holds the one data key,
/// sealed under the master key from the settings; each submitter's name, address, phone,
/// e-mail, organisation and tax code is stored sealed under it (`Store+PersonalData`). Rows
/// stored before are sealed by `Store.migrate()` right after this step (it needs the key; the
/// migration leaves a marker for it).
extension Schema {
    static let v16DataKeys = Migration(
        name: "v16-data-keys",
        statements: [
            "CREATE TABLE data_keys (id INTEGER PRIMARY KEY, wrapped TEXT NOT NULL, created_at TEXT NOT NULL)"
        ])
}
