import Foundation

/// Computes a petition's deadlines from its events, the working calendar and the policies.
///
/// Nothing is stored: the deadlines are a pure function of the log, so they follow a change of
/// calendar or policy at once, and any day's view can be recomputed for a report. Build one
/// engine and share it; a case is read in one pass over its events.
public struct DeadlineEngine: Sendable {
    public let calendar: WorkingCalendar
    public let policies: [DeadlinePolicy]
    public let officeHours: OfficeHours
    /// The policies that can run, in order.
    private let rules: [DeadlineRule]
    /// What each kind of event does to each rule; kinds that touch no clock are left out.
    private let actions: [EventType: [DeadlineActions]]
    /// Whether each rule is one an answer meets: the candidates for `answerDeadline`.
    private let isAnswerRule: [Bool]
    /// Every rule cancelled: what an event that ends every clock does.
    private let endAll: [DeadlineActions]

    /// An engine over `policies`.
    ///
    /// A `whileOverdue` policy that watches a code not in the list, or another watching policy,
    /// never starts: no rule in DOMAIN.md needs a chain of lateness rules.
    public init(
        calendar: WorkingCalendar, policies: [DeadlinePolicy] = DeadlinePolicy.defaults, officeHours: OfficeHours = .standard
    ) {
        self.calendar = calendar
        self.policies = policies
        self.officeHours = officeHours
        let runnable = policies.filter { policy in
            policy.whileOverdue.map { code in policies.contains { $0.code == code && $0.whileOverdue == nil } } ?? true
        }
        rules = runnable.map { policy in
            let watched = policy.whileOverdue.flatMap { code in runnable.firstIndex { $0.code == code } }
            let counting = DeadlineCounting(
                unit: policy.unit, length: policy.length, calendar: calendar, officeHours: officeHours)
            return DeadlineRule(policy, watched: watched, counting: counting)
        }
        actions = EventType.allCases.reduce(into: [:]) { table, type in
            let actions = runnable.map { $0.actions(for: type) }
            if actions.contains(where: { !$0.isEmpty }) { table[type] = actions }
        }
        isAnswerRule = runnable.map { $0.stop.contains(.answerPublished) && $0.whileOverdue == nil && !$0.perAgency }
        endAll = runnable.map { _ in DeadlineActions(cancel: true) }
    }

    /// The deadlines of a petition as they stand on `today`, in the order of `policies` and,
    /// within a policy, of their start. Events after `today` are left out, so the same log
    /// answers for any day.
    ///
    /// - Parameter events: the petition's log, in order of `sequence`.
    public func deadlines(
        for events: [PetitionEvent], fieldCode: String?, category: PetitionCategory, today: CivilDate
    ) -> [Deadline] {
        read(events, today: today, DeadlineReading(rules: rules, fieldCode: fieldCode, category: category))
    }

    /// The petition's main deadline, the one that gives its due date, lateness and inbox order:
    /// the latest clock of the policies an answer meets (`answer`, and `legalDocument` for a
    /// petition on a legal document), an open one before an ended one, then the one due first.
    public func answerDeadline(
        for events: [PetitionEvent], fieldCode: String?, category: PetitionCategory, today: CivilDate
    ) -> Deadline? {
        // Only the answer's policies: an inbox asks this of every case it lists.
        let reading = DeadlineReading(rules: rules, fieldCode: fieldCode, category: category, selected: isAnswerRule)
        var main: Deadline?
        var seen: [String] = []
        // Read backwards, the first clock of each policy is its latest.
        for deadline in read(events, today: today, reading).reversed() where !seen.contains(deadline.policy) {
            seen.append(deadline.policy)
            if main.map({ Self.precedes(deadline, $0) }) ?? true { main = deadline }
        }
        return main
    }

    /// Open before ended, then due first.
    private static func precedes(_ a: Deadline, _ b: Deadline) -> Bool {
        (a.isOpen ? 0 : 1, a.dueAt) < (b.isOpen ? 0 : 1, b.dueAt)
    }

    private func read(_ events: [PetitionEvent], today: CivilDate, _ reading: DeadlineReading) -> [Deadline] {
        var reading = reading
        let startOfToday = today.startOfDay(offsetSeconds: officeHours.utcOffsetSeconds)
        let endOfToday = today.adding(days: 1).startOfDay(offsetSeconds: officeHours.utcOffsetSeconds)
        for event in events where event.at < endOfToday {
            switch event.body.clockEffect {
            case .none: continue
            case .endsEveryClock: reading.read(event, actions: endAll)
            case .asPolicies:
                guard let actions = actions[event.type] else { continue }  // an event no clock hears
                reading.read(event, actions: actions)
            }
        }
        return reading.deadlines(today: today, startOfToday: startOfToday)
    }
}
