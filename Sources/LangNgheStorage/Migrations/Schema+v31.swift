/// Version 31: the attachments' bytes a case let go of (issue 12). Erasing a submitter's data
/// names that case's files here, in the erasure's transaction, so that the retention job's sweep
/// checks those and the files stored since its last run instead of every file ever stored. The
/// number orders them: a sweep deletes only the rows it read, never one an erasure added meanwhile.
extension Schema {
    static let v31AttachmentReleases = Migration(
        name: "v31-attachment-releases",
        statements: ["CREATE TABLE attachment_releases (id {ID}, sha256 TEXT NOT NULL)"])
}
