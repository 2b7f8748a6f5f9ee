import Foundation

/// The event-driven workflow: whether a principal may append an event to a case now, and the
/// event it appends. One decision for the web forms and the API alike.
public enum Workflow {
    /// What the rules check fields against.
    public struct Reference: Sendable {
        public var activeAgencies: Set<String>
        public init(activeAgencies: Set<String>) { self.activeAgencies = activeAgencies }
    }

    /// Whether `principal` may append an event of `type` to the case now (fields aside).
    public static func check(_ type: EventType, by principal: Principal, on state: CaseState) -> WorkflowError? {
        let rule = WorkflowRule.rule(for: type)
        if principal == .anonymous { return .unauthenticated }
        if rule.actors == .system, principal != .system { return .conflict(.systemOnly) }
        guard CaseAccess.isActor(principal, rule.actors, state) else { return .forbidden }
        guard rule.statuses.contains(state.status) else { return .conflict(.status) }
        return precondition(type, state, principal).map(WorkflowError.conflict)
    }

    /// The event types `principal` may append now: the actions a page offers.
    public static func allowedEvents(for principal: Principal, on state: CaseState) -> [EventType] {
        EventType.allCases.filter { check($0, by: principal, on: state) == nil }
    }

    /// Checks everything and builds the event (its sequence is given by the store).
    public static func prepare(
        _ type: EventType, fields: [String: String], by principal: Principal, on state: CaseState,
        reference: Reference, at date: Date
    ) -> Result<PetitionEvent, WorkflowError> {
        if let refusal = check(type, by: principal, on: state) { return .failure(refusal) }
        var reader = EventFields(fields, reference: reference)
        guard let (text, data) = reader.read(type, state: state, by: principal), reader.errors.isEmpty else {
            return .failure(.invalid(reader.errors))
        }
        if type == .escalated, let refusal = escalationCheck(data["reason"], state) { return .failure(.conflict(refusal)) }
        let agency: String? =
            switch principal {
            case .staff(let staff): staff.agencyCode
            case .submitter, .system, .anonymous: nil
            }
        let actor: Actor =
            switch principal {
            case .staff(let staff): .staff(staff.id)
            case .submitter: .submitter
            case .system, .anonymous: .system
            }
        return .success(PetitionEvent(sequence: 0, type: type, at: date, actor: actor, agencyCode: agency, text: text, data: data))
    }

    /// State a case must be in beyond its status.
    static func precondition(_ type: EventType, _ state: CaseState, _ principal: Principal) -> ConflictReason? {
        switch type {
        case .answerApproved:
            guard state.draft != nil && !state.draftApproved else { return .noDraftToApprove }
            // Four eyes: the account that wrote the answer is not the one that approves it.
            if let author = state.draftAuthor, principal.staff?.id == author { return .approverIsDrafter }
            return nil
        case .answerPublished: return state.draft != nil && state.draftApproved ? nil : .noApprovedDraft
        case .followedUp, .markedUseful: return state.answersPublished > 0 ? nil : .noAnswerYet
        case .rated:
            if state.answersPublished == 0 { return .noAnswerYet }
            return state.ratedSinceAnswer ? .alreadyRated : nil
        default: return nil
        }
    }

    /// The seed's grounds for escalation must hold: a disagreement needs two agencies, a
    /// repeated complaint a follow-up after the answer.
    static func escalationCheck(_ reason: String?, _ state: CaseState) -> ConflictReason? {
        switch reason.flatMap(EscalationReason.init(rawValue:)) {
        case .disagreement: return state.involvedAgencies.count >= 2 ? nil : .needsTwoAgencies
        case .repeatedComplaint: return state.followedUpSinceAnswer ? nil : .needsFollowUp
        case .governmentAuthority, nil: return nil
        }
    }
}
