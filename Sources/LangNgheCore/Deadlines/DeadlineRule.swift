/// What one event does to one policy's clocks, in the order the engine applies it.
struct DeadlineActions: Sendable {
    var cancel = false
    var stop = false
    var pause = false
    var resume = false
    var start = false

    var isEmpty: Bool { !(cancel || stop || pause || resume || start) }
}

/// A policy as the engine runs it: the few facts read for every event, gathered once when the
/// engine is built. A class, so that handing it around while reading a case copies nothing.
final class DeadlineRule: Sendable {
    let code: String
    let counting: DeadlineCounting
    let perAgency: Bool
    let publicEventsOnly: Bool
    let appliesTo: DeadlinePolicy.Scope
    /// The index of the rule whose lateness this one watches (`whileOverdue`).
    let watched: Int?

    init(_ policy: DeadlinePolicy, watched: Int?, counting: DeadlineCounting) {
        code = policy.code
        self.counting = counting
        perAgency = policy.perAgency
        publicEventsOnly = policy.publicEventsOnly
        appliesTo = policy.appliesTo
        self.watched = watched
    }
}

extension DeadlinePolicy {
    /// What an event of `type` does to this policy's clocks.
    func actions(for type: EventType) -> DeadlineActions {
        DeadlineActions(
            cancel: cancel.contains(type), stop: stop.contains(type), pause: pause.contains(type),
            resume: resume.contains(type), start: start.contains(type))
    }
}
