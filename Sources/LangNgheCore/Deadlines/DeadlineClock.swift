import Foundation

/// One clock of a policy while the engine reads a petition's events.
///
/// The clock keeps its due date up to date as events come, so that each event costs at most
/// one walk through the calendar, and only when it moves the due date.
struct DeadlineClock: Sendable {
    enum End: Sendable {
        case met(Date)
        case cancelled(Date)

        var at: Date {
            switch self {
            case .met(let at), .cancelled(let at): at
            }
        }
    }

    let agencyCode: String?
    private(set) var startedAt: Date
    /// The day the count starts after; not itself counted.
    private(set) var countingDay: CivilDate
    /// Time held by finished pauses, in the unit's grain (see `DeadlineCounting`).
    private(set) var held = 0
    private(set) var due: DeadlineCounting.Due
    private(set) var end: End?

    init(agencyCode: String?, startedAt: Date, countingDay: CivilDate, counting: DeadlineCounting) {
        self.agencyCode = agencyCode
        self.startedAt = startedAt
        self.countingDay = countingDay
        due = counting.due(startedAt: startedAt, countingDay: countingDay, held: 0)
    }

    var isOpen: Bool { end == nil }

    /// Counts again from `instant`, forgetting pauses before it; a pause in course holds the new count too.
    mutating func restart(at instant: Date, counting: DeadlineCounting) {
        startedAt = instant
        countingDay = counting.countingStart(at: instant)
        held = 0
        due = counting.due(startedAt: startedAt, countingDay: countingDay, held: held)
    }

    /// Ends a pause begun at `pausedAt`. The due date moves by the time held, unless the clock
    /// was already late when paused: asking for information then does not excuse the delay.
    mutating func resume(pausedAt: Date, resumedAt: Date, counting: DeadlineCounting) {
        guard pausedAt < due.instant else { return }
        held += counting.held(startedAt: startedAt, countingDay: countingDay, pausedAt: pausedAt, resumedAt: resumedAt)
        due = counting.due(startedAt: startedAt, countingDay: countingDay, held: held)
    }

    /// Ends the clock; a pause in course ends with it, so an answer given while waiting for
    /// the submitter is measured against the due date the pause has moved.
    mutating func close(_ end: End, pausedSince: Date?, counting: DeadlineCounting) {
        guard isOpen else { return }
        if let pausedSince { resume(pausedAt: pausedSince, resumedAt: end.at, counting: counting) }
        self.end = end
    }

    /// Whether the clock is late at `instant` while a pause begun at `pausedSince` (if any) goes on.
    func isOverdue(at instant: Date, pausedSince: Date?) -> Bool {
        guard isOpen, instant >= due.instant else { return false }
        // Held before it fell due, its due date waits with it.
        if let pausedSince, pausedSince < due.instant { return false }
        return true
    }

    /// The clock as a `Deadline` on `today`.
    func deadline(policy: String, pausedSince: Date?, today: CivilDate, counting: DeadlineCounting) -> Deadline {
        var due = due
        let state: Deadline.State
        switch (end, pausedSince) {
        case (.met(let at)?, _): state = .met(on: counting.localDay(of: at), onTime: at < due.instant)
        case (.cancelled(let at)?, _): state = .cancelled(on: counting.localDay(of: at))
        case (nil, nil): state = .running
        case (nil, let since?):
            state = .paused
            // Provisional: as if the clock ran again today.
            var resumed = self
            resumed.resume(pausedAt: since, resumedAt: counting.startOf(today), counting: counting)
            due = resumed.due
        }
        return Deadline(
            policy: policy, agencyCode: agencyCode, startedAt: startedAt, dueDate: due.date, dueAt: due.instant,
            state: state)
    }
}
