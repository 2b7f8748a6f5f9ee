import Foundation
import LangNgheCore
import LangNgheStorage
import Synchronization

/// The working calendar (computed holidays plus the overrides in the database) and the deadline
/// policies, built once and rebuilt when an admin changes an override. Deadlines themselves are
/// never stored: they are computed from each case's events when asked.
final class DeadlineService: Sendable {
    let store: Store
    let policies: [DeadlinePolicy]
    let environment: AppEnvironment
    private let cached = Mutex<DeadlineEngine?>(nil)

    init(store: Store, environment: AppEnvironment, policies: [DeadlinePolicy]) {
        self.store = store
        self.environment = environment
        self.policies = policies
    }

    func engine() async throws -> DeadlineEngine {
        if let engine = cached.withLock({ $0 }) { return engine }
        let engine = DeadlineEngine(calendar: WorkingCalendar(overrides: try await store.calendarOverrides()), policies: policies)
        cached.withLock { $0 = engine }
        return engine
    }

    /// Call after the overrides change.
    func invalidate() {
        cached.withLock { $0 = nil }
    }

    /// Today in Vietnam.
    var today: CivilDate { CivilDate.localDate(of: environment.now()) }

    /// The answer deadline of a case and how it stands today.
    func answerStatus(events: [PetitionEvent], fieldCode: String?, category: PetitionCategory) async throws -> DeadlineStatus? {
        let engine = try await engine()
        let today = today
        guard let deadline = engine.answerDeadline(for: events, fieldCode: fieldCode, category: category, today: today) else { return nil }
        return DeadlineStatus(deadline: deadline, today: today, calendar: engine.calendar)
    }
}

/// A deadline as pages and the API show it.
struct DeadlineStatus: Sendable {
    let deadline: Deadline
    let overdue: Bool
    let workingDaysLeft: Int
    /// Open and due within three working days.
    let dueSoon: Bool

    init(deadline: Deadline, today: CivilDate, calendar: WorkingCalendar) {
        self.deadline = deadline
        overdue = deadline.isOverdue(today: today)
        workingDaysLeft = deadline.workingDaysLeft(today: today, calendar: calendar)
        dueSoon = deadline.isOpen && !overdue && workingDaysLeft <= 3
    }

    /// The due date to show: none once the deadline no longer applies (refused, merged, closed
    /// by a decision), which must never read as a date the case was late against.
    var shownDueDate: CivilDate? {
        if case .cancelled = deadline.state { return nil }
        return deadline.dueDate
    }

    /// "quá hạn 3 ngày làm việc" or "còn 5 ngày làm việc": never a negative count.
    func daysLeftText(_ t: (String) -> String) -> String? {
        guard deadline.isOpen else { return nil }
        return workingDaysLeft < 0
            ? t("deadline_overdue_by").replacingOccurrences(of: "{n}", with: String(-workingDaysLeft))
            : t("deadline_left").replacingOccurrences(of: "{n}", with: String(workingDaysLeft))
    }

    /// "overdue", "dueSoon", "onTrack", "met", "metLate", "paused" or "cancelled": the badge's style and text key.
    var badge: String {
        switch deadline.state {
        case .met(_, let onTime): onTime ? "met" : "metLate"
        case .cancelled: "cancelled"
        case .paused: "paused"
        case .running: overdue ? "overdue" : (dueSoon ? "dueSoon" : "onTrack")
        }
    }
}
