import Foundation
import LangNgheCore

extension Store {
    /// How many events the log holds now.
    public func logSize() async throws -> Int {
        try await database.read { db in try await db.first("SELECT size FROM log_state WHERE id = 1")?.int("size") ?? 0 }
    }

    /// Where a public event is in the log, and its leaf hash; nil when there is no such event or
    /// it is internal (a draft, a note): the public timeline's events are the ones anyone may
    /// ask a proof of, and an internal event's hash is not published.
    public func logEntry(_ code: TrackingCode, sequence: Int) async throws -> (position: Int, leaf: MerkleTree.Hash)? {
        try await database.read { db in
            guard
                let row = try await db.first(
                    """
                    SELECT l.position, l.hash FROM log_leaves l JOIN petitions p ON p.id = l.petition_id
                    JOIN events e ON e.petition_id = l.petition_id AND e.sequence = l.sequence
                    WHERE p.tracking_code = ? AND l.sequence = ? AND e.is_public = 1
                    """, code.description, sequence),
                let position = row.int("position"), let hash = row.bytes("hash")
            else { return nil }
            return (position, hash)
        }
    }

    /// Leaf `index`'s audit path in the tree of the first `size` events, and that tree's root.
    public func inclusionProof(index: Int, size: Int) async throws -> (path: [MerkleTree.Hash], root: MerkleTree.Hash) {
        try await database.read { db in
            let subtree = Self.subtree(in: db)
            var path: [MerkleTree.Hash] = []
            for range in MerkleTree.inclusionRanges(index: index, size: size) {
                path.append(try await MerkleTree.root(of: range, subtree: subtree))
            }
            return (path, try await MerkleTree.root(of: 0..<size, subtree: subtree))
        }
    }

    /// The proof that the tree of `from` events is a prefix of the tree of `to`, and both roots.
    public func consistencyProof(from: Int, to: Int) async throws -> (
        proof: [MerkleTree.Hash], fromRoot: MerkleTree.Hash, toRoot: MerkleTree.Hash
    ) {
        try await database.read { db in
            let subtree = Self.subtree(in: db)
            var proof: [MerkleTree.Hash] = []
            for range in MerkleTree.consistencyRanges(from: from, to: to) {
                proof.append(try await MerkleTree.root(of: range, subtree: subtree))
            }
            return (
                proof, try await MerkleTree.root(of: 0..<from, subtree: subtree), try await MerkleTree.root(of: 0..<to, subtree: subtree)
            )
        }
    }

    /// A complete subtree's root as the log keeps it: a leaf, or a node an append closed.
    private static func subtree(in db: any SQLConnection) -> @Sendable (Int, Int) async throws -> MerkleTree.Hash {
        { level, index in
            let row =
                level == 0
                ? try await db.first("SELECT hash FROM log_leaves WHERE position = ?", Int64(index))
                : try await db.first("SELECT hash FROM log_nodes WHERE level = ? AND idx = ?", Int64(level), Int64(index))
            guard let hash = row?.bytes("hash") else { throw StoreError.unreadable("log: subtree \(level)/\(index) is missing") }
            return hash
        }
    }
}
