import Foundation
import LangNgheCore
import LangNgheStorage

/// A queue page with each case's answer deadline, for the web inbox and the API alike. The
/// database sorts by due date and finds the overdue from the case rows' read model; only the
/// page's cases have their deadlines computed from their events, for the badges.
struct QueueService: Sendable {
    let store: Store
    let deadlines: DeadlineService

    func page(_ filter: InboxFilter, overdueOnly: Bool) async throws -> (InboxPage, [TrackingCode: DeadlineStatus]) {
        var filter = filter
        if overdueOnly { filter.overdueOn = deadlines.today }
        let page = try await store.inbox(filter)
        return (page, try await dueDates(page.items))
    }

    /// The answer deadlines of queue items, computed from their events.
    func dueDates(_ items: [InboxItem]) async throws -> [TrackingCode: DeadlineStatus] {
        let logs = try await store.eventLogs(of: items.map(\.trackingCode))
        var result: [TrackingCode: DeadlineStatus] = [:]
        for item in items {
            if let status = try await deadlines.answerStatus(
                events: logs[item.trackingCode] ?? [], fieldCode: item.fieldCode, category: item.category)
            {
                result[item.trackingCode] = status
            }
        }
        return result
    }
}
