import Foundation
import LangNgheCore

/// The tamper-evident log of issue 11 (RFC 6962 hashing, `MerkleTree`): every event of every
/// case is a leaf, in the order it was appended. The leaves and the tree's right edge are written
/// in the event's own transaction, so the log never has a gap and never runs behind the events.
enum EventLog {
    /// A leaf's bytes: the event's canonical document (docs/events.md) with its case's tracking
    /// code, `{"case":"PAKN-…","event":{…}}`, so that an event moved to another case is a change.
    static func leafBytes(_ event: PetitionEvent, code: TrackingCode) throws -> [UInt8] {
        try CanonicalJSON.object(["case": .string(code.description), "event": event.canonicalDocument()]).bytes
    }

    static func leafHash(_ event: PetitionEvent, code: TrackingCode) throws -> MerkleTree.Hash {
        MerkleTree.leafHash(try leafBytes(event, code: code))
    }

    /// Adds the leaves of a transaction's events at the end, reading and writing the tree's state
    /// once. PostgreSQL locks the log's one state row, so appends to all cases take turns here
    /// (SQLite's single writer already does): positions have no gaps and follow the commits.
    static func append(
        _ events: [PetitionEvent], code: TrackingCode, petitionID: Int64, dialect: SQLDialect, in db: any SQLConnection
    ) async throws {
        guard !events.isEmpty else { return }
        var frontier = try await state(dialect: dialect, in: db)
        var nodes: [MerkleNode] = []
        for event in events {
            let leaf = try leafHash(event, code: code)
            try await db.execute(
                "INSERT INTO log_leaves (position, petition_id, sequence, hash) VALUES (?, ?, ?, ?)", frontier.size, petitionID,
                event.sequence, leaf)
            nodes += frontier.append(leaf: leaf)
        }
        try await insert(nodes, in: db)
        try await db.execute(
            "UPDATE log_state SET size = ?, frontier = ?, root = ? WHERE id = 1", frontier.size, frontier.hashes.flatMap { $0 },
            frontier.root)
    }

    /// Keeps the subtrees an append closed, in one statement (at most a few hundred rows).
    static func insert(_ nodes: [MerkleNode], in db: any SQLConnection) async throws {
        for chunk in stride(from: 0, to: nodes.count, by: 500).map({ nodes[$0..<min($0 + 500, nodes.count)] }) {
            try await db.execute(
                "INSERT INTO log_nodes (level, idx, hash) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", "),
                chunk.flatMap { [SQLValue.int(Int64($0.level)), .int(Int64($0.index)), .blob($0.hash)] })
        }
    }

    /// Every stored event with its case's tracking code, in the order they were appended (their
    /// ids), a page at a time: for the migration that logs them and for the audit.
    static func forEachStoredEvent(in db: any SQLConnection, _ body: (SQLRow) async throws -> Void) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await db.query(
                """
                SELECT e.id, e.petition_id, p.tracking_code, \(Store.eventColumns)
                FROM events e JOIN petitions p ON p.id = e.petition_id WHERE e.id > ? ORDER BY e.id LIMIT 5000
                """, after)
            for row in rows {
                try await body(row)
                after = Int64(row.int("id") ?? 0)
            }
            if rows.count < 5000 { return }
        }
    }

    /// The log's right edge as stored; one that does not add up is an error, never repaired.
    static func state(dialect: SQLDialect, in db: any SQLConnection) async throws -> MerkleFrontier {
        let select = "SELECT size, frontier FROM log_state WHERE id = 1"
        guard let row = try await db.first(dialect == .postgresql ? select + " FOR UPDATE" : select), let size = row.int("size"),
            let bytes = row.bytes("frontier"), let frontier = MerkleFrontier(size: size, concatenated: bytes)
        else { throw StoreError.unreadable("log_state") }
        return frontier
    }
}

extension MerkleFrontier {
    /// From the stored form: the subtree roots, 32 bytes each, one per bit set in `size`.
    init?(size: Int, concatenated bytes: [UInt8]) {
        guard size >= 0, bytes.count == size.nonzeroBitCount * 32 else { return nil }
        self.init(size: size, hashes: stride(from: 0, to: bytes.count, by: 32).map { Array(bytes[$0..<$0 + 32]) })
    }
}
