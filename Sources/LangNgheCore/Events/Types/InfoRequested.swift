/// `infoRequested`: VPCP or the lead agency asks the sender for more; the answer clock waits.
public struct InfoRequested: EventBody {
    public static let type = EventType.infoRequested
    public static let rule = WorkflowRule(actors: .coordinatorOrLeadHandlers, statuses: [.received, .assigned, .inProgress])
    public static let isPublic = true
    public static let form: [EventFormField] = [.textarea("message", required: true)]

    public var message: String

    public init(message: String) { self.message = message }

    public var text: String { message }

    public static func read(_ input: inout EventReader, state: CaseState) -> InfoRequested {
        InfoRequested(message: input.requiredText("message"))
    }

    public func apply(to state: inout CaseState, _ event: PetitionEvent) {
        // Answering resumes the case where it was.
        if state.status != .awaitingInfo { state.statusBeforeInfoRequest = state.status }
        state.status = .awaitingInfo
    }
}
