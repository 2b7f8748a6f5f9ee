import Foundation
import LangNgheCore
import LangNgheStorage

/// A staff member's queues: for coordinators screening and escalation, for leaders the answers
/// waiting for approval, for everyone their cases by status.
struct InboxPageModel {
    struct Tab {
        let label: String
        let href: String
        let count: Int?
        let active: Bool
    }

    struct Row {
        let code: String
        let href: String
        let title: String
        let status: String
        let statusKey: String
        let agency: String
        let receivedAt: String
        let due: String
        let deadlineBadge: String
        let deadlineLabel: String
    }

    let heading: String
    let queues: [Tab]
    let statusTabs: [Tab]
    let query: String
    let queue: String
    let rows: [Row]
    let total: Int
    let isEmpty: Bool
    let previousHref: String?
    let nextHref: String?
    let sortByDueHref: String
    let overdueHref: String
    let sortedByDue: Bool
    let overdueOnly: Bool
}

/// The queues each role has, by their slug in the address.
enum Queue: String, CaseIterable {
    case screening = "sang-loc"
    case escalated = "trinh-chinh-phu"
    case approval = "cho-duyet"
    case mine = "cua-toi"
    case all = "tat-ca"

    static func available(for staff: StaffAccount) -> [Queue] {
        switch staff.role {
        case .coordinator where staff.identity.isCoordinator: [.screening, .escalated, .all]
        case .leader: [.approval, .mine]
        case .officer, .observer: [.mine]
        case .coordinator, .admin: []
        }
    }

    /// The filter a queue stands for; `statuses` narrows it further.
    func filter(for staff: StaffAccount, statuses: [PetitionStatus], query: String, page: Int) throws -> InboxFilter {
        switch self {
        case .screening:
            let wanted = statuses.isEmpty ? [PetitionStatus.received, .awaitingInfo] : statuses
            return InboxFilter(scope: .all, statuses: wanted, query: query, page: page)
        case .escalated:
            return InboxFilter(scope: .all, statuses: [.escalated], query: query, page: page)
        case .approval:
            return InboxFilter(scope: .awaitingApproval(staff.agencyCode), statuses: statuses, query: query, page: page)
        case .mine:
            return InboxFilter(scope: try InboxScope.scope(for: staff, agency: nil), statuses: statuses, query: query, page: page)
        case .all:
            return InboxFilter(scope: .all, statuses: statuses, query: query, page: page)
        }
    }
}
