import Foundation
import LangNgheCore

extension Store {
    /// How many events the log holds now.
    public func logSize() async throws -> Int {
        try await database.read { db in try await db.first("SELECT size FROM log_state WHERE id = 1")?.int("size") ?? 0 }
    }

    /// Where an event is in the log, and its leaf hash; nil when there is no such event.
    public func logEntry(_ code: TrackingCode, sequence: Int) async throws -> (position: Int, leaf: MerkleTree.Hash)? {
        try await database.read { db in
            guard
                let row = try await db.first(
                    """
                    SELECT l.position, l.hash FROM log_leaves l JOIN petitions p ON p.id = l.petition_id
                    WHERE p.tracking_code = ? AND l.sequence = ?
                    """, code.description, sequence),
                let position = row.int("position"), let hash = row.bytes("hash")
            else { return nil }
            return (position, hash)
        }
    }

    /// The first `size` leaf hashes, in order: what a proof is computed from. (Reading them all
    /// is linear in the log; keeping the roots of complete subtrees would make it logarithmic.)
    public func logLeaves(upTo size: Int) async throws -> [MerkleTree.Hash] {
        try await database.read { db in
            try await db.query("SELECT hash FROM log_leaves WHERE position < ? ORDER BY position", size).map { $0.bytes("hash") ?? [] }
        }
    }
}
