import Foundation
import LangNgheCore

extension Store {
    /// Brings a case's statistics facts and the rollups in step with `facts`, its facts now.
    /// An appended event usually only adds facts: then only those are written.
    static func recordFacts(petitionID id: Int, _ facts: [StatisticsFact], fresh: Bool = false, in db: any SQLConnection) async throws {
        let stored = fresh
            ? [] : try await db.query("SELECT day, agency_code, category, measure, detail FROM case_facts WHERE petition_id = ?", id).map(StatisticsFact.init(row:))
        var removed: [StatisticsFact: Int] = [:]
        var added: [StatisticsFact: Int] = [:]
        for fact in stored { removed[fact, default: 0] += 1 }
        for fact in facts {
            if let n = removed[fact] {
                removed[fact] = n > 1 ? n - 1 : nil
            } else {
                added[fact, default: 0] += 1
            }
        }
        guard !removed.isEmpty || !added.isEmpty else { return }
        if !removed.isEmpty {
            // Rare (a calendar change moved an answer's lateness): rewrite the case's facts.
            try await db.execute("DELETE FROM case_facts WHERE petition_id = ?", id)
            added = [:]
            for fact in facts { added[fact, default: 0] += 1 }
            for fact in stored { added[fact, default: 0] -= 1 }
            for (fact, n) in added where n != 0 {
                try await rollup(fact, by: n, in: db)
                if n < 0 {
                    try await db.execute(
                        "DELETE FROM rollups WHERE day = ? AND agency_code = ? AND category = ? AND measure = ? AND detail = ? AND count = 0",
                        fact.day.iso, fact.agencyCode, fact.category.rawValue, fact.measure.rawValue, fact.detail)
                }
            }
            for fact in facts { try await insert(fact, petitionID: id, in: db) }
        } else {
            for (fact, n) in added.sorted(by: { $0.key < $1.key }) {
                for _ in 0..<n { try await insert(fact, petitionID: id, in: db) }
                try await rollup(fact, by: n, in: db)
            }
        }
    }

    private static func insert(_ fact: StatisticsFact, petitionID id: Int, in db: any SQLConnection) async throws {
        try await db.execute(
            "INSERT INTO case_facts (petition_id, day, agency_code, category, measure, detail) VALUES (?, ?, ?, ?, ?, ?)",
            id, fact.day.iso, fact.agencyCode, fact.category.rawValue, fact.measure.rawValue, fact.detail)
    }

    private static func rollup(_ fact: StatisticsFact, by delta: Int, in db: any SQLConnection) async throws {
        try await db.execute(
            """
            INSERT INTO rollups (day, agency_code, category, measure, detail, count) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, agency_code, category, measure, detail) DO UPDATE SET count = rollups.count + excluded.count
            """, fact.day.iso, fact.agencyCode, fact.category.rawValue, fact.measure.rawValue, fact.detail, delta)
    }

    /// The rollups of a period, summed per month, agency, category, measure and detail; for one
    /// agency if given.
    public func rollupCounts(_ period: ClosedRange<CivilDate>, agency: String? = nil) async throws -> [Rollup.Count] {
        try await database.read { db in
            // Categories matter only for the receipts' mix: summing the rest over them returns
            // a third of the rows.
            var sql = """
                SELECT substr(day, 1, 7) AS month, agency_code, CASE WHEN measure IN ('submitted', 'received') THEN category END AS category,
                    measure, detail, CAST(SUM(count) AS BIGINT) AS n
                FROM rollups WHERE day >= ? AND day <= ?
                """
            var arguments: [SQLValue] = [.text(period.lowerBound.iso), .text(period.upperBound.iso)]
            if let agency {
                sql += " AND agency_code = ?"
                arguments.append(.text(agency))
            }
            sql += " GROUP BY substr(day, 1, 7), agency_code, CASE WHEN measure IN ('submitted', 'received') THEN category END, measure, detail"
            return try await db.query(sql, arguments).map { row in
                guard let month = row.string("month"), let agency = row.string("agency_code"),
                    let measure = StatisticsFact.Measure(rawValue: row.string("measure") ?? ""), let n = row.int("n")
                else { throw StoreError.unreadable("rollups") }
                let category = try row.string("category").map { text in
                    guard let category = PetitionCategory(rawValue: text) else { throw StoreError.unreadable("rollups.category") }
                    return category
                }
                return Rollup.Count(month: month, agencyCode: agency, category: category, measure: measure, detail: row.string("detail") ?? "", count: n)
            }
        }
    }

    /// How many cases are late now, per agency: overdue answers and unanswered coordination.
    public func currentLateCounts(today: CivilDate) async throws -> [Statistics.CurrentCount] {
        let perAgency = policies.filter(\.perAgency).map(\.code)
        return try await database.read { db in
            var counts: [Statistics.CurrentCount] = []
            for row in try await db.query(
                "SELECT lead_agency_code, COUNT(*) AS n FROM petitions WHERE due_date < ? GROUP BY lead_agency_code", today.iso)
            {
                counts.append(.init(reason: .overdueCases, agencyCode: row.string("lead_agency_code") ?? Agency.governmentOfficeCode, count: row.int("n") ?? 0))
            }
            guard !perAgency.isEmpty else { return counts }
            for row in try await db.query(
                """
                SELECT agency_code, COUNT(*) AS n FROM case_clocks WHERE policy IN (\(perAgency.map { _ in "?" }.joined(separator: ", ")))
                AND due_date < ? AND agency_code IS NOT NULL GROUP BY agency_code
                """, perAgency.map { .text($0) } + [.text(today.iso)])
            {
                counts.append(.init(reason: .unansweredCoordination, agencyCode: row.string("agency_code") ?? "", count: row.int("n") ?? 0))
            }
            return counts
        }
    }

