import Foundation
import LangNgheCore

extension Store {
    /// Finished cases whose personal data a retention rule says to erase now: in one of the
    /// rule's statuses, unchanged since the rule's cutoff, not yet erased. Oldest first.
    public func casesDueForErasure(_ rule: RetentionPolicy.Rule, now: Date, limit: Int = 500) async throws -> [TrackingCode] {
        guard !rule.statuses.isEmpty else { return [] }
        return try await database.read { db in
            try await db.query(
                """
                SELECT p.tracking_code FROM petitions p JOIN submitters s ON s.id = p.submitter_id
                WHERE s.erased_at IS NULL AND p.status IN (\(rule.statuses.map { _ in "?" }.joined(separator: ", "))) AND p.updated_at < ?
                ORDER BY p.updated_at, p.id LIMIT ?
                """, rule.statuses.map { .text($0.rawValue) } + [.text(Timestamp.string(rule.cutoff(now: now))), .int(Int64(limit))]
            ).compactMap { TrackingCode($0.string("tracking_code") ?? "") }
        }
    }

    /// What the `personalDataErased` event means for the stored rows, done in its transaction
    /// (and again, harmlessly, when read models are rebuilt): the submitter's details emptied,
    /// the attachments' names removed (their size and hash stay as the record) and their bytes
    /// no longer served, then deleted by the next `sweepAttachmentContents` (named for it in
    /// `attachment_releases`). SQLite overwrites the freed bytes, so that no copy of the file
    /// keeps them.
    func erasePersonalData(petitionID id: Int, at: Date?, in db: any SQLConnection) async throws {
        try await db.overwritingFreedBytes(dialect) {
            try await db.execute(
                """
                UPDATE submitters SET name = '', address = '', phone = '', email = '', organization_name = NULL, tax_code = NULL,
                    erased_at = COALESCE(erased_at, ?)
                WHERE id = (SELECT submitter_id FROM petitions WHERE id = ?)
                """, Timestamp.string(at ?? Date()), id)
            try await db.execute("UPDATE attachments SET file_name = '' WHERE petition_id = ?", id)
            try await db.execute(
                "INSERT INTO attachment_releases (sha256) SELECT DISTINCT sha256 FROM attachments WHERE petition_id = ?", id)
            try await db.execute("DELETE FROM submitter_keys WHERE petition_id = ?", id)
        }
    }

    /// How long an `Idempotency-Key` answers with its first receipt: a client retries within
    /// minutes, and the receipt it replays carries an access key.
    public static let idempotencyLifetime: TimeInterval = 86_400
    /// The longest window of the submission limits.
    public static let rateLimitLifetime: TimeInterval = 86_400

    /// Deletes what is kept only for a while: idempotency receipts and rate-limit counts past
    /// their lifetime. Returns how many rows of each went.
    @discardableResult
    public func purgeExpired(now: Date) async throws -> (idempotencyKeys: Int, rateLimitHits: Int) {
        try await database.write { db in
            let keys = try await db.query(
                "DELETE FROM idempotency_keys WHERE created_at < ? RETURNING key_hash",
                Timestamp.string(now.addingTimeInterval(-Self.idempotencyLifetime))
            ).count
            let hits = try await db.query(
                "DELETE FROM rate_limit_hits WHERE at < ? RETURNING key", Timestamp.string(now.addingTimeInterval(-Self.rateLimitLifetime))
            ).count
            return (keys, hits)
        }
    }
}
