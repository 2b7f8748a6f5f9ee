/// Version 17: when a submitter's personal data was erased by the retention policy (the
/// `personalDataErased` event; `Store.project` erases the row and the attachments' contents).
extension Schema {
    static let v17Erasure = Migration(
        name: "v17-erasure",
        statements: [
            "ALTER TABLE submitters ADD COLUMN erased_at TEXT"
        ])
}
