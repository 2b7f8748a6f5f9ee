import Foundation

/// What the deadline engine says about a case, for `CaseFacts`: lateness is the engine's to
/// decide, so the statistics and the inbox never disagree about it.
struct CaseDeadlines {
    let events: [PetitionEvent]
    let fieldCode: String?
    let category: PetitionCategory
    let engine: DeadlineEngine
    let today: CivilDate

    /// Whether the answer deadline is overdue today.
    var isAnswerOverdue: Bool {
        engine.answerDeadline(for: events, fieldCode: fieldCode, category: category, today: today)?
            .isOverdue(today: today) ?? false
    }

    /// Whether the first answer met the deadline it ended; nil if there is none.
    var answeredOnTime: Bool? {
        guard let i = events.firstIndex(where: { $0.type == .answerPublished }) else { return nil }
        // The log up to the answer, read on its day: later events (a progress update restarting
        // the clock after the answer) must not hide the clock the answer met.
        let day = CivilDate.localDate(of: events[i].at, offsetSeconds: engine.officeHours.utcOffsetSeconds)
        let deadline = engine.answerDeadline(
            for: Array(events[...i]), fieldCode: fieldCode, category: category, today: day)
        guard case .met(_, let onTime) = deadline?.state else { return nil }
        return onTime
    }

    /// The requests with their lateness: each is matched to the clock its event started, which
    /// is the clock of a per-agency policy started by that event, for that agency, at that instant.
    func requests(_ requests: [CaseFactsReader.Request]) -> [CaseFacts.CoordinationRequest] {
        let policies = Set(
            engine.policies.filter { $0.perAgency && $0.start.contains(.coordinationRequested) }.map(\.code))
        var clocks = engine.deadlines(for: events, fieldCode: fieldCode, category: category, today: today)
            .filter { policies.contains($0.policy) }
        return requests.map { request in
            var isOverdue = false
            if let i = clocks.firstIndex(where: { $0.agencyCode == request.agencyCode && $0.startedAt == request.at }) {
                isOverdue = request.isOpen && clocks[i].isOverdue(today: today)
                clocks.remove(at: i)
            }
            return .init(agencyCode: request.agencyCode, isAnswered: request.isAnswered, isOverdue: isOverdue)
        }
    }
}
