import Foundation

/// One policy's clocks on one petition, driven by the petition's events in log order.
struct DeadlineRun: Sendable {
    /// Every clock the policy had, in the order they started.
    private var clocks: [DeadlineClock] = []
    /// When the case was put on hold, while it is. A hold concerns the petition, not one clock:
    /// a clock started during it is held from its start.
    private var pausedSince: Date?
    /// For a `whileOverdue` policy, the due instant of the late deadline it last started for,
    /// so that one stretch of lateness starts one clock.
    private var watchedDue: Date?

    /// Applies what `event` does to the clocks of `rule`: cancel, stop, pause, resume, start.
    mutating func apply(_ actions: DeadlineActions, of event: PetitionEvent, rule: DeadlineRule) {
        guard !rule.publicEventsOnly || event.isPublic else { return }
        if actions.cancel { close(.cancelled(event.at), rule: rule) }
        if actions.stop {
            if !rule.perAgency {
                close(.met(event.at), rule: rule)
            } else if let i = clocks.firstIndex(where: { $0.isOpen && $0.agencyCode == event.agencyCode }) {
                // Requests to one agency are answered in turn, the oldest first.
                clocks[i].close(.met(event.at), pausedSince: pausedSince, counting: rule.counting)
            }
        }
        if actions.pause, pausedSince == nil { pausedSince = event.at }
        if actions.resume, let pausedAt = pausedSince {
            for i in 0..<clocks.count where clocks[i].isOpen {
                clocks[i].resume(pausedAt: pausedAt, resumedAt: event.at, counting: rule.counting)
            }
            pausedSince = nil
        }
        if actions.start {
            if !rule.perAgency, let i = clocks.firstIndex(where: \.isOpen) {
                clocks[i].restart(at: event.at, counting: rule.counting)
            } else {
                let agency = rule.perAgency ? event.body(CoordinationRequested.self)?.agency : nil
                let day = rule.counting.countingStart(at: event.at)
                clocks.append(DeadlineClock(agencyCode: agency, startedAt: event.at, countingDay: day, counting: rule.counting))
            }
        }
    }

    /// Ends every open clock.
    mutating func close(_ end: DeadlineClock.End, rule: DeadlineRule) {
        for i in 0..<clocks.count where clocks[i].isOpen {
            clocks[i].close(end, pausedSince: pausedSince, counting: rule.counting)
        }
    }

    /// The open clock that is late at `instant`, the one due first if several are.
    func overdueClock(at instant: Date) -> DeadlineClock? {
        var late: DeadlineClock?
        for i in 0..<clocks.count where clocks[i].isOverdue(at: instant, pausedSince: pausedSince) {
            if late.map({ clocks[i].due.instant < $0.due.instant }) ?? true { late = clocks[i] }
        }
        return late
    }

    /// For a `whileOverdue` policy: starts a clock for the deadline `late`, counted from its
    /// due date, unless one is open or this stretch of lateness already had one.
    mutating func watch(_ late: DeadlineClock, rule: DeadlineRule) {
        guard watchedDue != late.due.instant, !clocks.contains(where: \.isOpen) else { return }
        watchedDue = late.due.instant
        clocks.append(
            DeadlineClock(agencyCode: nil, startedAt: late.due.instant, countingDay: late.due.date, counting: rule.counting))
    }

    /// Appends the clocks, as deadlines on `today`.
    func append(to deadlines: inout [Deadline], rule: DeadlineRule, today: CivilDate) {
        for i in 0..<clocks.count {
            let deadline = clocks[i].deadline(policy: rule.code, pausedSince: pausedSince, today: today, counting: rule.counting)
            deadlines.append(deadline)
        }
    }
}
