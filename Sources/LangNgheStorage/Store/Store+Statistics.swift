import Foundation
import LangNgheCore

extension Store {
    /// Brings a case's statistics facts and the rollups in step with `facts`, its facts now.
    /// An appended event usually only adds facts: then only those are written.
    static func recordFacts(petitionID id: Int, _ facts: [StatisticsFact], fresh: Bool = false, in db: any SQLConnection) async throws {
        let stored =
            fresh
            ? []
            : try await db.query("SELECT day, agency_code, category, measure, detail FROM case_facts WHERE petition_id = ?", id).map(
                StatisticsFact.init(row:))
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
                    try await db.execute(
                        "DELETE FROM rollups_monthly WHERE month = ? AND agency_code = ? AND category = ? AND measure = ? AND detail = ? AND count = 0",
                        fact.month, fact.agencyCode, fact.monthlyCategory, fact.measure.rawValue, fact.detail)
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
        try await db.execute(
            """
            INSERT INTO rollups_monthly (month, agency_code, category, measure, detail, count) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (month, agency_code, category, measure, detail) DO UPDATE SET count = rollups_monthly.count + excluded.count
            """, fact.month, fact.agencyCode, fact.monthlyCategory, fact.measure.rawValue, fact.detail, delta)
    }

    /// The rollups of a period, summed per agency, category (receipts only), measure and detail,
    /// and per month for the measures drawn month by month (`Rollup.isSeries`); for one agency
    /// if given. The period's whole months are read from the monthly sums, its partial first and
    /// last months from the days.
    public func rollupCounts(_ period: ClosedRange<CivilDate>, agency: String? = nil) async throws -> [Rollup.Count] {
        let split = MonthSplit(period)
        let series = "measure IN ('submitted', 'received', 'answered')"
        return try await database.read { db in
            var parts: [(sql: String, arguments: [SQLValue], sign: Int)] = []
            // SQLite: the whole months' rows are summed here rather than by GROUP BY, which
            // compares five text columns per row (20 ms for a year's 24,000 rows at 100,000
            // petitions, where reading them is 3). PostgreSQL groups faster than it sends the
            // rows (a year: 43 ms grouped there, 68 ms summed here).
            var sums: [Rollup.Count: Int] = [:]
            if let months = split.wholeMonths, dialect == .postgresql {
                let month = "CASE WHEN \(series) THEN month ELSE '' END"
                parts.append(
                    (
                        "SELECT \(month) AS month, agency_code, category, measure, detail, CAST(SUM(count) AS BIGINT) AS n FROM rollups_monthly "
                            + "WHERE month >= ? AND month <= ?",
                        [.text(months.lowerBound), .text(months.upperBound)], 1
                    ))
            } else if let months = split.wholeMonths {
                var sql =
                    "SELECT month, agency_code, category, measure, detail, count AS n FROM rollups_monthly WHERE month >= ? AND month <= ?"
                var arguments: [SQLValue] = [.text(months.lowerBound), .text(months.upperBound)]
                if let agency {
                    sql += " AND agency_code = ?"
                    arguments.append(.text(agency))
                }
                for row in try await db.query(sql, arguments) {
                    let count = try Rollup.Count(row: row)
                    sums[count.withCount(0).summedOverMonths, default: 0] += count.count
                }
            }
            for (days, sign) in split.addedDays.map({ ($0, 1) }) + split.subtractedDays.map({ ($0, -1) }) {
                let month = "CASE WHEN \(series) THEN substr(day, 1, 7) ELSE '' END"
                parts.append(
                    (
                        "SELECT \(month) AS month, agency_code, CASE WHEN measure IN ('submitted', 'received') THEN category ELSE '' END AS category, "
                            + "measure, detail, CAST(SUM(count) AS BIGINT) AS n FROM rollups WHERE day >= ? AND day <= ?",
                        [.text(days.lowerBound.iso), .text(days.upperBound.iso)], sign
                    ))
            }
            // The same sum can come from the whole months and from the days: added here.
            for (sql, arguments, sign) in parts {
                var sql = sql
                var arguments = arguments
                if let agency {
                    sql += " AND agency_code = ?"
                    arguments.append(.text(agency))
                }
                sql += " GROUP BY 1, 2, 3, 4, 5"
                for count in try await db.query(sql, arguments).map(Rollup.Count.init(row:)) {
                    sums[count.withCount(0), default: 0] += sign * count.count
                }
            }
            // A sum that the days taken away bring to nothing is not a figure.
            sums = sums.filter { $0.value != 0 }
            return sums.map { $0.key.withCount($0.value) }
        }
    }

