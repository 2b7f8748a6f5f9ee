import Foundation
import LangNgheCore
import LangNgheStorage

/// Deadlines as pages and the API show them, computed from a case's events with the store's
/// engine (the working calendar in the database and the policies).
final class DeadlineService: Sendable {
    let store: Store
    let environment: AppEnvironment

    init(store: Store, environment: AppEnvironment) {
        self.store = store
        self.environment = environment
    }

    /// The store's engine: the store keeps the case rows' clocks with it, and drops it when
    /// the calendar changes.
    func engine() async throws -> DeadlineEngine {
        try await store.deadlineEngine()
    }

    /// Today in Vietnam.
    var today: CivilDate { CivilDate.localDate(of: environment.now()) }

    /// Every clock of a case still running, with the agency that owes it: the answer, the
    /// 5 working days to accept or return, each coordination reply.
    func openDeadlines(events: [PetitionEvent], fieldCode: String?, category: PetitionCategory, leadAgency: String?) async throws
        -> [(policy: DeadlinePolicy, agency: String?, status: DeadlineStatus)]
    {
        let engine = try await engine()
        let today = today
        return engine.deadlines(for: events, fieldCode: fieldCode, category: category, today: today).compactMap { deadline in
            guard deadline.isOpen, let policy = engine.policies.first(where: { $0.code == deadline.policy }) else { return nil }
            return (policy, deadline.agencyCode ?? leadAgency, DeadlineStatus(deadline: deadline, today: today, calendar: engine.calendar))
        }
    }

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
