import Foundation
import LangNgheCore

/// Version 21: the tamper-evident log (issue 11). `log_leaves` holds each event's leaf hash at
/// its position; `log_state` the tree's size, right edge and root. Events already stored become
/// the first leaves, in the order they were appended (their ids).
extension Schema {
    static let v21EventLog = Migration(
        name: "v21-event-log",
        statements: [
            """
            CREATE TABLE log_leaves (
                position BIGINT PRIMARY KEY, petition_id BIGINT NOT NULL REFERENCES petitions(id),
                sequence INTEGER NOT NULL, hash {BLOB} NOT NULL, UNIQUE (petition_id, sequence))
            """,
            "CREATE TABLE log_state (id INTEGER PRIMARY KEY CHECK (id = 1), size BIGINT NOT NULL, frontier {BLOB} NOT NULL, root {BLOB} NOT NULL)",
        ],
        transform: { db in try await logStoredEvents(in: db) })

    /// Every stored event becomes a leaf, in the order it was appended.
    static func logStoredEvents(in db: any SQLConnection) async throws {
        var frontier = MerkleFrontier()
        try await EventLog.forEachStoredEvent(in: db) { row in
            guard let petition = row.int("petition_id"), let code = row.string("tracking_code").flatMap(TrackingCode.init) else {
                throw StoreError.unreadable("events row \(row.int("id") ?? 0)")
            }
            let event = try PetitionEvent(row: row)
            let leaf = try EventLog.leafHash(event, code: code)
            try await db.execute(
                "INSERT INTO log_leaves (position, petition_id, sequence, hash) VALUES (?, ?, ?, ?)", frontier.size, petition,
                event.sequence, leaf)
            frontier.append(leaf: leaf)
        }
        try await db.execute(
            "INSERT INTO log_state (id, size, frontier, root) VALUES (1, ?, ?, ?)", frontier.size, frontier.hashes.flatMap { $0 },
            frontier.root)
    }
}
