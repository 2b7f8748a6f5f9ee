import Foundation
import LangNgheCore

extension Store {
    /// Deletes the attachments' bytes that no case still holds: those put by a submission that
    /// failed and those of erased submitters, once stored for longer than the grace. Run by the
    /// retention job. Returns how many files went.
    ///
    /// It reads only what may have become an orphan since it last ran — the files stored since
    /// then (a failed submission's among them) and the files erasures let go of — not every file
    /// ever stored: a million files would be some 2,000 queries every quarter of an hour. A file
    /// still within the grace is left for a later run, whose window holds it.
    @discardableResult
    public func sweepAttachmentContents(now: Date = Date()) async throws -> Int {
        let cutoff = now.addingTimeInterval(-AttachmentContents.grace)
        let from = try await attachmentContents.sweptBefore()
        var deleted = 0
        var after = ""
        while true {
            let page = try await attachmentContents.hashes(storedFrom: from, before: cutoff, after: after, limit: 500)
            guard let last = page.last else { break }
            deleted += try await deleteUnheld(page, storedBefore: cutoff)
            after = last
        }
        while true {
            let released = try await database.read { db in
                try await db.query("SELECT id, sha256 FROM attachment_releases ORDER BY id LIMIT 500")
            }
            guard let last = released.last?.int("id") else { break }
            deleted += try await deleteUnheld(Array(Set(released.compactMap { $0.string("sha256") })), storedBefore: cutoff)
            try await database.write { db in try await db.execute("DELETE FROM attachment_releases WHERE id <= ?", last) }
        }
        if from.map({ $0 < cutoff }) ?? true { try await attachmentContents.markSwept(before: cutoff) }
        return deleted
    }

    /// Deletes those of `hashes` that no living case names.
    private func deleteUnheld(_ hashes: [String], storedBefore cutoff: Date) async throws -> Int {
        guard !hashes.isEmpty else { return 0 }
        let held = try await database.read { db in
            try await db.query(
                """
                SELECT DISTINCT a.sha256 FROM attachments a JOIN petitions p ON p.id = a.petition_id
                JOIN submitters s ON s.id = p.submitter_id
                WHERE s.erased_at IS NULL AND a.sha256 IN (\(hashes.map { _ in "?" }.joined(separator: ", ")))
                """, hashes.map(SQLValue.text))
        }
        let kept = Set(held.compactMap { $0.string("sha256") })
        return try await attachmentContents.delete(hashes.filter { !kept.contains($0) }, storedBefore: cutoff)
    }

    /// Moves the bytes that version 30 found in `attachments` to `AttachmentContents`, a page at
    /// a time (an erased submitter's are dropped, not moved), then drops the emptied column and
    /// the marker in one transaction: a start interrupted before that moves the rest next time.
    func moveAttachmentContents() async throws {
        while true {
            let rows = try await database.read { db in
                try await db.query(
                    """
                    SELECT a.id, a.sha256, a.content, s.erased_at FROM attachments a JOIN petitions p ON p.id = a.petition_id
                    JOIN submitters s ON s.id = p.submitter_id
                    WHERE length(a.content) > 0 ORDER BY a.id LIMIT 50
                    """)
            }
            guard !rows.isEmpty else { break }
            try await attachmentContents.put(
                rows.filter { $0.string("erased_at") == nil }.map { ($0.string("sha256") ?? "", $0.bytes("content") ?? []) }, at: Date())
            let ids = rows.compactMap { $0.int("id") }
            let dialect = self.dialect
            try await database.write { db in
                try await db.overwritingFreedBytes(dialect) {
                    try await db.execute(
                        "UPDATE attachments SET content = ? WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
                        [.blob([])] + ids.map { .int(Int64($0)) })
                }
            }
        }
        try await database.write { db in
            try await db.execute("ALTER TABLE attachments DROP COLUMN content")
            try await db.execute("DELETE FROM reference_versions WHERE name = ?", Migrator.attachmentsPending)
        }
    }
}
