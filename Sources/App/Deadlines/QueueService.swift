import Foundation
import LangNgheCore
import LangNgheStorage

/// A queue page with each case's answer deadline, for the web inbox and the API alike.
/// Sorting or filtering by deadline needs the whole queue in memory, because deadlines are
/// computed from the events, not stored.
struct QueueService: Sendable {
    let store: Store
    let deadlines: DeadlineService

    enum Sort: String, Sendable { case received, due }

    func page(_ filter: InboxFilter, sort: Sort, overdueOnly: Bool) async throws -> (InboxPage, [TrackingCode: DeadlineStatus]) {
        if sort == .received && !overdueOnly {
            let page = try await store.inbox(filter)
            return (page, try await dueDates(page.items))
        }
        let items = try await store.inboxItems(filter)
        let due = try await dueDates(items)
        var chosen = overdueOnly ? items.filter { due[$0.trackingCode]?.overdue == true } : items
        if sort == .due {
            let far = Date.distantFuture
            chosen.sort { (due[$0.trackingCode].map { $0.deadline.isOpen ? $0.deadline.dueAt : far } ?? far) < (due[$1.trackingCode].map { $0.deadline.isOpen ? $0.deadline.dueAt : far } ?? far) }
        }
        var countsFilter = filter
        countsFilter.statuses = []
        countsFilter.pageSize = 1
        let counts = try await store.inbox(countsFilter).countsByStatus
        let slice = Array(chosen.dropFirst(PageNumber(clamping: filter.page).offset(pageSize: filter.pageSize)).prefix(filter.pageSize))
        return (InboxPage(items: slice, total: chosen.count, countsByStatus: counts), due)
    }

    /// The answer deadlines of queue items, computed from their events.
    func dueDates(_ items: [InboxItem]) async throws -> [TrackingCode: DeadlineStatus] {
        let logs = try await store.eventLogs(of: items.map(\.trackingCode))
        var result: [TrackingCode: DeadlineStatus] = [:]
        for item in items {
            if let status = try await deadlines.answerStatus(events: logs[item.trackingCode] ?? [], fieldCode: item.fieldCode, category: item.category) {
                result[item.trackingCode] = status
            }
        }
        return result
    }
}
