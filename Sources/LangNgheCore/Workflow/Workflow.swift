import Foundation

/// The event-driven workflow: whether a principal may append an event to a case now, and the
/// event it appends. One decision for the web forms and the API alike; what each event type
/// allows is its body's (`EventBody.rule`, `precondition`, `read`).
public enum Workflow {
    /// What the rules check fields against.
    public struct Reference: Sendable {
        public var activeAgencies: Set<String>
        /// The case's texts and submitter, for the check before publication.
        public var publication: PublicationTexts?

        public init(activeAgencies: Set<String>, publication: PublicationTexts? = nil) {
            self.activeAgencies = activeAgencies
            self.publication = publication
        }
    }

    /// Whether `principal` may append an event of `type` to the case now (fields aside).
    public static func check(_ type: EventType, by principal: Principal, on state: CaseState) -> WorkflowError? {
        let rule = type.body.rule
        if principal == .anonymous { return .unauthenticated }
        if rule.actors == .system, principal != .system { return .conflict(.systemOnly) }
        guard CaseAccess.isActor(principal, rule.actors, state) else { return .forbidden }
        guard rule.statuses.contains(state.status) else { return .conflict(.status) }
        return type.body.precondition(on: state, by: principal).map(WorkflowError.conflict)
    }

    /// The event types `principal` may append now: the actions a page offers.
    public static func allowedEvents(for principal: Principal, on state: CaseState) -> [EventType] {
        EventType.allCases.filter { check($0, by: principal, on: state) == nil }
    }

    /// Checks everything and builds the event (its sequence is given by the store).
    public static func prepare(
        _ type: EventType, input: EventInput, by principal: Principal, on state: CaseState, reference: Reference, at date: Date
    ) -> Result<PetitionEvent, WorkflowError> {
        if let refusal = check(type, by: principal, on: state) { return .failure(refusal) }
        var reader = EventReader(input, reference: reference)
        let body = type.body.read(&reader, state: state)
        guard reader.errors.isEmpty else { return .failure(.invalid(reader.errors)) }
        if let conflict = body.conflict(with: state, by: principal, reference: reference) { return .failure(.conflict(conflict)) }
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
        return .success(PetitionEvent(sequence: 0, at: date, actor: actor, agencyCode: agency, body: body))
    }
}
