/// `returned`: the lead agency says the case is not within its competence and gives it back
/// to VPCP, with its reason.
public struct Returned: EventBody {
    public static let type = EventType.returned
    public static let rule = WorkflowRule(actors: .leadHandlers, statuses: [.assigned, .inProgress])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("reason", required: true)]

    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var text: String { reason }

    public static func read(_ input: inout EventReader, state: CaseState) -> Returned {
        Returned(reason: input.requiredText("reason"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        state.status = .received
        state.clearAgencies()
    }
}
