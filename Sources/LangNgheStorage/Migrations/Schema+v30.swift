/// Version 30: the attachments' bytes leave the `attachments` table for `AttachmentContents`
/// (issue 12), which a submission writes before its transaction, so that large files never hold
/// up the writer. The rows keep each file's name, type, size and hash; the hash, indexed here,
/// names the bytes. `Store.migrate()` moves the bytes already stored (`attachmentsPending`):
/// on SQLite they go to another file, which SQL in this transaction cannot reach.
extension Schema {
    static let v30AttachmentContents = Migration(
        name: "v30-attachment-contents",
        statements: ["CREATE INDEX attachments_sha256 ON attachments (sha256)"])
}
