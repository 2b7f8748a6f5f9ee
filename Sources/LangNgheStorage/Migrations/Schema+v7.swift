import Foundation
import LangNgheCore

/// Version 7: typed events. Each event's `data` becomes its body in canonical JSON (the bytes
/// the tamper-evident log will hash), its text moves into the body, and the `text` column goes.
/// The observers invited to each case become a table of their own, so that an observer's queue
/// is an indexed query instead of a `LIKE` over JSON.
extension Schema {
    static let v7TypedEvents = Migration(
        name: "v7-typed-events",
        statements: [
            "CREATE TABLE case_observers (petition_id BIGINT NOT NULL REFERENCES petitions(id), staff_id BIGINT NOT NULL, PRIMARY KEY (staff_id, petition_id))"
        ],
        transform: { db in try await convertLegacyEvents(in: db) },
        after: ["ALTER TABLE events DROP COLUMN text"])

    /// Rewrites every event, a page at a time by id. An event that does not read is an error
    /// that stops the migration (rolled back whole), never a row silently dropped.
    static func convertLegacyEvents(in db: any SQLConnection) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await db.query(
                "SELECT id, petition_id, sequence, type, text, data FROM events WHERE id > ? ORDER BY id LIMIT 1000", after)
            for row in rows {
                guard let id = row.int("id"), let petition = row.int("petition_id"),
                    let type = EventType(rawValue: row.string("type") ?? "")
                else {
                    throw StoreError.unreadable("events row after id \(after)")
                }
                let legacy: [String: String]
                do { legacy = try JSONDecoder().decode([String: String].self, from: Data((row.string("data") ?? "{}").utf8)) } catch {
                    throw StoreError.unreadable("events.data of event \(id)")
                }
                let body = try LegacyEventFormat.body(type: type, text: row.string("text") ?? "", data: legacy)
                try await db.execute("UPDATE events SET data = ? WHERE id = ?", try body.canonicalJSON().text, id)
                if let invited = body as? ObserverInvited {
                    try await db.execute(
                        "INSERT INTO case_observers (petition_id, staff_id) VALUES (?, ?) ON CONFLICT DO NOTHING", petition,
                        invited.observerID)
                }
                after = Int64(id)
            }
            if rows.count < 1000 { return }
        }
    }
}