    /// The cases behind the naming reasons: the period's facts, and when `today` is given
    /// (the period includes it) the cases late now, from the case rows and their open clocks.
    public func namingEvidence(_ period: ClosedRange<CivilDate>, today: CivilDate?) async throws -> [Statistics.Evidence] {
        let perAgency = policies.filter(\.perAgency).map(\.code)
        return try await database.read { db in
            var evidence: [Statistics.Evidence] = []
            let measures = StatisticsFact.Measure.allCases.filter { Rollup.namingReason(of: $0) != nil }
            for row in try await db.query(
                """
                SELECT f.measure, f.agency_code, p.tracking_code FROM case_facts f JOIN petitions p ON p.id = f.petition_id
                WHERE f.measure IN (\(measures.map { _ in "?" }.joined(separator: ", "))) AND f.day >= ? AND f.day <= ?
                ORDER BY p.received_at, p.id
                """, measures.map { .text($0.rawValue) } + [.text(period.lowerBound.iso), .text(period.upperBound.iso)])
            {
                guard let reason = StatisticsFact.Measure(rawValue: row.string("measure") ?? "").flatMap(Rollup.namingReason(of:)),
                    let agency = row.string("agency_code"), let code = row.string("tracking_code")
                else { throw StoreError.unreadable("case_facts") }
                evidence.append(.init(reason: reason, agencyCode: agency, trackingCode: code, current: false))
            }
            guard let today else { return evidence }
            for row in try await db.query(
                "SELECT lead_agency_code, tracking_code FROM petitions WHERE due_date < ? ORDER BY received_at, id", today.iso)
            {
                evidence.append(.init(
                    reason: .overdueCases, agencyCode: row.string("lead_agency_code") ?? Agency.governmentOfficeCode,
                    trackingCode: row.string("tracking_code") ?? "", current: true))
            }
            for row in try await db.query(
                """
                SELECT lead_agency_code, tracking_code FROM petitions
                WHERE restarts >= ? AND status NOT IN ('answered', 'closed', 'rejected') ORDER BY received_at, id
                """, Self.prolongedRestarts)
            {
                evidence.append(.init(
                    reason: .prolongedCases, agencyCode: row.string("lead_agency_code") ?? Agency.governmentOfficeCode,
                    trackingCode: row.string("tracking_code") ?? "", current: true))
            }
            guard !perAgency.isEmpty else { return evidence }
            for row in try await db.query(
                """
                SELECT c.agency_code, p.tracking_code FROM case_clocks c JOIN petitions p ON p.id = c.petition_id
                WHERE c.policy IN (\(perAgency.map { _ in "?" }.joined(separator: ", "))) AND c.due_date < ? AND c.agency_code IS NOT NULL
                ORDER BY p.received_at, p.id
                """, perAgency.map { .text($0) } + [.text(today.iso)])
            {
                evidence.append(.init(
                    reason: .unansweredCoordination, agencyCode: row.string("agency_code") ?? "", trackingCode: row.string("tracking_code") ?? "",
                    current: true))
            }
            return evidence
        }
    }
}

/// A case whose answer clock was restarted twice or more without an answer.
public struct ProlongedCase: Sendable, Hashable {
    public let trackingCode: TrackingCode
    public let agencyCode: String
    public let restarts: Int
}

extension Store {
    /// Restarts without an answer that make a case prolonged.
    public static let prolongedRestarts = 2

    /// The prolonged cases now, the most restarted first.
    public func prolongedCases(limit: Int = 200) async throws -> [ProlongedCase] {
        try await database.read { db in
            try await db.query(
                """
                SELECT tracking_code, lead_agency_code, restarts FROM petitions
                WHERE restarts >= ? AND status NOT IN ('answered', 'closed', 'rejected') ORDER BY restarts DESC, received_at, id LIMIT ?
                """, Self.prolongedRestarts, limit
            ).map { row in
                guard let code = TrackingCode(row.string("tracking_code") ?? ""), let restarts = row.int("restarts") else {
                    throw StoreError.unreadable("petitions.restarts")
                }
                return ProlongedCase(trackingCode: code, agencyCode: row.string("lead_agency_code") ?? Agency.governmentOfficeCode, restarts: restarts)
            }
        }
    }
}

extension StatisticsFact {
    init(row: SQLRow) throws {
        guard let day = CivilDate(iso: row.string("day") ?? ""), let agency = row.string("agency_code"),
            let category = PetitionCategory(rawValue: row.string("category") ?? ""),
            let measure = Measure(rawValue: row.string("measure") ?? "")
        else { throw StoreError.unreadable("case_facts") }
        self.init(day: day, agencyCode: agency, category: category, measure: measure, detail: row.string("detail") ?? "")
    }
}
