import Foundation
import LangNgheCore

/// The read models kept beside the events: written in the same transaction as each event
/// (`project`), and rebuilt from the events alone by `rebuildProjections` (the command
/// `langnghe projections rebuild`, and after a migration that adds one).
extension Store {
    /// The deadline engine over the calendar in the database.
    public func deadlineEngine() async throws -> DeadlineEngine {
        if let engine = engineCache.withLock({ $0 }) { return engine }
        let engine = DeadlineEngine(calendar: WorkingCalendar(overrides: try await calendarOverrides()), policies: policies)
        engineCache.withLock { $0 = engine }
        return engine
    }

    /// Inside a transaction: the engine, reading the calendar through `db` if not cached.
    func deadlineEngine(in db: any SQLConnection) async throws -> DeadlineEngine {
        if let engine = engineCache.withLock({ $0 }) { return engine }
        let engine = DeadlineEngine(calendar: WorkingCalendar(overrides: try await Self.calendarOverrides(in: db)), policies: policies)
        engineCache.withLock { $0 = engine }
        return engine
    }

    /// After the calendar changed: every open case's due dates move with it.
    func calendarChanged() async throws {
        engineCache.withLock { $0 = nil }
        try await rebuildProjections(where: "p.status NOT IN ('closed', 'rejected')")
    }

    /// Recomputes the read models of every case (or of those matching `condition`) from their
    /// events, a page of cases per transaction. Returns how many cases it read.
    @discardableResult
    public func rebuildProjections(where condition: String = "1 = 1") async throws -> Int {
        var after = 0
        var count = 0
        while true {
            let from = after
            let (last, done) = try await database.write { db -> (Int?, Int) in
                let ids = try await db.query(
                    "SELECT p.id FROM petitions p WHERE \(condition) AND p.id > ? ORDER BY p.id LIMIT 500", from
                ).compactMap { $0.int("id") }
                for id in ids {
                    let log = try await Self.events(petitionID: Int64(id), in: db)
                    try await self.project(petitionID: id, state: CaseState(events: log), log: log, in: db)
                }
                return (ids.last, ids.count)
            }
            count += done
            guard let last, done == 500 else { return count }
            after = last
        }
    }

    /// The due-order key of a case without a running deadline: after every timestamp.
    static let noDeadlineSort = "~"

    /// The read models of one case, rewritten from its log: status, agencies and clocks for
    /// queues, the observers invited, and the public record.
    ///
    /// `fresh`: the case was inserted in this transaction, so it has no read model rows to
    /// replace (the bulk path skips the deletes and reads).
    /// `document`: the published copy's search document, when the caller has made it already.
    func project(
        petitionID id: Int, state: CaseState, log: [PetitionEvent], fresh: Bool = false, document: SearchDocument? = nil,
        in db: any SQLConnection
    ) async throws {
        guard let row = try await db.first("SELECT field_code, category, received_at FROM petitions WHERE id = ?", id),
            let category = PetitionCategory(rawValue: row.string("category") ?? "")
        else { throw StoreError.unreadable("petitions \(id)") }
        let engine = try await deadlineEngine(in: db)
        let clocks = CaseClocks(
            events: log, fieldCode: row.string("field_code"), category: category, leadAgency: state.leadAgency, engine: engine)
        let lastPublic = log.last(where: \.isPublic)?.at
        let dueSort = clocks.dueAt.map(Timestamp.string) ?? Self.noDeadlineSort
        try await db.execute(
            """
            UPDATE petitions SET status = ?, lead_agency_code = ?, awaiting = ?, updated_at = ?, due_date = ?, due_at = ?, due_sort = ?, clock = ?,
                restarts = ?, last_public_at = ?, published = ?
            WHERE id = ?
            """,
            state.status.rawValue, state.leadAgency, state.awaiting, Timestamp.string(log.last?.at ?? Date()), clocks.dueDate?.iso,
            clocks.dueAt.map(Timestamp.string), dueSort, clocks.state, state.clockRestarts, lastPublic.map(Timestamp.string),
            state.answersPublished > 0, id)
        if !fresh { try await db.execute("DELETE FROM petition_agencies WHERE petition_id = ?", id) }
        for agency in state.involvedAgencies {
            try await db.execute(
                """
                INSERT INTO petition_agencies (petition_id, agency_code, role, status, due_date, due_sort, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                id, agency, agency == state.leadAgency ? "lead" : "coordinating", state.status.rawValue, clocks.dueDate?.iso, dueSort,
                row.string("received_at") ?? "")
        }
        if !fresh { try await db.execute("DELETE FROM case_observers WHERE petition_id = ?", id) }
        for observer in state.invitedObservers.sorted() {
            try await db.execute("INSERT INTO case_observers (petition_id, staff_id) VALUES (?, ?)", id, observer)
        }
        if !fresh { try await db.execute("DELETE FROM case_clocks WHERE petition_id = ?", id) }
        for owed in clocks.owed {
            try await db.execute(
                "INSERT INTO case_clocks (petition_id, policy, agency_code, due_date, due_at) VALUES (?, ?, ?, ?, ?)",
                id, owed.policy, owed.agencyCode, owed.dueDate.iso, Timestamp.string(owed.dueAt))
        }
        if state.personalDataErased {
            try await erasePersonalData(petitionID: id, at: log.last { $0.type == .personalDataErased }?.at, in: db)
        }
        try await republish(petitionID: id, state: state, log: log, fresh: fresh, document: document, in: db)
        try await Self.recordFacts(
            petitionID: id, StatisticsFact.facts(of: log, category: category, fieldCode: row.string("field_code"), engine: engine),
            fresh: fresh,
            in: db)
    }
}
