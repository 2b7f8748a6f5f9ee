import Foundation
import Hummingbird
import LangNgheCore
import LangNgheStorage

/// `/can-bo`: the signed-in staff member's queues.
struct InboxController {
    let store: Store
    let views: Views
    let deadlines: DeadlineService

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let queues = Queue.available(for: staff)
        guard let first = queues.first else {
            return .redirect(to: staff.role == .admin ? Site.accounts.path : Site.paperIntake.path, type: .normal)
        }
        let parameters = request.uri.queryParameters
        let queue = parameters.get("hang-doi").flatMap(Queue.init(rawValue:)).flatMap { queues.contains($0) ? $0 : nil } ?? first
        let status = parameters.get("trang-thai").flatMap(PetitionStatus.init(rawValue:))
        let query = request.formQuery("q") ?? ""
        let page: Int
        do { page = try PageNumber(parsing: parameters.get("trang"), field: "trang").value } catch { throw AppError.validation([error]) }
        let sortByDue = parameters.get("sap-xep") == "han"
        let overdueOnly = parameters.get("qua-han") == "1"
        var filter = try queue.filter(for: staff, statuses: status.map { [$0] } ?? [], query: query, page: page)
        filter.sort = sortByDue ? .due : .received
        let (result, due) = try await QueueService(store: store, deadlines: deadlines).page(filter, overdueOnly: overdueOnly)

        let language = context.language
        let t = { (key: String) in views.catalogue.text(key, language) }
        let agencies = try await store.agencies().byCode
        func link(queue: Queue, status: PetitionStatus? = nil, page: Int = 1, byDue: Bool? = nil, overdue: Bool? = nil) -> String {
            var items = ["hang-doi=" + queue.rawValue]
            if let status { items.append("trang-thai=" + status.rawValue) }
            if byDue ?? sortByDue { items.append("sap-xep=han") }
            if overdue ?? overdueOnly { items.append("qua-han=1") }
            if !query.isEmpty { items.append("q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            if page > 1 { items.append("trang=\(page)") }
            return Site.inbox.path + "?" + items.joined(separator: "&")
        }
        let statusTabs =
            [InboxPageModel.Tab(label: t("inbox_all_statuses"), href: link(queue: queue), count: nil, active: status == nil)]
            + PetitionStatus.allCases.compactMap { s in
                guard let count = result.countsByStatus[s], count > 0 else { return nil }
                return InboxPageModel.Tab(
                    label: t("status_" + s.rawValue), href: link(queue: queue, status: s), count: count, active: status == s)
            }
        let pageSize = 50
        let model = InboxPageModel(
            heading: t("queue_" + queue.rawValue),
            queues: queues.map {
                InboxPageModel.Tab(label: t("queue_" + $0.rawValue), href: link(queue: $0), count: nil, active: $0 == queue)
            },
            statusTabs: statusTabs, query: query, queue: queue.rawValue,
            rows: result.items.map { item in
                let deadline = due[item.trackingCode]
                return InboxPageModel.Row(
                    code: item.trackingCode.description, href: Site.staffCase(.value(item.trackingCode.description)).path,
                    title: item.title, status: t("status_" + item.status.rawValue), statusKey: item.status.rawValue,
                    agency: item.leadAgencyCode.flatMap { agencies[$0]?.name(language) } ?? "—",
                    receivedAt: DisplayDate.format(item.receivedAt),
                    due: deadline?.shownDueDate.map(DisplayDate.format) ?? "—",
                    deadlineBadge: deadline?.badge ?? "none", deadlineLabel: deadline.map { t("deadline_" + $0.badge) } ?? "")
            },
            total: result.total, isEmpty: result.items.isEmpty,
            previousHref: page > 1 ? link(queue: queue, status: status, page: page - 1) : nil,
            nextHref: page * pageSize < result.total ? link(queue: queue, status: status, page: page + 1) : nil,
            sortByDueHref: link(queue: queue, status: status, byDue: !sortByDue),
            overdueHref: link(queue: queue, status: status, overdue: !overdueOnly),
            sortedByDue: sortByDue, overdueOnly: overdueOnly)
        return views.page("inbox", title: model.heading, body: model, context: context)
    }
}
