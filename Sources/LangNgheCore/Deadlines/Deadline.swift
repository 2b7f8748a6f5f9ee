import Foundation

/// One clock of a `DeadlinePolicy` on one petition, derived from its events by `DeadlineEngine`;
/// never stored.
public struct Deadline: Sendable, Hashable {
    /// Where the clock stands.
    public enum State: Sendable, Hashable {
        /// Counting.
        case running
        /// Held while the case waits for the submitter. `dueDate` is then provisional: the due
        /// date if the clock ran again today, so the days left stay the same while it waits
        /// (a deadline already late when held stays late).
        case paused
        /// Ended by a stop event on `on`, before `dueAt` or after it.
        case met(on: CivilDate, onTime: Bool)
        /// Ended by a cancel event on `on`: the deadline no longer applies.
        case cancelled(on: CivilDate)
    }

    /// The `DeadlinePolicy.code`.
    public var policy: String
    /// The agency whose clock this is, for a policy counted per agency; otherwise nil.
    public var agencyCode: String?
    /// The instant of the event that started the clock, or that last restarted it.
    public var startedAt: Date
    /// The last day on which the deadline is still met on time.
    public var dueDate: CivilDate
    /// The instant from which it is late: the end of `dueDate` in office time, or for a policy
    /// counted in hours the exact instant. Inbox order.
    public var dueAt: Date
    public var state: State

    public init(policy: String, agencyCode: String?, startedAt: Date, dueDate: CivilDate, dueAt: Date, state: State) {
        self.policy = policy
        self.agencyCode = agencyCode
        self.startedAt = startedAt
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.state = state
    }

    /// Whether the clock still counts (running or paused).
    public var isOpen: Bool {
        switch state {
        case .running, .paused: true
        case .met, .cancelled: false
        }
    }

    /// The day the clock ended, if it has.
    public var endedOn: CivilDate? {
        switch state {
        case .running, .paused: nil
        case .met(let day, _), .cancelled(let day): day
        }
    }

    /// Whether the deadline is open and `today` is past its due date.
    public func isOverdue(today: CivilDate) -> Bool {
        isOpen && today > dueDate
    }

    /// Working days from `today` to the due date: 0 on the due date itself, negative once late.
    /// A deadline that has ended is measured on the day it ended, so a met one tells how early
    /// or how late it was met.
    ///
    /// Late days are the working days after the due date up to that day, and at least one: the
    /// Saturday after a Friday deadline is already late.
    public func workingDaysLeft(today: CivilDate, calendar: WorkingCalendar) -> Int {
        let day = endedOn ?? today
        guard day > dueDate else { return calendar.workingDays(from: day, to: dueDate) }
        return -max(1, calendar.workingDays(from: dueDate, to: day))
    }
}
