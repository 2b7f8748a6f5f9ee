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
    /// A page of a queue, newest first or due first, with its counts. An agency's queue is read
    /// from its own rows (`petition_agencies` carries each case's status, due date and
    /// receipt): counts and order come from indexes, and only the page's cases are visited.
    public func inbox(_ filter: InboxFilter) async throws -> InboxPage {
        try await database.read { db in
            // `q` holds status, due_date, due_sort, received_at and the case id (`key`).
            var from = "petitions q"
            var key = "q.id"
            var conditions: [String] = []
            var arguments: [SQLValue] = []
            switch filter.scope {
            case .all: break
            case .agency(let code):
                from = "petition_agencies q"
                key = "q.petition_id"
                conditions.append("q.agency_code = ?")
                arguments.append(.text(code))
            case .awaitingApproval(let code):
                conditions.append("q.awaiting = 'approval' AND q.lead_agency_code = ?")
                arguments.append(.text(code))
            case .invited(let id):
                conditions.append("q.id IN (SELECT petition_id FROM case_observers WHERE staff_id = ?)")
                arguments.append(.int(id))
            }
            let folded = VietnameseText.folded(filter.query)
            if !folded.isEmpty {
                // Text lives on the case row: join it when the queue is an agency's.
                if key != "q.id" { from += " JOIN petitions p ON p.id = q.petition_id" }
                let text = key == "q.id" ? "q" : "p"
                conditions.append("(\(text).search_text LIKE ? OR \(text).tracking_code = ?)")
                arguments += [.text("%" + folded + "%"), .text(filter.query.uppercased().trimmingCharacters(in: .whitespaces))]
            }
            // The status tabs count the whole queue, whatever the status and overdue filters.
            let countConditions = conditions.isEmpty ? ["1 = 1"] : conditions
            let countArguments = arguments
            if let day = filter.overdueOn {
                conditions.append("q.due_date < ?")
                arguments.append(.text(day.iso))
            }
            if !filter.statuses.isEmpty {
                conditions.append("q.status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ", ") + ")")
                arguments += filter.statuses.map { .text($0.rawValue) }
            }
            let whereClause = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
            let total = try await db.query("SELECT COUNT(*) AS n FROM \(from) WHERE \(whereClause)", arguments).first?.int("n") ?? 0
            let order = filter.sort == .due ? "q.due_sort, q.received_at DESC, \(key) DESC" : "q.received_at DESC, \(key) DESC"
            let page = try await db.query(
                "SELECT \(key) AS id FROM \(from) WHERE \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?",
                arguments + [
                    .int(Int64(filter.pageSize)), .int(Int64(PageNumber(clamping: filter.page).offset(pageSize: filter.pageSize))),
                ]
            ).compactMap { $0.int("id") }
            var items: [InboxItem] = []
            if !page.isEmpty {
                let rows = try await db.query(
                    """
                    SELECT id, tracking_code, title, status, category, field_code, lead_agency_code, received_at, updated_at
                    FROM petitions WHERE id IN (\(page.map { _ in "?" }.joined(separator: ", ")))
                    """, page.map { .int(Int64($0)) })
                var byID: [Int: InboxItem] = [:]
                for row in rows { if let id = row.int("id") { byID[id] = InboxItem(row: row) } }
                items = page.compactMap { byID[$0] }
            }
            var counts: [PetitionStatus: Int] = [:]
            for row in try await db.query(
                "SELECT q.status, COUNT(*) AS n FROM \(from) WHERE \(countConditions.joined(separator: " AND ")) GROUP BY q.status",
                countArguments)
            {
                if let status = PetitionStatus(rawValue: row.string("status") ?? "") { counts[status] = row.int("n") ?? 0 }
            }
            return InboxPage(items: items, total: total, countsByStatus: counts)
        }
    }
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
            // Rows come case by case: each case's code is read once.
            var last: (text: String, code: TrackingCode)?
            for row in rows {
                let text = row.string("tracking_code") ?? ""
                if last?.text != text {
                    guard let code = TrackingCode(text) else { throw StoreError.unreadable("petitions.tracking_code") }
                    last = (text, code)
                }
                guard let code = last?.code else { continue }
                logs[code, default: []].append(try PetitionEvent(row: row))
            }
        }
        return logs
    }
}
