import Foundation
import LangNgheCore

extension Store {
    /// Appends the events that `decide` makes of the case as it is now, in one transaction:
    /// the case is locked and read, `decide` applies the workflow's rules to it (throwing to
    /// refuse), the events are appended, the read models folded from the whole log are written
    /// beside the petition, and the audit line, if any, is written with them: all or nothing.
    /// Two people acting at once take turns.
    public func append(
        to code: TrackingCode, audit: SecurityLogEntry? = nil, _ decide: @escaping @Sendable (CaseState) throws -> [PetitionEvent]
    ) async throws -> (events: [PetitionEvent], state: CaseState) {
        try await database.write { db in
            guard let id = try await db.first(Self.lockPetition(dialect: self.dialect), code.description)?.int("id") else {
                throw StoreError.notFound
            }
            var log = try await Self.events(petitionID: Int64(id), in: db)
            var appended: [PetitionEvent] = []
            for var event in try decide(CaseState(events: log)) {
                event.sequence = log.count + 1
                log.append(event)
                appended.append(event)
            }
            try await Self.insert(
                try appended.map { ($0, try $0.canonicalData().text) }, code: code, petitionID: Int64(id), dialect: self.dialect, in: db)
            let state = CaseState(events: log)
            try await self.project(petitionID: id, state: state, log: log, in: db)
            // The outbox: the people told of these events, in the events' own transaction.
            try await Self.recordNotices(
                NoticeRules.notices(for: appended, after: state), petitionID: id, now: appended.last?.at ?? Date(), in: db)
            if let audit { try await Self.insert(audit, in: db) }
            return (appended, state)
        }
    }

    /// Appends events already checked (the demo seeder's history, tests' fixtures).
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

    /// Writes a transaction's events, each with its `data` already in canonical JSON
    /// (docs/events.md), and their leaves in the tamper-evident log.
    static func insert(
        _ events: [(event: PetitionEvent, data: String)], code: TrackingCode, petitionID: Int64, dialect: SQLDialect,
        in db: any SQLConnection
    ) async throws {
        for (event, data) in events {
            try await db.execute(
                """
                INSERT INTO events (petition_id, sequence, type, at, actor_kind, actor_id, agency_code, is_public, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, petitionID, event.sequence, event.type.rawValue, Timestamp.string(event.at), event.actor.kind,
                event.actor.staffID, event.agencyCode, event.isPublic, data)
        }
        try await EventLog.append(events.map(\.event), code: code, petitionID: petitionID, dialect: dialect, in: db)
        // An event on or before a day whose open cases are kept changes them: computed again.
        if let earliest = events.map(\.event.at).min() {
            try await db.execute("DELETE FROM period_ends WHERE ends_at > ?", Timestamp.string(earliest))
        }
    }

    /// The columns every event query selects.
    static let eventColumns = "e.sequence, e.type, e.at, e.actor_kind, e.actor_id, e.agency_code, e.is_public, e.data"

    static func events(petitionID: Int64, in db: any SQLConnection) async throws -> [PetitionEvent] {
        let rows = try await db.query("SELECT \(eventColumns) FROM events e WHERE e.petition_id = ? ORDER BY e.sequence", petitionID)
        return try rows.map(PetitionEvent.init(row:))
    }
}

extension PetitionEvent {
    /// Reads an event row; one that cannot be read throws (`UnreadableEvent`).
    init(row: SQLRow) throws {
        self = try PetitionEvent.stored(
            sequence: row.int("sequence") ?? 0, type: row.string("type") ?? "", at: row.string("at") ?? "",
            actorKind: row.string("actor_kind") ?? "", actorID: row.int("actor_id").map(Int64.init), agencyCode: row.string("agency_code"),
            isPublic: row.bool("is_public"), data: row.string("data") ?? "")
    }
}