    /// How many cases are late now, per agency: overdue answers and unanswered coordination.
    public func currentLateCounts(today: CivilDate) async throws -> [Statistics.CurrentCount] {
        let perAgency = policies.filter(\.perAgency).map(\.code)
        return try await database.read { db in
            // Counted here rather than by GROUP BY, which SQLite answers by walking every case
            // in agency order instead of the few overdue ones by their due-date index.
            var overdue: [String: Int] = [:]
            for row in try await db.query("SELECT lead_agency_code FROM petitions WHERE due_date < ?", today.iso) {
                overdue[row.string("lead_agency_code") ?? Agency.governmentOfficeCode, default: 0] += 1
            }
            var counts = overdue.sorted { $0.key < $1.key }.map {
                Statistics.CurrentCount(reason: .overdueCases, agencyCode: $0.key, count: $0.value)
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

    /// The cases behind the naming reasons, by petition number: the period's facts, and when
    /// `today` is given (the period includes it) the cases late now, from the case rows and
    /// their open clocks. Read from indexes alone; `trackingCodes(of:)` names the few a page shows.
    public func namingEvidence(_ period: ClosedRange<CivilDate>, today: CivilDate?) async throws -> [Statistics.Evidence] {
        let perAgency = policies.filter(\.perAgency).map(\.code)
        return try await database.read { db in
            func evidence(_ sql: String, _ arguments: [SQLValue], current: Bool, reason: (SQLRow) throws -> NamingReason) async throws
                -> [Statistics.Evidence]
            {
                try await db.query(sql, arguments).map { row in
                    guard let id = row.int("petition_id") else { throw StoreError.unreadable("evidence") }
                    return Statistics.Evidence(
                        reason: try reason(row), agencyCode: row.string("agency_code") ?? Agency.governmentOfficeCode, petitionID: id,
                        current: current)
                }
            }
            let measures = StatisticsFact.Measure.allCases.filter { Rollup.namingReason(of: $0) != nil }
            var found = try await evidence(
                """
                SELECT measure, agency_code, petition_id FROM case_facts
                WHERE measure IN (\(measures.map { _ in "?" }.joined(separator: ", "))) AND day >= ? AND day <= ?
                """, measures.map { .text($0.rawValue) } + [.text(period.lowerBound.iso), .text(period.upperBound.iso)], current: false
            ) { row in
                guard let reason = StatisticsFact.Measure(rawValue: row.string("measure") ?? "").flatMap(Rollup.namingReason(of:)) else {
                    throw StoreError.unreadable("case_facts.measure")
                }
                return reason
            }
            guard let today else { return found }
            found += try await evidence(
                "SELECT lead_agency_code AS agency_code, id AS petition_id FROM petitions WHERE due_date < ?", [.text(today.iso)],
                current: true
            ) { _ in .overdueCases }
            // The restart count is written into the text so that the partial index applies.
            found += try await evidence(
                """
                SELECT lead_agency_code AS agency_code, id AS petition_id FROM petitions
                WHERE restarts >= \(NamingReason.prolongedRestarts) AND status NOT IN ('answered', 'closed', 'rejected')
                """, [], current: true
            ) { _ in .prolongedCases }
            guard !perAgency.isEmpty else { return found }
            found += try await evidence(
                """
                SELECT agency_code, petition_id FROM case_clocks
                WHERE policy IN (\(perAgency.map { _ in "?" }.joined(separator: ", "))) AND due_date < ? AND agency_code IS NOT NULL
                """, perAgency.map { .text($0) } + [.text(today.iso)], current: true
            ) { _ in .unansweredCoordination }
            return found
        }
    }

    /// The tracking codes of petitions, by petition number.
    public func trackingCodes(of ids: some Collection<Int>) async throws -> [Int: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { db in
            var codes: [Int: String] = [:]
            // In slices: a statement takes a bounded number of arguments.
            for start in stride(from: 0, to: unique.count, by: 500) {
                let slice = unique[start..<min(unique.count, start + 500)]
                for row in try await db.query(
                    "SELECT id, tracking_code FROM petitions WHERE id IN (\(slice.map { _ in "?" }.joined(separator: ", ")))",
                    slice.map { .int(Int64($0)) })
                {
                    if let id = row.int("id"), let code = row.string("tracking_code") { codes[id] = code }
                }
            }
            return codes
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

    /// The prolonged cases now, the most restarted first.
    public func prolongedCases(limit: Int = 200) async throws -> [ProlongedCase] {
        try await database.read { db in
            try await db.query(
                """
                SELECT tracking_code, lead_agency_code, restarts FROM petitions
                WHERE restarts >= \(NamingReason.prolongedRestarts) AND status NOT IN ('answered', 'closed', 'rejected')
                ORDER BY restarts DESC, received_at, id LIMIT ?
                """, limit
            ).map { row in
                guard let code = TrackingCode(row.string("tracking_code") ?? ""), let restarts = row.int("restarts") else {
                    throw StoreError.unreadable("petitions.restarts")
                }
                return ProlongedCase(
                    trackingCode: code, agencyCode: row.string("lead_agency_code") ?? Agency.governmentOfficeCode, restarts: restarts)
            }
        }
    }
}

/// A period as sums to read: whole months from the monthly table ("2026-02"…"2026-11"), plus
/// the days of a month it covers in part, or, when the period covers most of that month, the
/// whole month minus the days it leaves out. Counts add up, so taking days away is exact; a
/// year ending on the 2nd of a month reads that month whole and one day less, not 30 days
/// one by one (12,000 rows of a year's 34,000 at 100,000 petitions).
struct MonthSplit: Equatable {
    var wholeMonths: ClosedRange<String>?
    var addedDays: [ClosedRange<CivilDate>] = []
    var subtractedDays: [ClosedRange<CivilDate>] = []

    init(_ period: ClosedRange<CivilDate>) {
        let (first, last) = (period.lowerBound, period.upperBound)
        func key(_ index: Int) -> String { Rollup.month(year: index / 12, month: index % 12 + 1) }
        func days(_ range: ClosedRange<CivilDate>) -> Int { range.upperBound.julianDay - range.lowerBound.julianDay + 1 }
        var firstWhole = first.year * 12 + first.month - 1
        var lastWhole = last.year * 12 + last.month - 1
        // The days of one month inside the period: added, or the month taken whole and the
        // days outside taken away, whichever reads fewer days.
        func part(_ inside: ClosedRange<CivilDate>) -> Bool {
            let month = inside.lowerBound.firstDayOfMonth...inside.lowerBound.lastDayOfMonth
            guard inside != month else { return true }
            if days(inside) * 2 <= days(month) {
                addedDays.append(inside)
                return false
            }
            if inside.lowerBound > month.lowerBound { subtractedDays.append(month.lowerBound...inside.lowerBound.adding(days: -1)) }
            if inside.upperBound < month.upperBound { subtractedDays.append(inside.upperBound.adding(days: 1)...month.upperBound) }
            return true
        }
        if firstWhole == lastWhole {
            if !part(first...last) { return }
        } else {
            if !part(first...first.lastDayOfMonth) { firstWhole += 1 }
            if !part(last.firstDayOfMonth...last) { lastWhole -= 1 }
        }
        if firstWhole <= lastWhole { wholeMonths = key(firstWhole)...key(lastWhole) }
    }
}

extension Rollup.Count {
    /// The same sum with its month only for the measures drawn month by month.
    var summedOverMonths: Rollup.Count {
        Rollup.isSeries(measure)
            ? self : Rollup.Count(month: "", agencyCode: agencyCode, category: category, measure: measure, detail: detail, count: count)
    }

    init(row: SQLRow) throws {
        guard let month = row.string("month"), let agency = row.string("agency_code"),
            let measure = StatisticsFact.Measure(rawValue: row.string("measure") ?? ""), let n = row.int("n")
        else { throw StoreError.unreadable("rollups") }
        let text = row.string("category") ?? ""
        let category = PetitionCategory(rawValue: text)
        guard text.isEmpty || category != nil else { throw StoreError.unreadable("rollups.category") }
        self.init(month: month, agencyCode: agency, category: category, measure: measure, detail: row.string("detail") ?? "", count: n)
    }
}

extension StatisticsFact {
    /// "2026-03": the month of its monthly sum.
    var month: String { Rollup.month(year: day.year, month: day.month) }
    /// Its category in the monthly sums: kept for receipts only, empty otherwise.
    var monthlyCategory: String { measure == .submitted || measure == .received ? category.rawValue : "" }

    init(row: SQLRow) throws {
        guard let day = CivilDate(iso: row.string("day") ?? ""), let agency = row.string("agency_code"),
            let category = PetitionCategory(rawValue: row.string("category") ?? ""),
            let measure = Measure(rawValue: row.string("measure") ?? "")
        else { throw StoreError.unreadable("case_facts") }
        self.init(day: day, agencyCode: agency, category: category, measure: measure, detail: row.string("detail") ?? "")
    }
}
