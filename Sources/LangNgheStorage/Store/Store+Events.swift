import Foundation
import LangNgheCore

extension Store {
    /// Appends the events that `decide` makes of the case as it is now, in one transaction:
    /// the case is locked and read, `decide` applies the workflow's rules to it (throwing to
    /// refuse), the events are appended, and the status and agencies folded from the whole log
    /// are written beside the petition for queues. Two people acting at once take turns.
    public func append(
        to code: TrackingCode, _ decide: @Sendable (CaseState) throws -> [PetitionEvent]
    ) async throws -> (events: [PetitionEvent], state: CaseState) {
        try await database.write { db in
            guard let id = try await db.first(Self.lockPetition(dialect: self.dialect), code.description)?.int("id") else {
                throw StoreError.notFound
            }
            var log = try await Self.events(petitionID: Int64(id), in: db)
            var appended: [PetitionEvent] = []
            for var event in try decide(CaseState(events: log)) {
                event.sequence = log.count + 1
                try await Self.insert(event, petitionID: Int64(id), in: db)
                log.append(event)
                appended.append(event)
            }
            let state = CaseState(events: log)
            try await db.execute(
                "UPDATE petitions SET status = ?, lead_agency_code = ?, awaiting = ?, updated_at = ? WHERE id = ?",
                state.status.rawValue, state.leadAgency, state.awaiting, Timestamp.string(log.last?.at ?? Date()), id)
            try await db.execute("DELETE FROM petition_agencies WHERE petition_id = ?", id)
            for agency in state.involvedAgencies {
                try await db.execute(
                    "INSERT INTO petition_agencies (petition_id, agency_code, role) VALUES (?, ?, ?)",
                    id, agency, agency == state.leadAgency ? "lead" : "coordinating")
            }
            try await Self.republish(petitionID: id, state: state, log: log, dialect: self.dialect, in: db)
            return (appended, state)
        }
    }

    /// Appends events already checked (the demo seeder's history).
    @discardableResult
    public func append(_ events: [PetitionEvent], to code: TrackingCode) async throws -> PetitionStatus {
        try await append(to: code) { _ in events }.state.status
    }

    /// PostgreSQL locks the petition's row for the transaction, so that two staff acting on one
    /// case at once append in turn; SQLite's single writer already serialises them.
    static func lockPetition(dialect: SQLDialect) -> String {
        let select = "SELECT id FROM petitions WHERE tracking_code = ?"
        return dialect == .postgresql ? select + " FOR UPDATE" : select
    }

    static func insert(_ event: PetitionEvent, petitionID: Int64, in db: any SQLConnection) async throws {
        try await db.execute(
            """
            INSERT INTO events (petition_id, sequence, type, at, actor_kind, actor_id, agency_code, text, is_public, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, petitionID, event.sequence, event.type.rawValue, Timestamp.string(event.at), event.actor.kind,
            event.actor.staffID, event.agencyCode, event.text, event.isPublic, canonicalJSON(event.data))
    }

    static func events(petitionID: Int64, in db: any SQLConnection) async throws -> [PetitionEvent] {
        try await db.query(
            """
            SELECT sequence, type, at, actor_kind, actor_id, agency_code, text, is_public, data
            FROM events WHERE petition_id = ? ORDER BY sequence
            """, petitionID
        ).compactMap(PetitionEvent.init(row:))
    }

    /// Sorted keys, no escaped slashes: the same event always serialises to the same bytes
    /// (the roadmap signs and hashes them).
    static func canonicalJSON(_ data: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(data)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

extension PetitionEvent {
    init?(row: SQLRow) {
        guard let type = EventType(rawValue: row.string("type") ?? ""),
            let actor = Actor(kind: row.string("actor_kind") ?? "", staffID: row.int("actor_id").map(Int64.init)),
            let at = Timestamp.date(row.string("at") ?? "")
        else { return nil }
        let data = (try? JSONDecoder().decode([String: String].self, from: Data((row.string("data") ?? "{}").utf8))) ?? [:]
        self.init(
            sequence: row.int("sequence") ?? 0, type: type, at: at, actor: actor, agencyCode: row.string("agency_code"),
            text: row.string("text") ?? "", isPublic: row.bool("is_public"), data: data)
    }
}
