import Foundation
import LangNgheCore

/// What a queue shows: whose cases, in which statuses, matching what.
public struct InboxFilter: Sendable {
    /// Whose cases.
    public enum Scope: Sendable, Hashable {
        /// Every case (the Government Office).
        case all
        /// Cases on which this agency is lead or coordinating.
        case agency(String)
        /// Cases whose lead agency is this one and whose answer waits for approval.
        case awaitingApproval(String)
        /// Cases an observer was invited to.
        case invited(observerID: Int64)
    }

    /// Newest first, or the answer deadline due first (cases without one last).
    public enum Sort: String, Sendable { case received, due }

    public var scope: Scope
    public var statuses: [PetitionStatus]
    public var query: String
    public var page: Int
    public var pageSize: Int
    public var sort: Sort
    /// Only the cases whose answer deadline was due before this day (Vietnam time): overdue on it.
    public var overdueOn: CivilDate?

    public init(
        scope: Scope, statuses: [PetitionStatus] = [], query: String = "", page: Int = 1, pageSize: Int = 50, sort: Sort = .received,
        overdueOn: CivilDate? = nil
    ) {
        self.scope = scope
        self.statuses = statuses
        self.query = query
        self.page = PageNumber(clamping: page).value
        self.pageSize = min(max(1, pageSize), 200)
        self.sort = sort
        self.overdueOn = overdueOn
    }
}

public struct InboxItem: Sendable, Hashable {
    public var trackingCode: TrackingCode
    public var title: String
    public var status: PetitionStatus
    public var category: PetitionCategory
    public var fieldCode: String?
    public var leadAgencyCode: String?
    public var receivedAt: Date
    public var updatedAt: Date
}

public struct InboxPage: Sendable {
    public var items: [InboxItem]
    /// Matching cases in all pages.
    public var total: Int
    /// Cases of the scope (whatever the status filter) per status, for the queue's tabs.
    public var countsByStatus: [PetitionStatus: Int]

    public init(items: [InboxItem], total: Int, countsByStatus: [PetitionStatus: Int]) {
        self.items = items
        self.total = total
        self.countsByStatus = countsByStatus
    }
}

extension Store {
    /// A page of a queue, newest first, with its counts.
    public func inbox(_ filter: InboxFilter) async throws -> InboxPage {
        try await database.read { db in
            var scope = ""
            var scopeArguments: [SQLValue] = []
            switch filter.scope {
            case .all: scope = "1 = 1"
            case .agency(let code):
                scope = "p.id IN (SELECT petition_id FROM petition_agencies WHERE agency_code = ?)"
                scopeArguments = [.text(code)]
            case .awaitingApproval(let code):
                scope = "p.awaiting = 'approval' AND p.lead_agency_code = ?"
                scopeArguments = [.text(code)]
            case .invited(let id):
                scope = "p.id IN (SELECT petition_id FROM case_observers WHERE staff_id = ?)"
                scopeArguments = [.int(id)]
            }
            var conditions = [scope]
            var arguments = scopeArguments
            let folded = VietnameseText.folded(filter.query)
            if !folded.isEmpty {
                conditions.append("(p.search_text LIKE ? OR p.tracking_code = ?)")
                arguments += [.text("%" + folded + "%"), .text(filter.query.uppercased().trimmingCharacters(in: .whitespaces))]
            }
            // The status tabs count the whole queue, whatever the status and overdue filters.
            let countConditions = conditions
            let countArguments = arguments
            if let day = filter.overdueOn {
                conditions.append("p.due_date < ?")
                arguments.append(.text(day.iso))
            }
            if !filter.statuses.isEmpty {
                conditions.append("p.status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ", ") + ")")
                arguments += filter.statuses.map { .text($0.rawValue) }
            }
            let whereClause = conditions.joined(separator: " AND ")
            let total = try await db.query("SELECT COUNT(*) AS n FROM petitions p WHERE " + whereClause, arguments).first?.int("n") ?? 0
            let rows = try await db.query(
                """
                SELECT p.tracking_code, p.title, p.status, p.category, p.field_code, p.lead_agency_code, p.received_at, p.updated_at
                FROM petitions p WHERE \(whereClause) ORDER BY \(filter.sort == .due ? Self.dueOrder : "p.received_at DESC, p.id DESC") LIMIT ? OFFSET ?
                """, arguments + [.int(Int64(filter.pageSize)), .int(Int64(PageNumber(clamping: filter.page).offset(pageSize: filter.pageSize)))])
            var counts: [PetitionStatus: Int] = [:]
            for row in try await db.query(
                "SELECT p.status, COUNT(*) AS n FROM petitions p WHERE \(countConditions.joined(separator: " AND ")) GROUP BY p.status",
                countArguments)
            {
                if let status = PetitionStatus(rawValue: row.string("status") ?? "") { counts[status] = row.int("n") ?? 0 }
            }
            return InboxPage(items: rows.compactMap(InboxItem.init(row:)), total: total, countsByStatus: counts)
        }
    }
}

extension Store {
    /// Due first; cases with no running deadline last, newest first among them.
    static let dueOrder = "CASE WHEN p.due_at IS NULL THEN 1 ELSE 0 END, p.due_at, p.received_at DESC, p.id DESC"
}

extension InboxItem {
    init?(row: SQLRow) {
        guard let code = TrackingCode(row.string("tracking_code") ?? ""),
            let status = PetitionStatus(rawValue: row.string("status") ?? ""),
            let category = PetitionCategory(rawValue: row.string("category") ?? "")
        else { return nil }
        self.init(
            trackingCode: code, title: row.string("title") ?? "", status: status, category: category,
            fieldCode: row.string("field_code"), leadAgencyCode: row.string("lead_agency_code"),
            receivedAt: Timestamp.date(row.string("received_at") ?? "") ?? .distantPast,
            updatedAt: Timestamp.date(row.string("updated_at") ?? "") ?? .distantPast)
    }
}

extension Store {
    /// The event logs of many petitions, in a few queries.
    public func eventLogs(of codes: [TrackingCode]) async throws -> [TrackingCode: [PetitionEvent]] {
        var logs: [TrackingCode: [PetitionEvent]] = [:]
        for chunk in stride(from: 0, to: codes.count, by: 500).map({ Array(codes[$0..<min($0 + 500, codes.count)]) }) {
            let rows = try await database.read { db in
                let marks = chunk.map { _ in "?" }.joined(separator: ", ")
                let rows = try await db.query(
                    """
                    SELECT p.tracking_code, \(Self.eventColumns)
                    FROM events e JOIN petitions p ON p.id = e.petition_id WHERE p.tracking_code IN (\(marks)) ORDER BY e.petition_id, e.sequence
                    """, chunk.map { .text($0.description) })
                return rows
            }
            for row in rows {
                guard let code = TrackingCode(row.string("tracking_code") ?? "") else { throw StoreError.unreadable("petitions.tracking_code") }
                logs[code, default: []].append(try PetitionEvent(row: row))
            }
        }
        return logs
    }
}
